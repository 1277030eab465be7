// "Another brand needs a charter file and its artwork, passed with --charter; no code change."
// This proves it with a fictional brand whose palette, layout, texts, badges, period, media and
// article numbers all differ from the bundled charter: test/fixtures/other-brand/.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../src/check.ts';
import { CharterError, loadCharter, parseCharter } from '../src/charter/load.ts';
import type { Charter } from '../src/charter/schema.ts';
import type { FileResult, Finding } from '../src/types.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/other-brand');
const CHARTER_FILE = join(FIXTURES, 'cafe-du-coin.json');

/** A4 at 150 dpi, the size PDF pages are rendered at by default. */
const PAGE = { width: 1240, height: 1754 };
const LOGO_WIDTH = 400;
const LOGO_AT = { left: 140, top: 180 };

let charter: Charter;
let checker: Checker;
let dir: string;

/** The approved artwork as it would be pasted into a flyer: rasterised at LOGO_WIDTH. */
async function logoPng(charter: Charter, variant = charter.badges[0].id): Promise<Buffer> {
  const svg = await readFile(join(FIXTURES, charter.badges.find((b) => b.id === variant)!.artwork));
  return sharp(svg, { density: (72 * LOGO_WIDTH) / charter.artwork.width }).png().toBuffer();
}

/** Grey lines standing for body text, so a page is not empty around the logo. */
function bodyText(top: number): sharp.OverlayOptions[] {
  return Array.from({ length: 12 }, (_, i) => ({
    input: { create: { width: 900 - (i % 3) * 120, height: 14, channels: 4 as const, background: '#555555' } },
    left: 160,
    top: top + i * 36,
  }));
}

async function page(name: string, overlays: sharp.OverlayOptions[], greyscale = false): Promise<string> {
  let image = sharp({ create: { ...PAGE, channels: 3, background: '#ffffff' } }).composite(overlays);
  if (greyscale) image = sharp(await image.png().toBuffer()).greyscale();
  const file = join(dir, `${name}.png`);
  await image.png().toFile(file);
  return file;
}

const errors = (result: FileResult): Finding[] =>
  [...result.findings, ...result.pages.flatMap((p) => p.logos.flatMap((l) => l.findings))].filter((f) => f.severity === 'error');

beforeAll(async () => {
  charter = await loadCharter(CHARTER_FILE);
  checker = await createChecker({ charter, lang: 'en' });
  dir = await mkdtemp(join(tmpdir(), 'logo-check-other-brand-'));
}, 120_000);

afterAll(async () => {
  await checker?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a second charter (« Café du Coin »)', () => {
  it('loads and validates like the bundled one', () => {
    expect(charter.id).toBe('cafe-du-coin-2020');
    expect(Object.keys(charter.palette)).toEqual(['green', 'white', 'orange']);
    expect(charter.badges.map((b) => b.id)).toEqual(['partenaire', 'revendeur']);
    expect(charter.period).toEqual({ from: '2020-01-01', until: '2030-12-31' });
  });

  it.each(['partenaire', 'revendeur'])('finds its compliant logo with the %s badge and reports no error', async (variant) => {
    const file = await page(`compliant-${variant}`, [{ input: await logoPng(charter, variant), ...LOGO_AT }, ...bodyText(700)]);
    const result = await checker.checkFile(file);
    expect(result.error).toBeUndefined();
    expect(result.pages[0].logos).toHaveLength(1);
    const [logo] = result.pages[0].logos;
    expect(logo.bbox[0]).toBeCloseTo(LOGO_AT.left, -1);
    expect(logo.bbox[1]).toBeCloseTo(LOGO_AT.top, -1);
    expect(logo.bbox[2]).toBeCloseTo(LOGO_WIDTH, -1);
    expect(logo.badge).toBe(variant);
    expect(errors(result)).toEqual([]);
    expect(result.status).toBe('pass');
  }, 120_000);

  it('reports a greyscaled logo as a colour modification, citing the brand\'s own article', async () => {
    const file = await page('greyscale', [{ input: await logoPng(charter), ...LOGO_AT }, ...bodyText(700)], true);
    const result = await checker.checkFile(file);
    expect(result.pages[0].logos).toHaveLength(1);
    const colour = result.pages[0].logos[0].findings.filter((f) => f.rule === 'colour');
    expect(colour.map((f) => f.element)).toEqual(['at', 'arrow', 'tagline', 'badge']);
    expect(colour[0]).toMatchObject({ kind: 'modification', severity: 'error', article: 'Art. 5' });
    expect(colour[0].message).toMatch(/^cup disc: measured colour #\w{6}, .* from the charter green #1B7F3B \(tolerance 10\)$/);
    expect(colour[1].message).toMatch(/from the charter orange #F28C28/);
    expect(result.status).toBe('fail');
  }, 120_000);

  it('lets one of its own media waive the greyscale', async () => {
    const onReceipt = await createChecker({ charter, lang: 'en', medium: 'receipt' });
    try {
      const file = await page('receipt', [{ input: await logoPng(charter), ...LOGO_AT }], true);
      const findings = (await onReceipt.checkFile(file)).pages[0].logos[0].findings.filter((f) => f.rule === 'colour');
      expect(findings).toHaveLength(4);
      for (const f of findings) expect(f).toMatchObject({ severity: 'info', waivedBy: 'receipt' });
      expect(findings[0].message).toMatch(/Allowed for the medium “till receipt” because a thermal printer prints black only\.$/);
    } finally {
      await onReceipt.close();
    }
  }, 120_000);

  it('finds no logo on a page without one', async () => {
    const photo = { input: { create: { width: 500, height: 320, channels: 4 as const, background: '#3A6EA5' } }, left: 600, top: 180 };
    const result = await checker.checkFile(await page('no-logo', [photo, ...bodyText(700)]));
    expect(result.pages[0].logos).toEqual([]);
    expect(errors(result)).toEqual([]);
  }, 120_000);
});

describe('a broken second charter', () => {
  const json = async () => JSON.parse(await readFile(CHARTER_FILE, 'utf8'));

  function problems(value: unknown): string[] {
    try {
      parseCharter(value, CHARTER_FILE);
    } catch (err) {
      if (err instanceof CharterError) return err.problems;
      throw err;
    }
    throw new Error('the charter was accepted');
  }

  it('is rejected when a palette colour is not #RRGGBB, naming the field', async () => {
    const broken = await json();
    broken.palette.green.hex = '#12';
    expect(problems(broken)).toEqual(['palette.green.hex: must be a colour written #RRGGBB, e.g. "#0055A4"']);
  });

  it('is rejected when an element names a colour the palette does not define, naming the field', async () => {
    const broken = await json();
    broken.elements.arrow.colours = ['red'];
    expect(problems(broken)).toEqual([
      'elements.arrow.colours.0: names palette colour "red", which palette does not define (defined: green, white, orange)',
    ]);
  });
});
