// Sub-pixel page edges. The outline traced on the downscaled photo is only good to a few photo
// pixels, while the logo is judged to ±2° and ±4 % downstream; so each side is re-measured at
// full resolution: the steepest paper-to-background step across it, at many places along it,
// then a line through those points that ignores the places where something else lies across the
// edge (a pen on the page, a light object touching it).
import type { Page } from '../types.ts';
import type { Point } from '../image/homography.ts';
import { sampleWhiteness } from './whiteness.ts';

export interface Line {
  /** A point on the line and its unit direction. */
  point: Point;
  direction: Point;
}

export interface EdgeFit {
  line: Line;
  /** Share of the places along the side where the measured edge lies on the fitted line. */
  support: number;
  /** Median step across the edge, paper minus background in whiteness levels, or RGB distance (see EdgeSignal). */
  contrast: number;
}

/** Places measured along each side, and the share of the side left out at each corner. */
const SAMPLES = 72;
const CORNER_MARGIN = 0.06;
/** Profile step along the normal and half-width of the finite difference, in photo pixels. */
const PROFILE_STEP = 0.5;
const DIFFERENCE_HALF = 1;
/** Colour steps compare the mean colour over this many pixels on each side (see fitEdge). */
const COLOUR_WINDOW = 2;
/** A step weaker than this (whiteness levels over 2 px) is not an edge. */
const MIN_STEP = 10;
/** Distance from the line within which a measured point supports it, pixels. */
const INLIER = 1.2;

/**
 * What a step is measured on: 'whiteness', paper minus background (signed: the paper side must be
 * the whiter, as a white page on a desk is); or 'colour', the RGB distance between the two sides
 * (unsigned: a full-bleed print or a tinted sheet may be darker than the desk, or as bright in
 * another hue).
 */
export type EdgeSignal = 'whiteness' | 'colour';

/**
 * The paper's edge near the segment a→b: `inward` is the unit normal pointing into the page;
 * the edge is searched within ±range pixels of the segment.
 */
export function fitEdge(page: Page, a: Point, b: Point, inward: Point, range: number, signal: EdgeSignal = 'whiteness'): EdgeFit | null {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (!(length > 4)) return null;
  const tangent: Point = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
  const out: Point = [-inward[0], -inward[1]];
  const margin = DIFFERENCE_HALF + (signal === 'colour' ? COLOUR_WINDOW : 0) + 3;
  const count = Math.round((2 * (range + margin)) / PROFILE_STEP) + 1;
  const origin = -(range + margin);
  const channels = signal === 'colour' ? 3 : 1;
  const profile = new Float64Array(count * channels);
  const points: Point[] = [];
  const steps: number[] = [];
  const half = Math.round(DIFFERENCE_HALF / PROFILE_STEP);
  // The step across profile entry c, between entries `gap` before and after it (before: nearer
  // the page). In colour, each side is the mean of COLOUR_WINDOW entries going away from c: the
  // print beside a side may be a photo whose own sharp details would otherwise outdo the step
  // between the page and the desk, which differ in their mean colour.
  const window = Math.round(COLOUR_WINDOW / PROFILE_STEP);
  const stepAt = (c: number, gap: number) => {
    if (channels === 1) return profile[Math.max(0, c - gap)] - profile[Math.min(count - 1, c + gap)];
    let sum = 0;
    for (let ch = 0; ch < 3; ch++) {
      let before = 0;
      let after = 0;
      for (let w = 0; w < window; w++) {
        before += profile[3 * Math.max(0, c - gap - w) + ch];
        after += profile[3 * Math.min(count - 1, c + gap + w) + ch];
      }
      sum += ((before - after) / window) ** 2;
    }
    return Math.sqrt(sum);
  };
  for (let s = 0; s < SAMPLES; s++) {
    const t = CORNER_MARGIN + ((1 - 2 * CORNER_MARGIN) * s) / (SAMPLES - 1);
    const bx = a[0] + (b[0] - a[0]) * t;
    const by = a[1] + (b[1] - a[1]) * t;
    // Averaged over ±1 px along the side: JPEG and sensor noise, not the edge, vary along it.
    for (let i = 0; i < count; i++) {
      const o = origin + i * PROFILE_STEP;
      if (channels === 1) {
        let v = 0;
        for (let k = -1; k <= 1; k++) v += sampleWhiteness(page, bx + o * out[0] + k * tangent[0], by + o * out[1] + k * tangent[1]);
        profile[i] = v / 3;
      } else {
        profile[3 * i] = profile[3 * i + 1] = profile[3 * i + 2] = 0;
        for (let k = -1; k <= 1; k++) addRgb(page, bx + o * out[0] + k * tangent[0], by + o * out[1] + k * tangent[1], profile, 3 * i, 1 / 3);
      }
    }
    let best = -1;
    let bestStep = MIN_STEP;
    for (let i = half; i < count - half; i++) {
      const o = origin + i * PROFILE_STEP;
      if (Math.abs(o) > range) continue;
      const step = stepAt(i, half);
      if (step > bestStep) [best, bestStep] = [i, step];
    }
    if (best < 0) continue;
    // Sub-sample peak of the step by a parabola through its neighbours.
    const d = (i: number) => stepAt(i, half);
    let offset = 0;
    if (best > half && best < count - half - 1) {
      const l = d(best - 1);
      const r = d(best + 1);
      const den = l - 2 * bestStep + r;
      if (den < 0) offset = Math.max(-0.5, Math.min(0.5, (0.5 * (l - r)) / den));
    }
    const o = origin + (best + offset) * PROFILE_STEP;
    points.push([bx + o * out[0], by + o * out[1]]);
    const far = Math.round(3 / PROFILE_STEP);
    steps.push(stepAt(best, far));
  }
  if (points.length < SAMPLES / 3) return null;
  const line = robustLine(points);
  if (!line) return null;
  const inliers = points.filter((p) => distance(line, p) <= INLIER).length;
  steps.sort((x, y) => x - y);
  return { line, support: inliers / SAMPLES, contrast: steps[steps.length >> 1] };
}

