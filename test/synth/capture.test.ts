// The capture conditions' ground truth must be exact: the logo's projected artwork must land on the
// logo's pixels in the stored file after skew, downscaling or perspective, or every recall figure
// measured on those files is wrong.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { apply, invert, jacobian, rectCorners, type Point } from './affine.ts';
import { capturePage, captureView, planCapture, type Capture, type Condition } from './capture/index.ts';
import { photoHomography, samplePhotoShot } from './capture/photo.ts';
import { evidenceBoxes, sampleCut } from './cut.ts';
import { judgedDpi } from './expect.ts';
import { generateSet, planSet } from './generate.ts';
import { CHARTER, logoLinear, type LogoSpec } from './logo.ts';
import { composePage, designPage, groundTruth, PAGE_DPI, PAGE_HEIGHT, PAGE_WIDTH, type GroundTruth, type RasterPage } from './page.ts';
import { hashSeed, Rng } from './random.ts';
import { sampleLogo, VIOLATION_IDS, type FileKind, type ViolationId } from './violations.ts';
import { digest, tempDir } from './temp.ts';

const [AT_X, AT_Y, AT_W] = CHARTER.elements.at.box;
const R = AT_W / 2;
const [CX, CY] = [AT_X + R, AT_Y + R];

/** Mean RGB of the 3×3 pixels around file point p, or null off the raster. */
function sample(r: RasterPage, [x, y]: Point): [number, number, number] | null {
  const [px, py] = [Math.floor(x), Math.floor(y)];
  if (px < 1 || py < 1 || px > r.width - 2 || py > r.height - 2) return null;
  const sum = [0, 0, 0];
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) for (let c = 0; c < 3; c++) sum[c] += r.data[((py + dy) * r.width + px + dx) * 3 + c];
  return sum.map((v) => v / 9) as [number, number, number];
}

// The charter blue (0, 85, 164), even under a 0.7 light and a paper tint, against paper and desk.
const isBlue = (rgb: [number, number, number] | null) => !!rgb && rgb[2] - rgb[0] > 50 && rgb[2] - rgb[1] > 20;

// Points on a ring of the @ disc clear of the white @ glyph (r·0.725) and of the arrow (lower left):
// inside the disc's edge they are blue, just outside it they are page.
const RING_ANGLES = [-90, -45, 0, 45, 90, 180];
const ring = (k: number): Point[] => RING_ANGLES.map((a) => [CX + k * R * Math.cos((a * Math.PI) / 180), CY + k * R * Math.sin((a * Math.PI) / 180)]);

function expectDiscWhereTruthSays(raster: RasterPage, truth: GroundTruth) {
  const inside = ring(0.9).map((p) => sample(raster, apply(truth.transform, p)));
  const outside = ring(1.1).map((p) => sample(raster, apply(truth.transform, p)));
  expect(inside.map(isBlue), 'blue just inside the disc edge').toEqual(RING_ANGLES.map(() => true));
  expect(outside.map(isBlue), 'no blue just outside it').toEqual(RING_ANGLES.map(() => false));
}

async function capturedLogo(condition: Condition, seed: number, logo: Partial<LogoSpec> = {}, kind: FileKind = 'jpeg') {
  const rng = new Rng(hashSeed('capture-test', condition, seed));
  const spec = { ...sampleLogo('compliant', rng, { charter: CHARTER, widthRange: [420, 480] }), ...logo };
  const design = designPage(rng, { logos: [spec], layout: 'white', distractors: false, text: false });
  const capture = planCapture(condition, kind, rng.fork('capture'), 1);
  const shot = await capturePage(await composePage(design), capture, 1, PAGE_DPI, []);
  const dpi = captureView(capture, kind, { width: PAGE_WIDTH, height: PAGE_HEIGHT, dpi: PAGE_DPI }).dpi;
  const view = { condition, fileFromPage: shot.fileFromPage, size: [shot.raster.width, shot.raster.height] as [number, number], dpi };
  return { capture, raster: shot.raster, fileFromPage: shot.fileFromPage, truth: groundTruth(design.logos[0], 1, 'raster', undefined, view), onPage: groundTruth(design.logos[0], 1, 'raster') };
}

