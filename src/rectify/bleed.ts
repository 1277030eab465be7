// Print that runs to the page's edge ("full bleed": a coloured header band, a photo across the
// bottom) is not paper-white, so the page finder stops at the band's inner edge. That inner
// edge is parallel to the page's on the page, so the rectification is still metrically right,
// but the band — where flyers often put their logo — is cut off. This step looks beyond each
// side for a second straight edge and takes it as the page's edge only when that makes the page
// a standard paper size where it was not one: a coincidence no desk texture should produce.
import { interpolateRgb } from '../image/sample.ts';
import type { Page } from '../types.ts';
import { estimateAspect } from './aspect.ts';
import { distance, fitLine, intersect, type Line } from './edges.ts';
import type { Point, Quad } from '../image/homography.ts';

/** Places measured along each side, leaving out a share at each corner. */
const SAMPLES = 48;
const CORNER_MARGIN = 0.1;
/** A band is looked for up to this share of the adjacent sides' length beyond a side. */
const MAX_BAND = 0.3;
/** Smallest colour step (RGB distance over 3 px) taken for the page's edge. */
const MIN_STEP = 30;
/** Share of the places where the outer edge must be found on one straight line. */
const MIN_SUPPORT = 0.6;
/** Candidate edges kept per place along a side (the strongest). */
const MAX_PEAKS = 8;
/** The outer edge must run within this angle of the side, degrees (parallel on the page). */
const MAX_ANGLE = 6;
/** The band must differ from what lies beyond it by this RGB distance (a band, not more desk). */
const MIN_BAND_CONTRAST = 40;

export interface BleedExtension {
  quad: Quad;
  /** Sides moved out (0 top, 1 right, 2 bottom, 3 left in the photo's order). */
  sides: number[];
}

/**
 * The quadrilateral with the sides that stop at a full-bleed band moved out to the page's edge,
 * or null when the quadrilateral already has a paper size's proportions or no extension gives one.
 */
export function extendOverBleed(page: Page, quad: Quad): BleedExtension | null {
  if (estimateAspect(quad, page.width, page.height).paper) return null;
  const lines = sideLines(quad);
  const candidates = lines.map((line, i) => outerEdge(page, quad, i, line));
  let best: BleedExtension | null = null;
  let bestError = Infinity;
  // Every combination of sides that have a candidate (at most 15).
  for (let mask = 1; mask < 16; mask++) {
    if ([0, 1, 2, 3].some((i) => mask & (1 << i) && !candidates[i])) continue;
    const moved = lines.map((l, i) => (mask & (1 << i) ? candidates[i]! : l));
    const corners: Point[] = [];
    for (let i = 0; i < 4; i++) {
      const c = intersect(moved[(i + 3) % 4], moved[i]);
      if (!c) break;
      corners.push(c);
    }
    if (corners.length < 4 || corners.some(([x, y]) => x < 1 || y < 1 || x > page.width - 1 || y > page.height - 1)) continue;
    const extended = corners as Quad;
    const estimate = estimateAspect(extended, page.width, page.height);
    if (!estimate.paper) continue;
    const error = Math.abs(estimate.measured / estimate.aspect - 1);
    if (error < bestError) {
      bestError = error;
      best = { quad: extended, sides: [0, 1, 2, 3].filter((i) => mask & (1 << i)) };
    }
  }
  return best;
}

/** Side i runs from corner i to corner i + 1 (TL→TR, TR→BR, BR→BL, BL→TL). */
function sideLines(quad: Quad): Line[] {
  return quad.map((a, i) => {
    const b = quad[(i + 1) % 4];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return { point: a, direction: [(b[0] - a[0]) / len, (b[1] - a[1]) / len] as Point };
  });
}

/**
 * The strongest straight colour edge beyond side i, parallel to it within MAX_ANGLE, with a
 * band before it that differs from what lies after it; null if there is none.
 */
