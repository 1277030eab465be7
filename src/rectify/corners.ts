// Is each corner of a found quadrilateral a corner of the page? At a page's corner both sides
// run up to it and stop: beyond lies the desk. A part of the page that happens to have a paper's
// proportions (a white panel beside a full-bleed photo, the photo itself) has corners where its
// own edge meets the page's sides, which run on past them. Measured at full resolution as the
// colour step across each side's line just past each corner.
import type { Page } from '../types.ts';
import type { Point, Quad } from '../image/homography.ts';
import { addRgb } from './edges.ts';

/** A side whose line is still an edge at more than this share of the places past a corner runs on past it. */
export const MAX_RUNS_ON = 0.5;

export interface CornerEvidence {
  /** Per corner (TL, TR, BR, BL): the larger, over its two sides, of the share of places past it where the side's line is still an edge. */
  runsOn: number[];
}

/** Places measured along each stretch past a corner, which starts GAP px past it. */
const PLACES = 16;
/** Pixels left out at the corner itself (the other side's edge and the blur of the corner). */
const GAP = 4;
/** Length of the stretch: this share of the side, at least MIN_REACH pixels. */
const REACH_SHARE = 0.08;
const MIN_REACH = 12;
/**
 * There is an edge on the line at a place when the steepest colour step (RGB distance between the
 * means over 1.5 px either side) within ±SEARCH px of it is at least MIN_STEP and within ±NEAR px.
 */
const MIN_STEP = 20;
const SEARCH = 4;
/** ...and at least this many times the steepest step 2 px or more away from the line. */
const STAND_OUT = 1.5;
const NEAR = 0.75;

export function cornerEvidence(page: Page, quad: Quad): CornerEvidence {
  const runsOn: number[] = [];
  for (let k = 0; k < 4; k++) {
    const corner = quad[k];
    const prev = quad[(k + 3) % 4];
    const next = quad[(k + 1) % 4];
    // Directions pointing away from the corner past it, along each side's line.
    const pastA = unit(corner, prev);
    const pastB = unit(corner, next);
    const lengthA = Math.hypot(prev[0] - corner[0], prev[1] - corner[1]);
    const lengthB = Math.hypot(next[0] - corner[0], next[1] - corner[1]);
    // Over a short stretch too: a line printed just inside the page's side (the edge of a photo
    // on it) makes a quadrilateral whose corners the page's sides pass by only a little.
    let past = 0;
    for (const share of [REACH_SHARE, REACH_SHARE / 3]) {
      past = Math.max(past, edgeShare(page, corner, pastA, Math.max(MIN_REACH, share * lengthA)), edgeShare(page, corner, pastB, Math.max(MIN_REACH, share * lengthB)));
    }
    runsOn.push(past);
  }
  return { runsOn };
}

function unit(to: Point, from: Point): Point {
  const len = Math.hypot(to[0] - from[0], to[1] - from[1]);
  return [(to[0] - from[0]) / len, (to[1] - from[1]) / len];
}

/**
 * Share of PLACES places from GAP to GAP + reach along `direction` from the corner where a colour
 * step of at least MIN_STEP lies across the line within NEAR of it. Places outside the photo do
 * not count as edges (a page touching the border does not run on past it).
 */
function edgeShare(page: Page, corner: Point, direction: Point, reach: number): number {
  const { width, height } = page;
  const normal: Point = [-direction[1], direction[0]];
  const step = 0.5;
  const half = 3; // samples of the window on each side: 1.5 px
  const span = SEARCH + half * step + step;
  const count = Math.round((2 * span) / step) + 1;
  const profile = new Float64Array(count * 3);
  let found = 0;
  for (let p = 0; p < PLACES; p++) {
    const s = GAP + (reach * (p + 0.5)) / PLACES;
    const cx = corner[0] + s * direction[0];
    const cy = corner[1] + s * direction[1];
    if (cx < 1 || cy < 1 || cx > width - 1 || cy > height - 1) continue;
    for (let i = 0; i < count; i++) {
      const o = -span + i * step;
      profile[3 * i] = profile[3 * i + 1] = profile[3 * i + 2] = 0;
      addRgb(page, cx + o * normal[0], cy + o * normal[1], profile, 3 * i, 1);
    }
    let best = 0;
    let bestAt = Infinity;
    // The steepest step away from the line (2 px or more), to compare with.
    let aside = 0;
    for (let i = half; i < count - half; i++) {
      const o = -span + i * step;
      if (Math.abs(o) > SEARCH) continue;
      let sum = 0;
      for (let c = 0; c < 3; c++) {
        let before = 0;
        let after = 0;
        for (let w = 1; w <= half; w++) {
          before += profile[3 * (i - w) + c];
          after += profile[3 * (i + w) + c];
        }
        sum += ((before - after) / half) ** 2;
      }
      const v = Math.sqrt(sum);
      if (v > best) [best, bestAt] = [v, o];
      if (Math.abs(o) >= 2 && v > aside) aside = v;
    }
    // The steepest step nearby must lie on the line: a textured desk has steps everywhere, at
    // random offsets; a side carried on has its own, where the line says. And it must stand out:
    // the grain of a wooden desk is straight lines too, but many, a few pixels apart.
    if (best >= MIN_STEP && Math.abs(bestAt) <= NEAR && best >= STAND_OUT * aside) found++;
  }
  return found / PLACES;
}
