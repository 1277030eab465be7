// Second stage of detection: from an anchor to a transform of the whole logo, then a check that the
// whole logo is really there. Transforms are 3×3 row-major matrices mapping reference-raster pixels
// (artwork units × REF_SCALE) to page pixels.
import { REF_SCALE, type ReferenceModel } from '../charter/reference.ts';
import type { ElementId } from '../charter/schema.ts';
import { multiply, type Matrix } from '../image/homography.ts';
import type { Gray } from '../image/raster.ts';
import { bilinear, sampleGridRgb } from '../image/sample.ts';
import { correlation } from '../image/stats.ts';
import type { EllipseAnchor, Point, RectangleAnchor } from './anchors.ts';

/** Reference data at the resolution the scores are computed at. */
export interface ScoreGrid {
  step: number;
  width: number;
  height: number;
  /** Mean reference grey over the badge variants. */
  gray: Float32Array;
  /** Mean reference R, G, B and luma over the badge variants. */
  channels: Float32Array[];
  masks: Record<ElementId, Uint8Array>;
  /** Where each element is drawn (its ink alone, not its box): how much of it is on the page. */
  inks: Record<ElementId, Uint8Array>;
  /** The cells of `masks` and of `inks`, listed, so that each element is scored over its own cells only. */
  cells: Record<ElementId, Int32Array>;
  inkCells: Record<ElementId, Int32Array>;
  /** 1 where every badge variant draws the same grey (all but the badge's words). */
  shared: Uint8Array;
  /** `gray` with the logo's inks in negative and the ground as it is: how an inverted logo looks. */
  negative: Float32Array;
}

/** Grey-level spread across badge variants above which a cell differs between them. */
const SHARED_SPREAD = 32;

export function buildScoreGrid(ref: ReferenceModel, step = 2): ScoreGrid {
  const width = Math.floor(ref.width / step);
  const height = Math.floor(ref.height / step);
  const gray = new Float32Array(width * height);
  const negative = new Float32Array(width * height);
  const shared = new Uint8Array(width * height);
  const elementIds = Object.keys(ref.elementMasks) as ElementId[];
  const channels = [0, 1, 2, 3].map(() => new Float32Array(width * height));
  const masks = {} as Record<ElementId, Uint8Array>;
  for (const id of Object.keys(ref.elementMasks) as ElementId[]) masks[id] = new Uint8Array(width * height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      let sum = 0;
      let n = 0;
      const counts: Partial<Record<ElementId, number>> = {};
      for (let dy = 0; dy < step; dy++) {
        for (let dx = 0; dx < step; dx++) {
          const k = (j * step + dy) * ref.width + i * step + dx;
          const inked = elementIds.some((id) => ref.elementMasks[id][k]);
          for (const v of ref.variants) {
            sum += v.gray.data[k];
            negative[j * width + i] += inked ? 255 - v.gray.data[k] : v.gray.data[k];
            for (let ch = 0; ch < 3; ch++) channels[ch][j * width + i] += v.rgba[k * 4 + ch];
          }
          n += ref.variants.length;
          for (const id of Object.keys(ref.elementMasks) as ElementId[]) if (ref.elementMasks[id][k]) counts[id] = (counts[id] ?? 0) + 1;
        }
      }
      gray[j * width + i] = sum / n;
      negative[j * width + i] /= n;
      const means = ref.variants.map((v) => {
        let m = 0;
        for (let dy = 0; dy < step; dy++) for (let dx = 0; dx < step; dx++) m += v.gray.data[(j * step + dy) * ref.width + i * step + dx];
        return m / (step * step);
      });
      if (Math.max(...means) - Math.min(...means) < SHARED_SPREAD) shared[j * width + i] = 1;
      for (let ch = 0; ch < 3; ch++) channels[ch][j * width + i] /= n;
      channels[3][j * width + i] = sum / n;
      for (const id of Object.keys(counts) as ElementId[]) if ((counts[id] ?? 0) * 2 >= step * step) masks[id][j * width + i] = 1;
    }
  }
  const inks = Object.fromEntries(Object.entries(masks).map(([id, m]) => [id, Uint8Array.from(m)])) as Record<ElementId, Uint8Array>;
  // Each element's box, not just its ink: a deleted element then scores as blank page, not as nothing.
  for (const id of Object.keys(masks) as ElementId[]) {
    const [bx, by, bw, bh] = ref.charter.elements[id].box.map((v) => (v * REF_SCALE) / step);
    for (let j = Math.max(0, Math.floor(by)); j < Math.min(height, Math.ceil(by + bh)); j++) {
      for (let i = Math.max(0, Math.floor(bx)); i < Math.min(width, Math.ceil(bx + bw)); i++) masks[id][j * width + i] = 1;
    }
  }
  const list = (m: Uint8Array) => Int32Array.from(Array.from(m).flatMap((v, i) => (v ? [i] : [])));
  const cells = Object.fromEntries(Object.entries(masks).map(([id, m]) => [id, list(m)])) as Record<ElementId, Int32Array>;
  const inkCells = Object.fromEntries(Object.entries(inks).map(([id, m]) => [id, list(m)])) as Record<ElementId, Int32Array>;
  return { step, width, height, gray, channels, masks, inks, cells, inkCells, shared, negative };
}

