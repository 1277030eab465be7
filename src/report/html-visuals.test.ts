import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artworkPath, loadCharter } from '../charter/load.ts';
import type { FileResult, Homography, Report } from '../types.ts';
import { logoKey, renderVisuals } from './html-visuals.ts';
import { summarise } from './summary.ts';
import { measurement } from './testing/fixtures.ts';

const charter = await loadCharter();
let dir: string;

// The approved artwork drawn at half size at (100, 200) on an 800 × 600 white page: the
// homography the checker would report for it is then known exactly.
const AT: Homography = [0.5, 0, 100, 0, 0.5, 200, 0, 0, 1];

async function page(file: string, mark: boolean, scale = 1): Promise<void> {
  const logo = await sharp(await readFile(artworkPath(charter, 'offre-referencee')), { density: 36 * scale }).resize(400 * scale, 150 * scale).png().toBuffer();
  const layers: sharp.OverlayOptions[] = [{ input: logo, left: 100 * scale, top: 200 * scale }];
  // A « promo » sticker in the empty corner above the badge.
  if (mark) layers.push({ input: { create: { width: 30, height: 24, channels: 4, background: '#ff00ff' } }, left: 450, top: 202 });
  await sharp({ create: { width: 800 * scale, height: 600 * scale, channels: 4, background: '#ffffff' } }).composite(layers).png().toFile(file);
}

function result(path: string): FileResult {
  const m = measurement([100, 200, 400, 150]);
  m.detection.homography = AT;
  m.blur = 0;
  return { path, status: 'pass', kind: 'png', pages: [{ page: 1, width: 800, height: 600, logos: [{ bbox: [100, 200, 400, 150], confidence: 1, badge: 'offre-referencee', findings: [], measurement: m }] }], findings: [] };
}

function reportOf(files: FileResult[]): Report {
  return { tool: { name: 'logo-check', version: 't' }, charter: { id: charter.id, name: charter.name }, options: { lang: 'fr' }, files, summary: summarise(files) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-visuals-'));
  await page(join(dir, 'clean.png'), false);
  await page(join(dir, 'sticker.png'), true);
  await page(join(dir, 'double.png'), false, 2);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('pictures of the HTML report', () => {
  it('draws a thumbnail, the logo upright, the artwork and a difference that finds nothing on the approved logo', async () => {
    const file = result(join(dir, 'clean.png'));
    const visuals = await renderVisuals(reportOf([file]), { charter });
    const drawn = visuals.files[file.path];
    expect(drawn.thumbnails[1]).toMatchObject({ width: 640, height: 480 });
    expect(drawn.thumbnails[1].uri).toMatch(/^data:image\/webp;base64,/);
    const logo = drawn.logos[logoKey(1, 0)];
    expect(logo.variant).toBe('offre-referencee');
    expect(logo.upright).toMatchObject({ width: 400, height: 150 });
    expect(logo.shares.added + logo.shares.removed + logo.shares.changed).toBeLessThan(0.005);
    expect(visuals.artwork['offre-referencee']).toMatch(/^data:image\/svg\+xml;base64,/);

    // The upright logo is the page's logo: its @ disc is the charter's blue.
    const { data, info } = await sharp(Buffer.from(logo.upright.uri.split(',')[1], 'base64')).raw().toBuffer({ resolveWithObject: true });
    const [x, y, w, h] = charter.elements.at.box.map((v) => v / 2);
    const centre = (Math.round(y + h * 0.12) * info.width + Math.round(x + w / 2)) * info.channels;
    const blue = [0x00, 0x55, 0xa4];
    // Lossy WebP: within a few levels.
    [...data.subarray(centre, centre + 3)].forEach((v, c) => expect(Math.abs(v - blue[c])).toBeLessThan(12));
  });

  it('marks a sticker added on the logo', async () => {
    const file = result(join(dir, 'sticker.png'));
    const logo = (await renderVisuals(reportOf([file]), { charter })).files[file.path].logos[logoKey(1, 0)];
    // The logo is 400 page pixels wide like the grid: the 30 × 24 sticker is 720 of its 60 000 pixels.
    expect(logo.shares.added + logo.shares.changed).toBeGreaterThan(0.009);
    expect(logo.shares.added + logo.shares.changed).toBeLessThan(0.013);
    expect(logo.shares.removed).toBeLessThan(0.005);
  });

  it('follows a page decoded at another resolution than the one the boxes were measured at (merged results)', async () => {
    const file = result(join(dir, 'double.png'));
    const logo = (await renderVisuals(reportOf([file]), { charter })).files[file.path].logos[logoKey(1, 0)];
    expect(logo.shares.added + logo.shares.removed + logo.shares.changed).toBeLessThan(0.005);
  });

  it('leaves out a file that cannot be decoded again, and files without a logo', async () => {
    const missing = result(join(dir, 'gone.png'));
    const visuals = await renderVisuals(reportOf([missing, { ...result(join(dir, 'clean.png')), pages: [{ page: 1, width: 800, height: 600, logos: [] }] }]), { charter });
    expect(visuals.files).toEqual({});
  });
});
