// The generator's own checks: if its ground truth is wrong, every recall and precision figure
// measured with it is wrong too.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFArray } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Point } from './affine.ts';
import { generateSet, writeRecipe, type FileRecipe } from './generate.ts';
import { CHARTER } from './logo.ts';
import { designPage, encodePage, groundTruth, PAGE_HEIGHT, PAGE_WIDTH } from './page.ts';
import { hashSeed, Rng } from './random.ts';
import { deltaE2000, hexToLab } from '../../src/image/colour.ts';
import { ACCENTLESS_BADGES, NEAR_DELTA_E, sampleLogo, type ViolationId } from './violations.ts';
import { digest, tempDir } from './temp.ts';

/** Point-in-convex-quad with a tolerance in px, for antialiased edge pixels. */
function insideQuad([x, y]: Point, quad: Point[], tolerance: number): boolean {
  // A mirrored logo's corners turn the other way round; the signed area says which.
  let area = 0;
  for (let i = 0; i < 4; i++) area += quad[i][0] * quad[(i + 1) % 4][1] - quad[(i + 1) % 4][0] * quad[i][1];
  const turn = Math.sign(area);
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = quad[i];
    const [bx, by] = quad[(i + 1) % 4];
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if ((turn * cross) / Math.hypot(bx - ax, by - ay) < -tolerance) return false;
  }
  return true;
}

