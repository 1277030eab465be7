// Second stage of detection: from an anchor to a transform of the whole logo, then a check that the
// whole logo is really there. Transforms are 3×3 row-major matrices mapping reference-raster pixels
// (artwork units × REF_SCALE) to page pixels.
import type { ElementId } from '../charter/schema.ts';
import type { EllipseAnchor, Point, RectangleAnchor } from './anchors.ts';
import { getCv, withMats } from './opencv.ts';
import { correlation, multiply, type Gray } from './raster.ts';
import { REF_SCALE, type ReferenceModel } from './reference.ts';

export type Matrix = number[];

/**
 * Samples gray at the page positions of a w×h grid laid over the reference raster with `step`
 * reference pixels between samples; points off the page are NaN.
 */
export function sampleGrid(gray: Gray, pageFromRef: Matrix, w: number, h: number, step: number): Float32Array {
  const out = new Float32Array(w * h);
  const [a, b, c, d, e, f] = pageFromRef;
  const { width, height, data } = gray;
  for (let j = 0; j < h; j++) {
    const ry = (j + 0.5) * step - 0.5;
    for (let i = 0; i < w; i++) {
      const rx = (i + 0.5) * step - 0.5;
      out[j * w + i] = bilinear(data, width, height, a * rx + b * ry + c, d * rx + e * ry + f);
    }
  }
  return out;
}

/** Like sampleGrid, for the three colour channels and luma of an RGBA page. */
export function sampleGridRgb(rgba: Uint8Array, width: number, height: number, pageFromRef: Matrix, w: number, h: number, step: number): Float32Array[] {
  const out = [0, 1, 2, 3].map(() => new Float32Array(w * h));
  const [a, b, c, d, e, f] = pageFromRef;
  for (let j = 0; j < h; j++) {
    const ry = (j + 0.5) * step - 0.5;
    for (let i = 0; i < w; i++) {
      const rx = (i + 0.5) * step - 0.5;
      const x = a * rx + b * ry + c;
      const y = d * rx + e * ry + f;
      const k = j * w + i;
      if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
        for (const ch of out) ch[k] = NaN;
        continue;
      }
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const x1 = Math.min(x0 + 1, width - 1);
      const y1 = Math.min(y0 + 1, height - 1);
      const fx = x - x0;
      const fy = y - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      const p00 = (y0 * width + x0) * 4;
      const p10 = (y0 * width + x1) * 4;
      const p01 = (y1 * width + x0) * 4;
      const p11 = (y1 * width + x1) * 4;
      for (let ch = 0; ch < 3; ch++) out[ch][k] = rgba[p00 + ch] * w00 + rgba[p10 + ch] * w10 + rgba[p01 + ch] * w01 + rgba[p11 + ch] * w11;
      out[3][k] = 0.299 * out[0][k] + 0.587 * out[1][k] + 0.114 * out[2][k];
    }
  }
  return out;
}

export function bilinear(data: Uint8Array, width: number, height: number, x: number, y: number): number {
  if (x < 0 || y < 0 || x > width - 1 || y > height - 1) return NaN;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = x - x0;
  const fy = y - y0;
  const top = data[y0 * width + x0] * (1 - fx) + data[y0 * width + x1] * fx;
  const bottom = data[y1 * width + x0] * (1 - fx) + data[y1 * width + x1] * fx;
  return top * (1 - fy) + bottom * fy;
}

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
}

export function buildScoreGrid(ref: ReferenceModel, step = 2): ScoreGrid {
  const width = Math.floor(ref.width / step);
  const height = Math.floor(ref.height / step);
  const gray = new Float32Array(width * height);
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
          for (const v of ref.variants) {
            sum += v.gray.data[k];
            for (let ch = 0; ch < 3; ch++) channels[ch][j * width + i] += v.rgba[k * 4 + ch];
          }
          n += ref.variants.length;
          for (const id of Object.keys(ref.elementMasks) as ElementId[]) if (ref.elementMasks[id][k]) counts[id] = (counts[id] ?? 0) + 1;
        }
      }
      gray[j * width + i] = sum / n;
      for (let ch = 0; ch < 3; ch++) channels[ch][j * width + i] /= n;
      channels[3][j * width + i] = sum / n;
      for (const id of Object.keys(counts) as ElementId[]) if ((counts[id] ?? 0) * 2 >= step * step) masks[id][j * width + i] = 1;
    }
  }
  // Each element's box, not just its ink: a deleted element then scores as blank page, not as nothing.
  for (const id of Object.keys(masks) as ElementId[]) {
    const [bx, by, bw, bh] = ref.charter.elements[id].box.map((v) => (v * REF_SCALE) / step);
    for (let j = Math.max(0, Math.floor(by)); j < Math.min(height, Math.ceil(by + bh)); j++) {
      for (let i = Math.max(0, Math.floor(bx)); i < Math.min(width, Math.ceil(bx + bw)); i++) masks[id][j * width + i] = 1;
    }
  }
  return { step, width, height, gray, channels, masks };
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
}