function outerEdge(page: Page, quad: Quad, i: number, side: Line): Line | null {
  const a = quad[i];
  const b = quad[(i + 1) % 4];
  const [dx, dy] = side.direction;
  const out: Point = [dy, -dx]; // clockwise corners: the page lies to the right of a→b
  const adjacent = (Math.hypot(quad[(i + 2) % 4][0] - b[0], quad[(i + 2) % 4][1] - b[1]) + Math.hypot(quad[(i + 3) % 4][0] - a[0], quad[(i + 3) % 4][1] - a[1])) / 2;
  const reach = MAX_BAND * adjacent;
  // Per place along the side: every local maximum of the colour step (the band's outer edge
  // need not be the strongest one: clutter beyond the page can step harder), with the colours
  // before and after it.
  const places: Array<Array<{ at: Point; before: number[]; after: number[] }>> = [];
  for (let s = 0; s < SAMPLES; s++) {
    const t = CORNER_MARGIN + ((1 - 2 * CORNER_MARGIN) * s) / (SAMPLES - 1);
    const bx = a[0] + (b[0] - a[0]) * t;
    const by = a[1] + (b[1] - a[1]) * t;
    const profile: number[][] = [];
    for (let d = 0; d <= reach; d++) profile.push(interpolateRgb(page.rgba, page.width, page.height, bx + d * out[0], by + d * out[1]));
    const steps = profile.map((_, d) => (d >= 2 && d + 2 < profile.length ? rgbDistance(profile[d - 2], profile[d + 2]) : 0));
    const peaks: Array<{ at: Point; before: number[]; after: number[]; step: number }> = [];
    // From 6 px out: the side's own blur must not count as the band's outer edge.
    for (let d = 6; d + 3 < profile.length; d++) {
      if (steps[d] < MIN_STEP || steps[d] < steps[d - 1] || steps[d] < steps[d + 1]) continue;
      // Sub-pixel peak by a parabola through its neighbours.
      const den = steps[d - 1] - 2 * steps[d] + steps[d + 1];
      const o = den < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (steps[d - 1] - steps[d + 1])) / den)) : 0;
      peaks.push({ at: [bx + (d + o) * out[0], by + (d + o) * out[1]], before: profile[Math.floor(d / 2)], after: profile[Math.min(profile.length - 1, d + 6)], step: steps[d] });
    }
    places.push(peaks.sort((p, q) => q.step - p.step).slice(0, MAX_PEAKS));
  }
  const line = consensusLine(places.map((peaks) => peaks.map((p) => p.at)));
  if (!line) return null;
  const chosen = places.map((peaks) => peaks.find((p) => distance(line, p.at) <= 1.5)).filter((p) => p !== undefined);
  if (chosen.length < MIN_SUPPORT * SAMPLES) return null;
  const cos = Math.abs(line.direction[0] * dx + line.direction[1] * dy);
  if (cos < Math.cos((MAX_ANGLE * Math.PI) / 180)) return null;
  const band = median3(chosen.map((p) => p.before));
  const beyond = median3(chosen.map((p) => p.after));
  if (rgbDistance(band, beyond) < MIN_BAND_CONTRAST) return null;
  return fitLine(chosen.map((p) => p.at));
}

/**
 * The line through candidates of the most places (one candidate counts per place), trying every
 * pair of candidates of places half a side apart; on a tie, the one nearest the side (found first).
 */
function consensusLine(places: Point[][]): Line | null {
  const half = places.length >> 1;
  let best: Line | null = null;
  let bestSupport = 0;
  for (let i = 0; i < half; i++) {
    for (const p of places[i]) {
      for (const q of places[i + half]) {
        const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
        if (len < 1) continue;
        const candidate: Line = { point: p, direction: [(q[0] - p[0]) / len, (q[1] - p[1]) / len] };
        let support = 0;
        for (const peaks of places) if (peaks.some((r) => distance(candidate, r) <= 1.5)) support++;
        if (support > bestSupport) [best, bestSupport] = [candidate, support];
      }
    }
  }
  return bestSupport >= MIN_SUPPORT * places.length ? best : null;
}

function rgbDistance(p: number[], q: number[]): number {
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** Channel-wise median of colours. */
function median3(colours: number[][]): number[] {
  return [0, 1, 2].map((c) => {
    const v = colours.map((col) => col[c]).sort((x, y) => x - y);
    return v[v.length >> 1];
  });
}