describe('synthetic test material', () => {
  it('writes the same bytes for the same seed', async () => {
    const options = { seed: 7, count: 3, negatives: 1, classes: ['rotation', 'validity', 'addition'] as ViolationId[], corpusDir: null };
    const [a, b] = [await tempDir(), await tempDir()];
    const manifest = await generateSet({ ...options, outDir: a });
    await generateSet({ ...options, outDir: b, concurrency: 1 });
    expect(await digest(a)).toEqual(await digest(b));
    expect(manifest.files.map((f) => f.logos.map((l) => l.violation))).toEqual([['rotation'], ['validity'], ['addition'], []]);
    expect(manifest.files[1]).toMatchObject({ kind: 'pdf', expectedFileRules: ['validity'] });
    expect(manifest.files[1].created! >= '2009-01-01').toBe(true);
  }, 60_000);

  const shapes: ViolationId[] = ['compliant', 'rotation', 'distortion-skew', 'distortion-stretch', 'mirror', 'min-size'];
  it.each(shapes)('puts the %s ground truth where the logo pixels are', async (id) => {
    const rng = new Rng(hashSeed('bbox', id));
    const spec = sampleLogo(id, rng, { charter: CHARTER });
    const design = designPage(rng, { logos: [spec], layout: 'white', distractors: false, text: false });
    const truth = groundTruth(design.logos[0], 1, 'raster');
    const { data, info } = await sharp(await encodePage(design, 'png')).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([PAGE_WIDTH, PAGE_HEIGHT]);
    const [bx, by, bw, bh] = truth.bbox;
    let blue = 0;
    let outside = 0;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        const o = (y * info.width + x) * info.channels;
        const [r, b] = [data[o], data[o + 2]];
        if (!(b > 100 && b - r > 60)) continue;
        blue++;
        const p: Point = [x + 0.5, y + 0.5];
        if (p[0] < bx - 1 || p[0] > bx + bw + 1 || p[1] < by - 1 || p[1] > by + bh + 1 || !insideQuad(p, truth.corners, 1.5)) outside++;
        [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x + 1), Math.max(maxY, y + 1)];
      }
    }
    expect(outside).toBe(0);
    // The blue @ disc and badge span 96 % of the artwork's width and 88 % of its height.
    expect(blue).toBeGreaterThan(bw * bh * 0.1);
    expect(truth.visibleFraction).toBe(1);
    if (id === 'compliant' || id === 'min-size') {
      expect((maxX - minX) / bw).toBeGreaterThan(0.93);
      expect((maxY - minY) / bh).toBeGreaterThan(0.85);
    }
  }, 20_000);

  it('reports how much of a cropped logo is off the page', async () => {
    const rng = new Rng(3);
    const spec = sampleLogo('cropped', rng, { charter: CHARTER });
    const design = designPage(rng, { logos: [spec], layout: 'white', distractors: false, text: false });
    const truth = groundTruth(design.logos[0], 1, 'raster');
    expect(truth.visibleFraction).toBeCloseTo(1 - spec.crop!.fraction, 3);
    const [x, y, w, h] = truth.bbox;
    expect(x < 0 || y < 0 || x + w > PAGE_WIDTH || y + h > PAGE_HEIGHT).toBe(true);
  });

  it('draws subtle variants a small multiple past the charter tolerances', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      for (const id of ['rotation', 'distortion-stretch', 'colour-recolour', 'badge-text', 'addition'] as const) {
        const spec = sampleLogo(id, new Rng(hashSeed('subtle', id, seed)), { charter: CHARTER, subtleRate: 1 });
        const plain = sampleLogo(id, new Rng(hashSeed('subtle', id, seed)), { charter: CHARTER });
        expect(plain.subtle).toBeUndefined();
        if (!spec.subtle) continue;
        seen.add(spec.subtle);
        const g = spec.geometry;
        if (spec.subtle === 'rotation-5-8') expect(Math.abs(g.rotationDeg) >= 5 && Math.abs(g.rotationDeg) <= 8).toBe(true);
        if (spec.subtle === 'stretch-10') expect(Math.max(g.scaleX, g.scaleY)).toSatisfy((k: number) => k >= 1.1 && k <= 1.15);
        if (spec.subtle === 'colour-de20') {
          const [[name, hex]] = Object.entries(spec.colours!);
          // Whole RGB levels move ΔE by a few tenths at most.
          const de = deltaE2000(hexToLab(CHARTER.palette[name].hex), hexToLab(hex));
          expect(de).toSatisfy((d: number) => d >= NEAR_DELTA_E[0] - 0.5 && d <= NEAR_DELTA_E[1] + 0.5);
        }
        if (spec.subtle === 'accents') {
          const approved = CHARTER.badges.find((b) => b.id === spec.variant)!.text;
          expect(spec.badgeText).toBe(ACCENTLESS_BADGES[spec.variant]);
          expect(spec.badgeText).toBe(approved.normalize('NFD').replace(/\p{M}/gu, ''));
          expect(spec.badgeText).not.toBe(approved);
        }
        if (spec.subtle === 'trademark') {
          const [x, y, w, h] = spec.addition!.box;
          expect(spec.addition!.kind).toBe('trademark');
          expect(x >= 0 && y >= 0 && x + w <= CHARTER.artwork.width && y + h <= CHARTER.artwork.height).toBe(true);
          expect(spec.addition!.areaFraction).toBeGreaterThanOrEqual(CHARTER.addition.minAreaFraction);
          expect(spec.addition!.svg).toContain(`fill="${CHARTER.palette.blue.hex}"`);
        }
      }
    }
    expect([...seen].sort()).toEqual(['accents', 'colour-de20', 'rotation-5-8', 'stretch-10', 'trademark']);
  });

  it.each(['vector', 'image'] as const)('writes a PDF whose logo (%s) is on the page the manifest names', async (logoMode) => {
    const dir = await tempDir();
    const rng = new Rng(11);
    const recipe: FileRecipe = {
      name: `pdf-${logoMode}`,
      kind: 'pdf',
      seed: hashSeed('pdf', logoMode),
      logos: [sampleLogo('compliant', rng, { charter: CHARTER })],
      layout: 'white',
      pdf: { pages: 3, logoPage: 2, logoMode, created: new Date('2008-06-01T12:00:00Z'), title: 'Test brochure' },
      corpusPhotos: false,
    };
    const file = await writeRecipe(recipe, dir, { photos: [] });
    expect(file).toMatchObject({ pages: 3, pageRules: [{ page: 1 }, { page: 2 }, { page: 3 }] });
    expect(file.logos.map((l) => [l.page, l.render])).toEqual([[2, logoMode]]);

    const doc = await PDFDocument.load(await readFile(join(dir, file.path)), { updateMetadata: false });
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getTitle()).toBe('Test brochure');
    expect(doc.getCreationDate()?.toISOString()).toBe('2008-06-01T12:00:00.000Z');
    const { width, height } = doc.getPage(0).getSize();
    expect([width, height].map((n) => Math.round(n * 100) / 100)).toEqual([595.2, 841.92]);

    // Only the logo page carries a second image (image mode) or curve operators (vector mode).
    const drawn = doc.getPages().map((page) => {
      const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      const contents = page.node.Contents();
      const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
      const text = streams
        .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
        .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1'))
        .join('\n');
      // pdf-lib writes the outlines' quadratic segments as 'v' curves.
      return { images: xobjects?.keys().length ?? 0, curves: (text.match(/ [cv]\n/g) ?? []).length };
    });
    if (logoMode === 'image') expect(drawn.map((d) => d.images)).toEqual([1, 2, 1]);
    else expect(drawn.map((d) => d.curves > 100)).toEqual([false, true, false]);
  }, 20_000);
});