export function scoreLogo(page: { rgba: Uint8Array; width: number; height: number }, pageFromRef: Matrix, grid: ScoreGrid): LogoScore {
  const samples = sampleGridRgb(page.rgba, page.width, page.height, pageFromRef, grid.width, grid.height, grid.step);
  const luma = samples[3];
  const valid = new Uint8Array(luma.length);
  let onPage = 0;
  for (let i = 0; i < luma.length; i++) if (!Number.isNaN(luma[i])) (valid[i] = 1), onPage++;
  const overall = correlation(luma, grid.gray, valid);
  const raw = {} as Record<ElementId, number>;
  const strength = {} as Record<ElementId, number>;
  for (const id of Object.keys(grid.masks) as ElementId[]) {
    const mask = new Uint8Array(luma.length);
    let n = 0;
    for (let i = 0; i < mask.length; i++) if (grid.masks[id][i] && valid[i]) (mask[i] = 1), n++;
    if (n < 12) {
      raw[id] = NaN;
      strength[id] = NaN;
      continue;
    }
    raw[id] = correlation(luma, grid.gray, mask);
    // Recolouring can make two inks equally light (an inverted red arrow on an inverted blue disc),
    // so each channel gets its say: the element is as present as its clearest channel shows it.
    strength[id] = Math.max(...samples.map((ch, c) => Math.abs(correlation(ch, grid.channels[c], mask))));
  }
  // Inverting the artwork flips some elements' tones and not others (ink drawn on the page's white
  // stays darker than it), so each element is judged by the strength of its correlation.
  const elements = {} as Record<ElementId, number>;
  for (const id of Object.keys(raw) as ElementId[]) elements[id] = strength[id];
  // One element may be missing or defaced and the logo is still the logo: judge by the best three.
  const likeness = Object.values(elements)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => b - a);
  const best = likeness.slice(0, Math.max(1, likeness.length - 1));
  const confidence = best.length ? best.reduce((s, v) => s + v, 0) / best.length : 0;
  // ECC needs one polarity: the one of the @, the largest area of ink.
  const inverted = (raw.at ?? 0) < 0;
  return { elements, overall, inverted, onPage: onPage / samples.length, confidence };
}

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

/**
 * Rotation and mirroring of a disc anchor, by correlating its polar samples with the reference's
 * at every angular shift, both ways round (|r| so that inverted tones match too).
 */
export function ellipseHypothesis(gray: Gray, anchor: EllipseAnchor, element: ElementId, ref: ReferenceModel, refPolar: Float32Array): Hypothesis | null {
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
  if (valid < page.length * 0.5) return null;
  const mask = page.map((v) => (Number.isNaN(v) ? 0 : 1));
  let best = { score: -1, shift: 0, mirrored: false };
  const shifted = new Float32Array(page.length);
  for (const mirrored of [false, true]) {
    for (let s = 0; s < POLAR_ANGLES; s++) {
      for (let i = 0; i < POLAR_ANGLES; i++) {
        const k = mirrored ? (((s - i) % POLAR_ANGLES) + POLAR_ANGLES) % POLAR_ANGLES : (((i - s) % POLAR_ANGLES) + POLAR_ANGLES) % POLAR_ANGLES;
        for (let j = 0; j < nR; j++) shifted[i * nR + j] = refPolar[k * nR + j];
      }
      const score = Math.abs(correlation(page, shifted, mask));
      if (score > best.score) best = { score, shift: s, mirrored };
    }
  }
  // Unit-disc coordinates of the reference map to the page through E · R(α) · F.
  const step = (2 * Math.PI) / POLAR_ANGLES;
  const alpha = best.mirrored ? best.shift * step - Math.PI : best.shift * step;
  const [c, s] = [Math.cos(alpha), Math.sin(alpha)];
  const F = best.mirrored ? -1 : 1;
  const rotate = [c * F, -s, 0, s * F, c, 0, 0, 0, 1];
  const [x, y, w, h] = ref.charter.elements[element].box.map((v) => v * REF_SCALE);
  // Reference raster → unit disc: centre on the disc, divide by its radius (pixel centres at +0.5).
  const toUnit = [2 / w, 0, -(x + w / 2 - 0.5) * (2 / w), 0, 2 / h, -(y + h / 2 - 0.5) * (2 / h), 0, 0, 1];
  return { pageFromRef: multiply(E, multiply(rotate, toUnit)), mirrored: best.mirrored, anchorScore: best.score };
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
  // Put the page corners in order starting at a long side, so corner k faces reference corner k.
  const p = anchor.corners;
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

/** |dx| + |dy| by central differences; NaN neighbours count as the pixel itself. */
function gradient(values: ArrayLike<number>, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  const at = (x: number, y: number, fallback: number) => {
    const v = values[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))];
    return Number.isNaN(v) ? fallback : v;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = values[y * width + x];
      if (Number.isNaN(c)) {
        out[y * width + x] = NaN;
        continue;
      }
      out[y * width + x] = Math.abs(at(x + 1, y, c) - at(x - 1, y, c)) + Math.abs(at(x, y + 1, c) - at(x, y - 1, c));
    }
  }
  return out;
}