describe('capture conditions', () => {
  it.each([1, 2, 3])('puts a scanned logo where the skewed, blurred page shows it (seed %i)', async (seed) => {
    const { raster, truth, capture } = await capturedLogo('scan', seed);
    expect(capture.condition).toBe('scan');
    expect([raster.width, raster.height]).toEqual([PAGE_WIDTH, PAGE_HEIGHT]);
    expectDiscWhereTruthSays(raster, truth);
    expect(truth.visibleFraction).toBe(1);
  });

  it.each([1, 2, 3, 4, 5, 6])('puts a photographed logo where the perspective photo shows it (seed %i)', async (seed) => {
    const { raster, truth, capture } = await capturedLogo('photo', seed);
    const shot = (capture as Extract<Capture, { condition: 'photo' }>).shot;
    expect([raster.width, raster.height]).toEqual([shot.width, shot.height]);
    expectDiscWhereTruthSays(raster, truth);
    // A real homography, with the corners and box it implies.
    expect(Math.hypot(truth.transform[6], truth.transform[7])).toBeGreaterThan(0);
    const corners = [
      [0, 0],
      [CHARTER.artwork.width, 0],
      [CHARTER.artwork.width, CHARTER.artwork.height],
      [0, CHARTER.artwork.height],
    ].map((p) => apply(truth.transform, p as Point));
    corners.forEach((c, i) => expect(c.map((v, j) => Math.abs(v - truth.corners[i][j])).every((d) => d < 0.02)).toBe(true));
    expect(truth.bbox[0]).toBeCloseTo(Math.min(...corners.map((c) => c[0])), 1);
  });

  it('frames the whole page, spanning 50–85 % of the photo', () => {
    for (let seed = 0; seed < 40; seed++) {
      const shot = samplePhotoShot(new Rng(hashSeed('shot', seed)));
      const H = photoHomography(shot, PAGE_WIDTH, PAGE_HEIGHT);
      const page = rectCorners(PAGE_WIDTH, PAGE_HEIGHT).map((p) => apply(H, p));
      const [xs, ys] = [page.map((p) => p[0]), page.map((p) => p[1])];
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(-0.01);
      expect(Math.max(...xs)).toBeLessThanOrEqual(shot.width + 0.01);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(-0.01);
      expect(Math.max(...ys)).toBeLessThanOrEqual(shot.height + 0.01);
      const span = Math.max((Math.max(...xs) - Math.min(...xs)) / shot.width, (Math.max(...ys) - Math.min(...ys)) / shot.height);
      expect(span).toBeCloseTo(shot.fill, 3);
    }
  });

  it.each([1, 2])('lays the page on a desk that is darker than paper (seed %i)', async (seed) => {
    const { raster, fileFromPage } = await capturedLogo('photo', seed);
    // Pixels off the page: those the page-from-photo map sends outside it.
    const back = invert(fileFromPage);
    let [sum, n] = [0, 0];
    for (let y = 5; y < raster.height; y += 25) {
      for (let x = 5; x < raster.width; x += 25) {
        const [u, v] = apply(back, [x, y]);
        if (u > -10 && v > -10 && u < PAGE_WIDTH + 10 && v < PAGE_HEIGHT + 10) continue;
        const rgb = sample(raster, [x, y]);
        if (rgb) [sum, n] = [sum + (rgb[0] + rgb[1] + rgb[2]) / 3, n + 1];
      }
    }
    expect(n).toBeGreaterThan(100);
    expect(sum / n).toBeLessThan(200);
  });

  it.each([1, 2, 3])('scales web exports: box and disc follow the downscale (seed %i)', async (seed) => {
    const { raster, truth, onPage, capture } = await capturedLogo('web', seed);
    const { dpi } = (capture as Extract<Capture, { condition: 'web' }>).export;
    expect(raster.width).toBe(Math.round((PAGE_WIDTH * dpi) / 150));
    const [sx, sy] = [raster.width / PAGE_WIDTH, raster.height / PAGE_HEIGHT];
    [sx, sy, sx, sy].forEach((s, i) => expect(truth.bbox[i]).toBeCloseTo(onPage.bbox[i] * s, 1));
    expectDiscWhereTruthSays(raster, truth);
    // Judged at the assumed 150 dpi from the file's own pixels.
    expect(truth.widthMm).toBeCloseTo((onPage.widthPx * sx * 25.4) / 150, 1);
  });

  it('expects min-size from the width the checker will judge, in every condition', async () => {
    // 200 px designed, exported at 100 dpi: 133 px in the file, judged at 150 dpi = 22.6 mm < 25 mm.
    const rng = new Rng(9);
    const spec = { ...sampleLogo('compliant', rng, { charter: CHARTER }), widthPx: 200 };
    const design = designPage(rng, { logos: [spec], layout: 'white', distractors: false, text: false });
    const web: Capture = { condition: 'web', export: { dpi: 100, quality: 50 } };
    const shot = await capturePage(await composePage(design), web, 1, PAGE_DPI, []);
    const view = { condition: 'web' as const, fileFromPage: shot.fileFromPage, size: [shot.raster.width, shot.raster.height] as [number, number], dpi: judgedDpi(undefined) };
    const truth = groundTruth(design.logos[0], 1, 'raster', undefined, view);
    expect(truth.widthMm).toBeCloseTo(22.58, 1);
    expect(truth.expectedRules).toEqual(['min-size']);
    // The same logo on the page as drawn (150 dpi stated) is 33.9 mm: nothing to report.
    expect(groundTruth(design.logos[0], 1, 'raster').expectedRules).toEqual([]);
  });
});