export interface LogoScore {
  /** Likeness (|correlation|) of each element's box to the reference. */
  elements: Record<ElementId, number>;
  /** Whole-logo correlation, page around the elements included. */
  overall: number;
  /** Whether the @ is drawn in inverted tones. */
  inverted: boolean;
  /** Share of the logo's grid samples that fall on the page. */
  onPage: number;
  confidence: number;
  /**
   * Likeness above chance summed over the elements on the page: how much of what is there the
   * transform explains. Between transforms of one anchor, the one that puts more of the logo
   * where the page shows it wins (a cut @ turned so that the rest of the logo falls off the page
   * explains less), and elements laid over unrelated content count against it.
   */
  support: number;
}

/**
 * Likeness an element's box reaches by chance on unrelated page content: about the 97th percentile
 * over real documents without the logo (../shared/corpus, 150 random transforms a page, coarse grid;
 * median 0.07, 95th percentile 0.26, 99th 0.38).
 */
const CHANCE_LIKENESS = 0.3;
/**
 * Share of an element's ink that must be on the page for it to count: inspection's quarter, less a
 * margin, since the coarse grid measures it only roughly and inspection is the one to rule it out.
 */
const MIN_ELEMENT_ON_PAGE = 0.2;

export function scoreLogo(page: { rgba: Uint8Array; width: number; height: number }, pageFromRef: Matrix, grid: ScoreGrid): LogoScore {
  const samples = sampleGridRgb(page.rgba, page.width, page.height, pageFromRef, grid.width, grid.height, grid.step);
  const luma = samples[3];
  const valid = new Uint8Array(luma.length);
  let onPage = 0;
  for (let i = 0; i < luma.length; i++) if (!Number.isNaN(luma[i])) (valid[i] = 1), onPage++;
  const overall = correlation(luma, grid.gray, valid);
  const raw = {} as Record<ElementId, number>;
  const negativeLikeness = {} as Record<ElementId, number>;
  const strength = {} as Record<ElementId, number>;
  let blank = 0;
  // Per element, one pass over its own cells gathers the sums of the four channels' correlations
  // (R, G, B, luma against the reference's) and of their spread.
  // The fifth comparison is luma against the artwork in negative on its ground (grid.negative):
  // an inverted logo on light paper keeps the paper light, so no single channel of the positive
  // artwork matches it (the disc keeps its tone against the paper, the @ flips against the disc).
  const references = [...grid.channels, grid.negative];
  const pageChannel = [0, 1, 2, 3, 3];
  const sa = new Float64Array(5);
  const saa = new Float64Array(5);
  const sb = new Float64Array(5);
  const sbb = new Float64Array(5);
  const sab = new Float64Array(5);
  for (const id of Object.keys(grid.masks) as ElementId[]) {
    let shown = 0;
    const inkCells = grid.inkCells[id];
    for (let k = 0; k < inkCells.length; k++) shown += valid[inkCells[k]];
    sa.fill(0), saa.fill(0), sb.fill(0), sbb.fill(0), sab.fill(0);
    let n = 0;
    const cells = grid.cells[id];
    for (let k = 0; k < cells.length; k++) {
      const i = cells[k];
      if (!valid[i]) continue;
      n++;
      for (let c = 0; c < 5; c++) {
        const a = samples[pageChannel[c]][i];
        const b = references[c][i];
        sa[c] += a;
        saa[c] += a * a;
        sb[c] += b;
        sbb[c] += b * b;
        sab[c] += a * b;
      }
    }
    // An element mostly off the page says nothing either way.
    if (n < 12 || shown <= inkCells.length * MIN_ELEMENT_ON_PAGE) {
      raw[id] = NaN;
      strength[id] = NaN;
      // Every element keyed on every call: objects of one shape keep this function optimised.
      negativeLikeness[id] = NaN;
      continue;
    }
    const r = [0, 1, 2, 3, 4].map((c) => {
      const va = n * saa[c] - sa[c] * sa[c];
      const vb = n * sbb[c] - sb[c] * sb[c];
      return va > 0 && vb > 0 ? (n * sab[c] - sa[c] * sb[c]) / Math.sqrt(va * vb) : 0;
    });
    // Blank: every channel flat (standard deviation under BLANK_SPREAD).
    if ([0, 1, 2, 3].every((c) => saa[c] / n - (sa[c] / n) ** 2 < BLANK_SPREAD * BLANK_SPREAD)) blank++;
    raw[id] = r[3];
    negativeLikeness[id] = r[4];
    // Recolouring can make two inks equally light (an inverted red arrow on an inverted blue disc),
    // so each channel gets its say: the element is as present as its clearest channel shows it.
    strength[id] = Math.max(...r.map(Math.abs));
  }
  // Inverting the artwork flips some elements' tones and not others (ink drawn on the page's white
  // stays darker than it), so each element is judged by the strength of its correlation.
  const elements = {} as Record<ElementId, number>;
  for (const id of Object.keys(raw) as ElementId[]) elements[id] = strength[id];
  // One element may be missing or defaced and the logo is still the logo: judge by the best three
  // (of those on the page). One element alone on the page, beside blank boxes or none, is no logo:
  // inspection could not confirm it.
  const likeness = Object.values(elements)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => b - a);
  const best = likeness.slice(0, likeness.length - 1);
  const confidence = likeness.length - blank >= 2 ? best.reduce((s, v) => s + v, 0) / best.length : 0;
  const support = likeness.reduce((s, v) => s + v - CHANCE_LIKENESS, 0);
  // ECC needs one polarity: the one of the @, the largest area of ink.
  const inverted = (raw.at ?? 0) < 0 || (negativeLikeness.at ?? 0) > Math.abs(raw.at ?? 0);
  return { elements, overall, inverted, onPage: onPage / luma.length, confidence, support };
}