/**
 * Refines a coarse transform with ECC (Evangelidis & Psarakis 2008) between the reference and the
 * page resampled into the reference frame, so that per-element measurements line up to a pixel.
 * It runs on the score grid (half the reference resolution): ECC's cost grows with pixels times
 * iterations, and sub-pixel accuracy there is already under a reference pixel.
 * ECC maximises a signed correlation, so an inverted logo is aligned on its outlines instead.
 */
export function refine(gray: Gray, pageFromRef: Matrix, grid: ScoreGrid, inverted: boolean, iterations = 40): Matrix {
  const cv = getCv();
  const { width, height, step } = grid;
  // Grid pixel (i, j) sits at reference pixel (i·step + (step−1)/2, j·step + (step−1)/2).
  const o = (step - 1) / 2;
  const refFromGrid = [step, 0, o, 0, step, o, 0, 0, 1];
  const gridFromRef = [1 / step, 0, -o / step, 0, 1 / step, -o / step, 0, 0, 1];
  const pageFromGrid = multiply(pageFromRef, refFromGrid);
  const sampled = sampleGrid(gray, pageFromRef, width, height, step);
  return withMats((track) => {
    const input = track(new cv.Mat(height, width, cv.CV_8UC1));
    const mask = track(new cv.Mat(height, width, cv.CV_8UC1));
    const id = input.data as Uint8Array;
    const md = mask.data as Uint8Array;
    // Inverting a logo drawn on the page's white flips the tones of its solid parts and not of its
    // text: no single polarity fits, but outlines (gradient magnitude) are the same either way.
    const source = inverted ? gradient(sampled, width, height) : sampled;
    const target = inverted ? gradient(grid.gray, width, height) : grid.gray;
    for (let i = 0; i < sampled.length; i++) {
      const v = source[i];
      md[i] = Number.isNaN(sampled[i]) ? 0 : 255;
      id[i] = Number.isNaN(v) ? 128 : Math.min(255, v);
    }
    const template = track(new cv.Mat(height, width, cv.CV_8UC1));
    const td = template.data as Uint8Array;
    for (let i = 0; i < td.length; i++) td[i] = Math.min(255, target[i]);
    const warp = track(cv.matFromArray(2, 3, cv.CV_32F, [1, 0, 0, 0, 1, 0]));
    const criteria = new cv.TermCriteria(cv.TermCriteria_COUNT + cv.TermCriteria_EPS, iterations, 1e-4);
    try {
      cv.findTransformECC(template, input, warp, cv.MOTION_AFFINE, criteria, mask, 3);
    } catch {
      return pageFromRef;
    }
    const w = Array.from(warp.data32F as Float32Array);
    // Reject runaway solutions: a correct refinement only nudges the transform.
    const drift = Math.hypot(w[2], w[5]) + 20 * (Math.abs(w[0] - 1) + Math.abs(w[1]) + Math.abs(w[3]) + Math.abs(w[4] - 1));
    if (!Number.isFinite(drift) || drift > 20) return pageFromRef;
    const correction = [w[0], w[1], w[2], w[3], w[4], w[5], 0, 0, 1];
    return multiply(multiply(pageFromGrid, correction), gridFromRef);
  });
}