describe('cut logos', () => {
  it('records the share of the artwork off the page, and takes the @ and the arrow whole when asked', async () => {
    let leftOff = 0;
    for (let seed = 0; seed < 30; seed++) {
      const rng = new Rng(hashSeed('cut', seed));
      const id: ViolationId = rng.pick(['compliant', 'mirror', 'distortion-stretch', 'badge-text', 'colour-recolour', 'addition', 'missing-badge'] as const);
      const spec = sampleLogo(id, rng, { charter: CHARTER, widthRange: [200, 480] });
      spec.crop = sampleCut(spec, logoLinear(spec), rng, { fraction: [0.1, 0.6], leftPartOff: 0.6 });
      const design = designPage(rng, { logos: [spec], layout: 'white', distractors: false, text: false });
      const truth = groundTruth(design.logos[0], 1, 'raster');
      expect(truth.visibleFraction).toBeCloseTo(1 - spec.crop.fraction, 3);
      expect(truth.expectedRules).toContain('cropped');
      const onPage = ([x, y]: Point) => x >= 0 && y >= 0 && x <= PAGE_WIDTH && y <= PAGE_HEIGHT;
      const corners = (b: number[]): Point[] => [
        [b[0], b[1]],
        [b[0] + b[2], b[1]],
        [b[0] + b[2], b[1] + b[3]],
        [b[0], b[1] + b[3]],
      ];
      if (spec.crop.leftPartOff) {
        leftOff++;
        for (const box of [CHARTER.elements.at.box, CHARTER.elements.arrow.box]) {
          expect(corners(box).map((p) => onPage(apply(truth.transform, p)))).toEqual([false, false, false, false]);
        }
      }
      // What shows the class stays wholly on the page.
      const evidence = evidenceBoxes(spec);
      if (evidence) expect(evidence.some((b) => corners(b).every((p) => onPage(apply(truth.transform, p))))).toBe(true);
    }
    expect(leftOff).toBeGreaterThanOrEqual(10);
  });

  it('draws the @ and the arrow wholly off the page in at least a third of the cut files of a set', () => {
    const cut = planSet({ seed: 4, count: 240, outDir: '', conditions: ['cut'] }).filter((r) => r.logos.length);
    const off = cut.filter((r) => r.logos[0].crop?.leftPartOff).length;
    expect(cut.every((r) => r.logos.length === 1 && r.logos[0].crop)).toBe(true);
    expect(off / cut.length).toBeGreaterThanOrEqual(1 / 3);
  });

  it('renders a cut logo with only the tagline and badge on the page', async () => {
    const rng = new Rng(17);
    const spec = sampleLogo('compliant', rng, { charter: CHARTER, widthRange: [400, 400] });
    spec.crop = sampleCut(spec, logoLinear(spec), rng, { fraction: [0.4, 0.6], leftPartOff: 1 });
    expect(spec.crop).toMatchObject({ edge: 'left', leftPartOff: true });
    const design = designPage(rng, { logos: [spec], layout: 'white', distractors: false, text: false });
    const truth = groundTruth(design.logos[0], 1, 'raster');
    const raster = await composePage(design);
    // The badge's blue box, by its rounded corner, shows where the truth puts it.
    const [bx, by, bw, bh] = CHARTER.elements.badge.box;
    for (const p of [
      [bx + bw - 24, by + 5],
      [bx + bw - 24, by + bh - 5],
    ] as Point[]) {
      expect(isBlue(sample(raster, apply(truth.transform, p)))).toBe(true);
    }
    expect(truth.visibleBBox[0]).toBe(0);
  });
});