/** Grey-level spread under which an element's box on the page holds nothing (paper, flat ink). */
const BLANK_SPREAD = 8;

/** Polar samples of the anchor disc: rotation becomes a circular shift, mirroring a reversal. */
export const POLAR_ANGLES = 120;
export const POLAR_RADII = [0.25, 0.35, 0.45, 0.55, 0.65, 0.72, 0.8, 0.88];

export function referencePolar(ref: ReferenceModel, element: ElementId): Float32Array {
  const [x, y, w, h] = ref.charter.elements[element].box.map((v) => v * REF_SCALE);
  const out = new Float32Array(POLAR_ANGLES * POLAR_RADII.length);
  const gray = { width: ref.width, height: ref.height, data: ref.variants[0].gray.data };
  for (let i = 0; i < POLAR_ANGLES; i++) {
    const t = (2 * Math.PI * i) / POLAR_ANGLES;
    POLAR_RADII.forEach((r, j) => {
      out[i * POLAR_RADII.length + j] = bilinear(gray.data, gray.width, gray.height, x + w / 2 + (r * w * Math.cos(t)) / 2 - 0.5, y + h / 2 + (r * h * Math.sin(t)) / 2 - 0.5);
    });
  }
  return out;
}

/** The page-from-unit-circle matrix of an OpenCV ellipse. */
function ellipseMatrix(e: EllipseAnchor): Matrix {
  const t = (e.angle * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  const [a, b] = [e.width / 2, e.height / 2];
  return [c * a, -s * b, e.cx, s * a, c * b, e.cy, 0, 0, 1];
}

export interface Hypothesis {
  pageFromRef: Matrix;
  mirrored: boolean;
  /** How well the anchor alone matched (polar correlation for discs). */
  anchorScore: number;
}

/** Share of a disc's polar samples that must fall on the page; a disc cut by the edge shows less. */
const MIN_POLAR_VALID = 0.5;
const MIN_POLAR_VALID_CUT = 0.25;
/** Least angle, in polar steps (3°), between two rotations proposed for the same disc. */
const TURN_SEPARATION = 10;

/**
 * Rotation and mirroring of a disc anchor, by correlating its polar samples with the reference's
 * at every angular shift, both ways round (|r| so that inverted tones match too). A whole disc
 * gives one answer; the arc of a disc cut by the page edge matches at several turns, so the best
 * `count` of them, apart by TURN_SEPARATION at least, are proposed for the whole logo to decide.
 */
export function ellipseHypotheses(gray: Gray, anchor: EllipseAnchor, element: ElementId, ref: ReferenceModel, refPolar: Float32Array, count = 1): Hypothesis[] {
  const E = ellipseMatrix(anchor);
  const nR = POLAR_RADII.length;
  const page = new Float32Array(POLAR_ANGLES * nR);
  for (let i = 0; i < POLAR_ANGLES; i++) {
    const t = (2 * Math.PI * i) / POLAR_ANGLES;
    for (let j = 0; j < nR; j++) {
      const [u, v] = [POLAR_RADII[j] * Math.cos(t), POLAR_RADII[j] * Math.sin(t)];
      page[i * nR + j] = bilinear(gray.data, gray.width, gray.height, E[0] * u + E[1] * v + E[2], E[3] * u + E[4] * v + E[5]);
    }
  }
  let valid = 0;
  for (const v of page) if (!Number.isNaN(v)) valid++;
  if (valid < page.length * (anchor.touchesEdge ? MIN_POLAR_VALID_CUT : MIN_POLAR_VALID)) return [];
  const mask = page.map((v) => (Number.isNaN(v) ? 0 : 1));
  const turns: Array<{ score: number; shift: number; mirrored: boolean }> = [];
  const shifted = new Float32Array(page.length);
  for (const mirrored of [false, true]) {
    for (let s = 0; s < POLAR_ANGLES; s++) {
      for (let i = 0; i < POLAR_ANGLES; i++) {
        const k = mirrored ? (((s - i) % POLAR_ANGLES) + POLAR_ANGLES) % POLAR_ANGLES : (((i - s) % POLAR_ANGLES) + POLAR_ANGLES) % POLAR_ANGLES;
        for (let j = 0; j < nR; j++) shifted[i * nR + j] = refPolar[k * nR + j];
      }
      turns.push({ score: Math.abs(correlation(page, shifted, mask)), shift: s, mirrored });
    }
  }
  turns.sort((a, b) => b.score - a.score);
  const apart = (a: (typeof turns)[number], b: (typeof turns)[number]) => {
    const d = Math.abs(a.shift - b.shift);
    return a.mirrored !== b.mirrored || Math.min(d, POLAR_ANGLES - d) >= TURN_SEPARATION;
  };
  const chosen: typeof turns = [];
  for (const t of turns) {
    if (chosen.length === count) break;
    if (chosen.every((c) => apart(c, t))) chosen.push(t);
  }
  const [x, y, w, h] = ref.charter.elements[element].box.map((v) => v * REF_SCALE);
  // Reference raster → unit disc: centre on the disc, divide by its radius (pixel centres at +0.5).
  const toUnit = [2 / w, 0, -(x + w / 2 - 0.5) * (2 / w), 0, 2 / h, -(y + h / 2 - 0.5) * (2 / h), 0, 0, 1];
  const step = (2 * Math.PI) / POLAR_ANGLES;
  return chosen.map((best) => {
    // Unit-disc coordinates of the reference map to the page through E · R(α) · F.
    const alpha = best.mirrored ? best.shift * step - Math.PI : best.shift * step;
    const [c, s] = [Math.cos(alpha), Math.sin(alpha)];
    const F = best.mirrored ? -1 : 1;
    const rotate = [c * F, -s, 0, s * F, c, 0, 0, 0, 1];
    return { pageFromRef: multiply(E, multiply(rotate, toUnit)), mirrored: best.mirrored, anchorScore: best.score };
  });
}

/**
 * The four ways a rectangle anchor can sit (upright, upside down, and both mirrored); which one is
 * right is left to the whole-logo score.
 */
export function rectangleHypotheses(anchor: RectangleAnchor, element: ElementId, ref: ReferenceModel): Hypothesis[] {
  const [x, y, w, h] = ref.charter.elements[element].box.map((v) => v * REF_SCALE);
  const refCorners: Point[] = [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
  return wholeBoxes(anchor, Math.max(w, h) / Math.min(w, h)).flatMap((box) => boxHypotheses(box, refCorners));
}

/**
 * The boxes a rectangle anchor may be: itself when whole; when cut by the page edge, its open
 * sides extended to the charter's proportions (either side may be the long one), or left as seen
 * (a box that ends at the border). A shear along the long side keeps that side's length and the
 * box's height across it, so the height is measured across the long side: long / aspect.
 */
export function wholeBoxes(anchor: RectangleAnchor, aspect: number): Array<[Point, Point, Point, Point]> {
  const [c0, c1, , c3] = anchor.corners;
  const [openA, openB] = anchor.open ?? [false, false];
  if (!openA && !openB) return [anchor.corners];
  const a: Point = [c1[0] - c0[0], c1[1] - c0[1]];
  const b: Point = [c3[0] - c0[0], c3[1] - c0[1]];
  const la = Math.hypot(a[0], a[1]);
  const lb = Math.hypot(b[0], b[1]);
  const sin = Math.abs(a[0] * b[1] - a[1] * b[0]) / (la * lb);
  const sizes: Array<[number, number]> = [[la, lb]];
  if (openA && openB) {
    // Both sides run off: the smallest box of the right proportions holding what is seen.
    const aLong = Math.max(la, aspect * lb * sin);
    const bLong = Math.max(lb, aspect * la * sin);
    sizes.push([aLong, aLong / (aspect * sin)], [bLong / (aspect * sin), bLong]);
  } else if (openB) sizes.push([la, la / (aspect * sin)], [la, aspect * la * sin]);
  else sizes.push([lb / (aspect * sin), lb], [aspect * lb * sin, lb]);
  const boxes: Array<[Point, Point, Point, Point]> = [];
  const kept: Array<[number, number]> = [];
  for (const [sa, sb] of sizes) {
    // What is seen lies inside the box; sizes within 5 % of one already kept add nothing.
    if (sa < la * 0.95 || sb < lb * 0.95) continue;
    if (kept.some(([ka, kb]) => Math.abs(ka - sa) < 0.05 * ka && Math.abs(kb - sb) < 0.05 * kb)) continue;
    kept.push([sa, sb]);
    const ua: Point = [(a[0] / la) * sa, (a[1] / la) * sa];
    const ub: Point = [(b[0] / lb) * sb, (b[1] / lb) * sb];
    boxes.push([c0, [c0[0] + ua[0], c0[1] + ua[1]], [c0[0] + ua[0] + ub[0], c0[1] + ua[1] + ub[1]], [c0[0] + ub[0], c0[1] + ub[1]]]);
  }
  return boxes;
}

/**
 * Lengths tried along the open sides of a cut box, as factors of the one its proportions give: a
 * stretch (a distortion the tool must report, up to 1.4× along either axis) changes them, and the
 * whole-logo score tells which one the page shows. Steps of 10 % leave registration a few per cent.
 */
export const OPEN_SIDE_FACTORS = [-4, -3, -2, -1, 1, 2, 3, 4].map((k) => 1.1 ** k);

/**
 * The hypothesis with the open sides of its cut box anchor scaled by `factor` about the corner
 * the box was traced from (the sides on the page stay where they are).
 */
export function stretchOpenSides(anchor: RectangleAnchor, pageFromRef: Matrix, factor: number): Matrix {
  const [c0, c1, , c3] = anchor.corners;
  const [openA, openB] = anchor.open ?? [false, false];
  // In the frame of the box's sides a = c1 − c0 and b = c3 − c0, scale the open ones.
  const [ax, ay, bx, by] = [c1[0] - c0[0], c1[1] - c0[1], c3[0] - c0[0], c3[1] - c0[1]];
  const side: Matrix = [ax, bx, c0[0], ay, by, c0[1], 0, 0, 1];
  const scale: Matrix = [openA ? factor : 1, 0, 0, 0, openB ? factor : 1, 0, 0, 0, 1];
  return multiply(side, multiply(scale, multiply(invertAffine(side), pageFromRef)));
}

function boxHypotheses(p: [Point, Point, Point, Point], refCorners: Point[]): Hypothesis[] {
  // Put the page corners in order starting at a long side, so corner k faces reference corner k.
  const side = (i: number) => Math.hypot(p[(i + 1) % 4][0] - p[i][0], p[(i + 1) % 4][1] - p[i][1]);
  const start = side(0) >= side(1) ? 0 : 1;
  const ordered = [0, 1, 2, 3].map((k) => p[(start + k) % 4]);
  const out: Hypothesis[] = [];
  for (const turn of [0, 2]) {
    for (const mirrored of [false, true]) {
      let idx = [0, 1, 2, 3].map((k) => (k + turn) % 4);
      if (mirrored) idx = [idx[1], idx[0], idx[3], idx[2]];
      const A = affineFromPoints(refCorners, idx.map((k) => ordered[k]));
      if (!A) continue;
      const det = A[0] * A[4] - A[1] * A[3];
      out.push({ pageFromRef: A, mirrored: det < 0, anchorScore: 0 });
    }
  }
  return out;
}

/** Least-squares affine transform mapping src points onto dst points. */
export function affineFromPoints(src: Point[], dst: Point[]): Matrix | null {
  // Normal equations of [x y 1] · [a b c]ᵀ = x', solved for both output coordinates.
  const M = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const vx = [0, 0, 0];
  const vy = [0, 0, 0];
  src.forEach(([x, y], i) => {
    const row = [x, y, 1];
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) M[r * 3 + c] += row[r] * row[c];
      vx[r] += row[r] * dst[i][0];
      vy[r] += row[r] * dst[i][1];
    }
  });
  const solve = (v: number[]) => {
    const m = [...M];
    const b = [...v];
    for (let col = 0; col < 3; col++) {
      let pivot = col;
      for (let r = col + 1; r < 3; r++) if (Math.abs(m[r * 3 + col]) > Math.abs(m[pivot * 3 + col])) pivot = r;
      if (Math.abs(m[pivot * 3 + col]) < 1e-9) return null;
      for (let c = 0; c < 3; c++) [m[col * 3 + c], m[pivot * 3 + c]] = [m[pivot * 3 + c], m[col * 3 + c]];
      [b[col], b[pivot]] = [b[pivot], b[col]];
      for (let r = 0; r < 3; r++) {
        if (r === col) continue;
        const f = m[r * 3 + col] / m[col * 3 + col];
        for (let c = 0; c < 3; c++) m[r * 3 + c] -= f * m[col * 3 + c];
        b[r] -= f * b[col];
      }
    }
    return [b[0] / m[0], b[1] / m[4], b[2] / m[8]];
  };
  const ax = solve(vx);
  const ay = solve(vy);
  if (!ax || !ay) return null;
  return [...ax, ...ay, 0, 0, 1];
}