/**
 * Adds weight × the bilinear RGB at (x, y) to out[at..at+2]: interpolateRgb's convention (pixel
 * centres at i + ½, clamped at the borders) without its allocations, as fitEdge and cornerEvidence
 * sample a few hundred thousand points per photo.
 */
export function addRgb(page: Page, x: number, y: number, out: Float64Array, at: number, weight: number): void {
  const { width, height, rgba } = page;
  const fx = Math.min(Math.max(x - 0.5, 0), width - 1);
  const fy = Math.min(Math.max(y - 0.5, 0), height - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const w00 = (1 - ax) * (1 - ay) * weight;
  const w10 = ax * (1 - ay) * weight;
  const w01 = (1 - ax) * ay * weight;
  const w11 = ax * ay * weight;
  const k00 = (y0 * width + x0) * 4;
  const k10 = (y0 * width + x1) * 4;
  const k01 = (y1 * width + x0) * 4;
  const k11 = (y1 * width + x1) * 4;
  for (let c = 0; c < 3; c++) out[at + c] += rgba[k00 + c] * w00 + rgba[k10 + c] * w10 + rgba[k01 + c] * w01 + rgba[k11 + c] * w11;
}

export function distance(line: Line, p: Point): number {
  const dx = p[0] - line.point[0];
  const dy = p[1] - line.point[1];
  return Math.abs(dx * line.direction[1] - dy * line.direction[0]);
}

export function intersect(l1: Line, l2: Line): Point | null {
  const [x1, y1] = l1.point;
  const [dx1, dy1] = l1.direction;
  const [x2, y2] = l2.point;
  const [dx2, dy2] = l2.direction;
  const den = dx1 * dy2 - dy1 * dx2;
  if (Math.abs(den) < 1e-9) return null;
  const t = ((x2 - x1) * dy2 - (y2 - y1) * dx2) / den;
  return [x1 + t * dx1, y1 + t * dy1];
}

/**
 * RANSAC over pairs of points (Fischler & Bolles 1981) for the consensus set, then a total least
 * squares line through it, twice: robust to the places where the edge was missed.
 */
export function robustLine(points: Point[]): Line | null {
  const n = points.length;
  if (n < 2) return null;
  let bestInliers: Point[] = [];
  // Deterministic pairs spread over the side: the same photo always gives the same page.
  for (let trial = 0; trial < 80; trial++) {
    const i = (trial * 7919) % n;
    const j = (i + 1 + ((trial * 104729) % (n - 1))) % n;
    const p = points[i];
    const q = points[j];
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (len < 1e-6) continue;
    const candidate: Line = { point: p, direction: [(q[0] - p[0]) / len, (q[1] - p[1]) / len] };
    const inliers = points.filter((r) => distance(candidate, r) <= INLIER * 1.5);
    if (inliers.length > bestInliers.length) bestInliers = inliers;
  }
  if (bestInliers.length < 2) return null;
  let line = fitLine(bestInliers);
  const refined = points.filter((r) => distance(line, r) <= INLIER);
  if (refined.length >= 2) line = fitLine(refined);
  return line;
}

/** Total least squares: the principal axis of the points' scatter. */
export function fitLine(points: Point[]): Line {
  let mx = 0;
  let my = 0;
  for (const [x, y] of points) {
    mx += x;
    my += y;
  }
  mx /= points.length;
  my /= points.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) * (x - mx);
    sxy += (x - mx) * (y - my);
    syy += (y - my) * (y - my);
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { point: [mx, my], direction: [Math.cos(angle), Math.sin(angle)] };
}
