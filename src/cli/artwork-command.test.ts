import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { artworkPath, loadCharter } from '../charter/load.ts';
import { run } from './testing.ts';

const charter = await loadCharter();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-artwork-'));
});

describe('logo-check artwork', () => {
  it('copies the approved SVG byte for byte, with all four elements', async () => {
    const out = join(dir, 'logo.svg');
    const r = await run(['artwork', '--badge', 'equipement-reference', '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: `logo-check: wrote ${out} (SVG, badge equipement-reference)\n` });
    const svg = await readFile(out, 'utf8');
    expect(svg).toBe(await readFile(artworkPath(charter, 'equipement-reference'), 'utf8'));
    for (const id of ['at', 'arrow', 'tagline', 'badge']) expect(svg).toContain(`<g id="${id}"`);
  });

  it('renders a PNG 1200 px wide by default, keeping the aspect ratio, on a transparent background', async () => {
    const out = join(dir, 'logo.png');
    const r = await run(['artwork', '--badge', 'offre-referencee', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`logo-check: wrote ${out} (PNG 1200 × 450 px, transparent background, badge offre-referencee)\n`);
    const meta = await sharp(out).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1200, height: 450, hasAlpha: true });
    // A corner is outside the artwork's shapes: it must be see-through, not white.
    const { data } = await sharp(out).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[3]).toBe(0);
  });

  it('renders at the requested width', async () => {
    const out = join(dir, 'small.png');
    expect((await run(['artwork', '--badge', 'conseiller-tpe', '--width', '400', '--out', out])).code).toBe(0);
    expect(await sharp(out).metadata()).toMatchObject({ width: 400, height: 150 });
  });

  it('lets --format win over the extension', async () => {
    const out = join(dir, 'logo.image');
    expect((await run(['artwork', '--badge', 'offre-referencee', '--format', 'png', '--out', out])).code).toBe(0);
    expect((await sharp(out).metadata()).format).toBe('png');
  });

  it('creates the output folder', async () => {
    const out = join(dir, 'new/folder/logo.svg');
    expect((await run(['artwork', '--badge', 'offre-referencee', '--out', out])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('<svg');
  });

  it('says --width does not apply to SVG', async () => {
    const r = await run(['artwork', '--badge', 'offre-referencee', '--width', '300', '--out', join(dir, 'w.svg')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('logo-check: --width applies to PNG only; the SVG scales to any size\n');
  });

  it('exports the artwork of a charter given before the command', async () => {
    const out = join(dir, 'global.svg');
    expect((await run(['--charter', charter.file, 'artwork', '--badge', 'offre-referencee', '--out', out])).code).toBe(0);
  });

  it.each([
    [['--badge', 'offre', '--out', 'x.png'], "logo-check: option '--badge <variant>' argument 'offre' is invalid. Expected one of the charter's badge ids: offre-referencee, equipement-reference, centre-competence-tpe, conseiller-tpe — see logo-check artwork --help\n"],
    [['--badge', 'offre-referencee', '--out', 'x.jpg'], "logo-check: option '--out <file>' argument 'x.jpg' is invalid. Expected a file name ending in .svg or .png, or give --format svg|png — see logo-check artwork --help\n"],
    [['--badge', 'offre-referencee', '--format', 'pdf', '--out', 'x.pdf'], "logo-check: option '--format <format>' argument 'pdf' is invalid. Allowed choices are svg, png — see logo-check artwork --help\n"],
    [['--badge', 'offre-referencee', '--width', '50', '--out', 'x.png'], "logo-check: option '--width <n>' argument '50' is invalid. Expected a whole number from 100 to 10000 — see logo-check artwork --help\n"],
    [['--out', 'x.png'], "logo-check: required option '--badge <variant>' not specified — see logo-check artwork --help\n"],
    [['--badge', 'offre-referencee'], "logo-check: required option '--out <file>' not specified — see logo-check artwork --help\n"],
  ])('usage error for %j', async (args, message) => {
    const r = await run(['artwork', ...args]);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: message });
  });

  it('fails with exit 2 when the output cannot be written', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, '');
    const r = await run(['artwork', '--badge', 'offre-referencee', '--out', join(blocker, 'logo.png')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^logo-check: cannot write .*logo\.png: /);
  });
});