/**
 * Refines a coarse transform by Gauss–Newton image alignment (Lucas & Kanade 1981, in the forward
 * compositional form of Baker & Matthews 2004) of the page, resampled on the score grid, onto the
 * reference, both normalised to zero mean and unit variance so that ink and contrast changes do not
 * matter. An inverted logo is aligned on the artwork with its inks in negative and the ground
 * around them as it is (`grid.negative`): its outlines alone (gradient magnitude, used before)
 * left it about a pixel off, enough for its texts to read as changed.
 * Written here rather than with OpenCV's findTransformECC: in opencv-wasm every failed ECC run
 * throws a C++ exception whose memory is never freed (≈2 MB each), which exhausts the WebAssembly
 * heap after a few hundred candidates on busy pages.
 */
export function refine(gray: Gray, pageFromRef: Matrix, grid: ScoreGrid, inverted: boolean, iterations = 30): Matrix {
  const { width, height, step } = grid;
  // Grid pixel (i, j) sits at reference pixel (i·step + (step−1)/2, j·step + (step−1)/2); the
  // parameters act on grid coordinates centred on the grid, which keeps the system well conditioned.
  const o = (step - 1) / 2;
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const refFromCentred = [step, 0, o + step * cx, 0, step, o + step * cy, 0, 0, 1];
  const centredFromRef = invertAffine(refFromCentred);
  // Aligned on what every badge variant shares: their words differ, and their mean is none of them.
  const onShared = (values: Float32Array) => values.map((v, i) => (grid.shared[i] ? v : NaN));
  const reference = onShared(inverted ? grid.negative : grid.gray);
  let warp = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  for (let it = 0; it < iterations; it++) {
    const pageFromCentred = multiply(pageFromRef, multiply(refFromCentred, warp));
    const sampled = sampleCentred(gray, pageFromCentred, width, height, cx, cy);
    const image = normalise(onShared(sampled));
    if (!image) return pageFromRef;
    // The reference is normalised over the samples on the page only, as the page is: off-page
    // samples are missing, and counting them would shift its mean and scale (and pull the fit).
    const template = normalise(reference.map((v, i) => (Number.isNaN(image.values[i]) ? NaN : v)));
    if (!template) return pageFromRef;
    const H = new Float64Array(36);
    const b = new Float64Array(6);
    const sd = new Float64Array(6);
    let used = 0;
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        const i = y * width + x;
        const v = image.values[i];
        const gx = (image.values[i + 1] - image.values[i - 1]) / 2;
        const gy = (image.values[i + width] - image.values[i - width]) / 2;
        if (Number.isNaN(v) || Number.isNaN(gx) || Number.isNaN(gy) || Number.isNaN(template.values[i])) continue;
        const u = x - cx;
        const w = y - cy;
        sd[0] = gx * u;
        sd[1] = gx * w;
        sd[2] = gx;
        sd[3] = gy * u;
        sd[4] = gy * w;
        sd[5] = gy;
        const e = template.values[i] - v;
        for (let r = 0; r < 6; r++) {
          b[r] += sd[r] * e;
          for (let c = r; c < 6; c++) H[r * 6 + c] += sd[r] * sd[c];
        }
        used++;
      }
    }
    if (used < 100) return pageFromRef;
    for (let r = 0; r < 6; r++) for (let c = 0; c < r; c++) H[r * 6 + c] = H[c * 6 + r];
    const dp = solve(H, b, 6);
    if (!dp) return pageFromRef;
    warp = multiply(warp, [1 + dp[0], dp[1], dp[2], dp[3], 1 + dp[4], dp[5], 0, 0, 1]);
    if (Math.hypot(dp[2], dp[5]) < 0.01 && Math.abs(dp[0]) + Math.abs(dp[1]) + Math.abs(dp[3]) + Math.abs(dp[4]) < 1e-4) break;
  }
  // Reject runaway solutions: a correct refinement only nudges the transform.
  const drift = Math.hypot(warp[2], warp[5]) + 20 * (Math.abs(warp[0] - 1) + Math.abs(warp[1]) + Math.abs(warp[3]) + Math.abs(warp[4] - 1));
  if (!Number.isFinite(drift) || drift > 20) return pageFromRef;
  return multiply(pageFromRef, multiply(refFromCentred, multiply(warp, centredFromRef)));
}