describe('condition sets', () => {
  it('pairs every class with every condition it can be stored in over classes × conditions files', () => {
    const recipes = planSet({ seed: 1, count: 120, outDir: '' });
    const pairs = new Set(recipes.filter((r) => r.logos.length).map((r) => `${r.logos[0].violation}/${r.capture?.condition}`));
    for (const id of VIOLATION_IDS) {
      for (const c of ['clean', 'scan', 'web', 'small', 'cut', 'photo']) {
        // Validity is judged on a PDF's date: web exports and photos are images.
        if (id === 'validity' && (c === 'web' || c === 'photo')) continue;
        expect(pairs.has(`${id}/${c}`), `${id} × ${c}`).toBe(true);
      }
    }
    const negatives = recipes.filter((r) => !r.logos.length).map((r) => r.capture?.condition);
    expect(new Set(negatives)).toEqual(new Set(['clean', 'scan', 'web', 'photo']));
  });

  it('draws subtle variants of their classes in every condition', () => {
    const recipes = planSet({ seed: 2, count: 1200, outDir: '', negatives: 0 });
    const seen = new Map<string, Set<string>>();
    for (const r of recipes) {
      for (const l of r.logos) if (l.subtle) (seen.get(l.subtle) ?? seen.set(l.subtle, new Set()).get(l.subtle)!).add(r.capture!.condition);
    }
    for (const mode of ['rotation-5-8', 'stretch-10', 'colour-de20', 'tagline-word', 'accents']) {
      expect([...(seen.get(mode) ?? [])].sort(), mode).toEqual(['clean', 'cut', 'photo', 'scan', 'small', 'web']);
    }
    // A trademark sign at text size is under the charter's printed minimum on a 100–150 px logo.
    expect([...(seen.get('trademark') ?? [])].sort()).toEqual(['clean', 'cut', 'photo', 'scan', 'web']);
  });

  it('writes every condition and kind, the same bytes for the same seed, with the resolution the manifest says the checker judges at', async () => {
    const [dir, again] = [await tempDir(), await tempDir()];
    const options = { seed: 11, count: 12, negatives: 4, classes: ['addition', 'compliant'] as ViolationId[], corpusDir: null };
    const manifest = await generateSet({ ...options, outDir: dir });
    await generateSet({ ...options, outDir: again, concurrency: 1 });
    expect(await digest(dir)).toEqual(await digest(again));
    expect(new Set(manifest.files.map((f) => f.condition))).toEqual(new Set(['clean', 'scan', 'web', 'small', 'cut', 'photo']));
    expect(new Set(manifest.files.map((f) => f.kind))).toEqual(new Set(['png', 'jpeg', 'pdf', 'gif', 'webp']));
    for (const file of manifest.files) {
      const bytes = await readFile(join(dir, file.path));
      if (file.kind === 'pdf') {
        expect(file.dpi).toBe(PAGE_DPI);
        continue;
      }
      const meta = await sharp(bytes).metadata();
      expect(meta.format === 'jpeg' ? 'jpeg' : meta.format).toBe(file.kind);
      expect([meta.width, meta.height]).toEqual(file.pixelSize);
      expect(judgedDpi(meta.density), file.path).toBe(file.dpi);
      // Every added mark stays over the charter's printed minimum side once stored.
      for (const logo of file.logos) {
        if (!logo.params.addition) continue;
        const [x, y, w, h] = logo.params.addition.box;
        const [a, b, c, d] = jacobian(logo.transform, [x + w / 2, y + h / 2]);
        const sides = [Math.hypot(a, c) * w, Math.hypot(b, d) * h];
        expect(Math.min(...sides), file.path).toBeGreaterThan((CHARTER.addition.minSideMm / 25.4) * file.dpi);
      }
    }
  }, 60_000);
});