function sampleCentred(gray: Gray, pageFromCentred: Matrix, width: number, height: number, cx: number, cy: number): Float32Array {
  const out = new Float32Array(width * height);
  const [a, b, c, d, e, f] = pageFromCentred;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x - cx;
      const w = y - cy;
      out[y * width + x] = bilinear(gray.data, gray.width, gray.height, a * u + b * w + c, d * u + e * w + f);
    }
  }
  return out;
}

/** Zero mean, unit variance over the non-NaN values; null when flat. */
function normalise(values: ArrayLike<number>): { values: Float32Array } | null {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) (sum += values[i]), n++;
  if (n < 2) return null;
  const mean = sum / n;
  let variance = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) variance += (values[i] - mean) ** 2;
  const sd = Math.sqrt(variance / n);
  if (sd < 1e-6) return null;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - mean) / sd;
  return { values: out };
}

function invertAffine(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * e - b * d;
  return [e / det, -b / det, (b * f - c * e) / det, -d / det, a / det, (c * d - a * f) / det, 0, 0, 1];
}

/** Gaussian elimination with partial pivoting of an n×n system; null when singular. */
function solve(A: Float64Array, rhs: Float64Array, n: number): number[] | null {
  const m = Array.from(A);
  const v = Array.from(rhs);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]) > Math.abs(m[pivot * n + col])) pivot = r;
    if (Math.abs(m[pivot * n + col]) < 1e-9) return null;
    for (let c = 0; c < n; c++) [m[col * n + c], m[pivot * n + c]] = [m[pivot * n + c], m[col * n + c]];
    [v[col], v[pivot]] = [v[pivot], v[col]];
    for (let r = col + 1; r < n; r++) {
      const f = m[r * n + col] / m[col * n + col];
      for (let c = col; c < n; c++) m[r * n + c] -= f * m[col * n + c];
      v[r] -= f * v[col];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = v[r];
    for (let c = r + 1; c < n; c++) sum -= m[r * n + c] * x[c];
    x[r] = sum / m[r * n + r];
  }
  return x;
}
