// Is this raster a photo of a page lying on something? Rectifying an ordinary page (a scan, a
// rendered PDF page, a flyer with a big photo or panel in it) would distort a logo that was
// fine, the worst outcome, so every test here must pass before a page is rectified, and the
// cheapest ones run first.
import type { Page } from '../types.ts';
import { polygonArea, type Point, type Quad } from '../image/homography.ts';
import type { PageOutline } from './quad.ts';
import type { SidedOutline } from './sides.ts';
import { estimateAspect } from './aspect.ts';
import { quantile, whitenessAt, type Plane } from './whiteness.ts';

/** A phone photo is at least this many pixels on its short side. */
const MIN_SIDE = 300;
/** Whiteness range (95th − 5th percentile) under which the raster is one flat tone. */
const MIN_RANGE = 40;
/** A raster whose 95th percentile of whiteness is below this shows no white paper. */
const MIN_PAPER_WHITE = 160;
/** A raster whose border ring is mostly this close to its paper white is a page, not a photo of one. */
const RING_PAPER_MARGIN = 25;
const MAX_RING_PAPER = 0.5;
/**
 * The page must cover this share of the photo's area. Partners photograph the page, not the desk:
 * it spans at least half the photo's height or width, which for a portrait A4 page turned by 10°
 * in a landscape 4:3 photo is 10.8 % of the area, and 10 % seen at 20°.
 */
export const MIN_COVERAGE = 0.09;
/** Sides within this angle of the photo's axes mean a flat, upright page... */
export const MIN_SKEW_DEG = 1.5;
/**
 * ...unless the page is seen tilted by MIN_TILT_DEG or more (Zhang & He, from the perspective of
 * its sides) and they are off the axes by MIN_SKEW_DEG_TILTED at least: rendered pages' rectangles
 * are upright to a hundredth of a degree, and a scan is not seen in perspective.
 */
const MIN_SKEW_DEG_TILTED = 0.5;
const MIN_TILT_DEG = 2;
/**
 * A page corner may lie this many pixels past the photo's border: a page that touches it is still
 * whole to within a pixel (its sides were measured up to there); one further out is cut.
 */
const FRAME_MARGIN = 1;
/** Corner angles of a page seen up to ~20° off-axis stay well inside this range, degrees. */
const CORNER_ANGLES: [number, number] = [45, 135];
/** Share of each side's places where the fitted edge was found (see edges.ts). */
export const MIN_SUPPORT = 0.6;
/** Paper-to-background step across the weakest side, whiteness levels. */
const MIN_CONTRAST = 20;
/** Colour step (RGB distance) across the weakest side of a page found by its sides. */
const MIN_COLOUR_CONTRAST = 15;
/** Segmented paper area over the quadrilateral's: a page fills its outline. */
const FILL_RANGE: [number, number] = [0.85, 1.1];
/** Outside the page, at most this share may be as white as the paper (a desk, not more paper). */
const MAX_OUTSIDE_PAPER = 0.25;
/** Inside, at least this share must be paper-white (ink coverage of a flyer stays below half). */
const MIN_INSIDE_PAPER = 0.4;
/**
 * Paper whose samples mostly share one exact RGB value was drawn, not photographed: sensor noise
 * and uneven light never leave a photographed sheet one value. This is what tells a flyer
 * *designed* with a tilted white card on a dark background from a photo of a page.
 */
const MAX_SAME_VALUE = 0.5;

/**
 * Reasons a raster cannot be a phone photo of a page, from a few thousand pixels: too small,
 * one flat tone, or a border that is paper itself (a scan, a rendered page). Null: look further.
 */
export function quickReject(page: Page): string | null {
  const { width, height, rgba } = page;
  if (Math.min(width, height) < MIN_SIDE) return `too small (${width}×${height})`;
  const histogram = new Uint32Array(256);
  // Per channel too: a deep blue full-bleed page on a brown desk is one tone of whiteness.
  const channels = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  const grid = 64;
  for (let j = 0; j < grid; j++) {
    const y = Math.floor(((j + 0.5) * height) / grid);
    for (let i = 0; i < grid; i++) {
      const x = Math.floor(((i + 0.5) * width) / grid);
      histogram[whitenessAt(rgba, width, x, y)]++;
      for (let c = 0; c < 3; c++) channels[c][rgba[(y * width + x) * 4 + c]]++;
    }
  }
  const white = quantile(histogram, 0.95);
  const dark = quantile(histogram, 0.05);
  const spread = (h: Uint32Array) => quantile(h, 0.95) - quantile(h, 0.05);
  if (white - dark < MIN_RANGE && channels.every((h) => spread(h) < MIN_RANGE)) return `one flat tone (whiteness ${dark}–${white})`;
  // Without paper-white anywhere, the border cannot be told for paper (a full-bleed print).
  if (white < MIN_PAPER_WHITE) return null;
  // The ring a few pixels in from the border, where a photo shows the desk and a page its margin.
  let paper = 0;
  let total = 0;
  const along = 160;
  for (const depth of [0.01, 0.025]) {
    const d = Math.max(1, Math.round(depth * Math.min(width, height)));
    for (let s = 0; s < along; s++) {
      const x = Math.floor(((s + 0.5) * width) / along);
      const y = Math.floor(((s + 0.5) * height) / along);
      for (const [px, py] of [[x, d], [x, height - 1 - d], [d, y], [width - 1 - d, y]]) {
        total++;
        if (whitenessAt(rgba, width, px, py) >= white - RING_PAPER_MARGIN) paper++;
      }
    }
  }
  if (paper / total > MAX_RING_PAPER) return `border is paper (${Math.round((100 * paper) / total)} % of the ring)`;
  return null;
}

export interface Verdict {
  /** Why the outline is not a page lying in a photo, or null when it is. */
  reason: string | null;
  coverage: number;
  /** Largest angle between a side and the nearest photo axis, degrees. */
  skewDeg: number;
}

/** Whether a found outline is a page photographed at an angle, worth rectifying. */
export function judgeOutline(outline: PageOutline, plane: Plane, page: Page): Verdict {
  const geometry = judgeGeometry(outline.quad, page);
  const verdict = (reason: string | null): Verdict => ({ ...geometry, reason });
  if (geometry.reason) return geometry;
  if (outline.support < MIN_SUPPORT) return verdict(`a side is only ${pct(outline.support)} straight edge`);
  if (outline.contrast < MIN_CONTRAST) return verdict(`page-to-background step ${outline.contrast.toFixed(0)}`);
  if (outline.fill < FILL_RANGE[0] || outline.fill > FILL_RANGE[1]) return verdict(`paper fills ${pct(outline.fill)} of the outline`);

  const { inside, outside } = paperShares(outline, plane);
  if (outside > MAX_OUTSIDE_PAPER) return verdict(`${pct(outside)} of the surroundings is as white as the paper`);
  if (inside < MIN_INSIDE_PAPER) return verdict(`only ${pct(inside)} of the page is paper-white`);
  const same = sameValueShare(outline.quad, page, outline.threshold);
  if (same > MAX_SAME_VALUE) return verdict(`${pct(same)} of the paper is one exact colour: drawn, not photographed`);
  return verdict(null);
}

/**
 * Whether a page found by its four sides (sides.ts) is a page photographed at an angle. The tests
 * of its shape and place are judgeOutline's; those that assume white paper (its fill of the
 * outline, paper-white inside and not outside) cannot apply to a full-bleed print or a tinted
 * sheet. What stands in for them is in how the sides were found: straight along their whole
 * length, ending at the corners, the proportions a paper size's (checked by the caller).
 */
export function judgeSides(outline: SidedOutline, page: Page): Verdict {
  const geometry = judgeGeometry(outline.quad, page);
  const verdict = (reason: string | null): Verdict => ({ ...geometry, reason });
  if (geometry.reason) return geometry;
  if (outline.support < MIN_SUPPORT) return verdict(`a side is only ${pct(outline.support)} straight edge`);
  if (outline.contrast < MIN_COLOUR_CONTRAST) return verdict(`page-to-background colour step ${outline.contrast.toFixed(0)}`);
  const same = sameValueShare(outline.quad, page, -1);
  // Over all of the page, whatever is printed on it: drawn ink is as flat as drawn paper. A white
  // page photographed with little noise and stored as JPEG is a third one value: not enough.
  if (same > MAX_SAME_VALUE) return verdict(`${pct(same)} of the page is one exact colour: drawn, not photographed`);
  return verdict(null);
}

/** The tests of a quadrilateral's shape and place in the photo, common to both ways of finding it. */
function judgeGeometry(quad: Quad, page: Page): Verdict {
  const { width, height } = page;
  const coverage = polygonArea(quad) / (width * height);
  const skewDeg = Math.max(...quad.map((p, i) => axisDeviation(p, quad[(i + 1) % 4])));
  const verdict = (reason: string | null): Verdict => ({ reason, coverage, skewDeg });

  if (quad.some(([x, y]) => x < -FRAME_MARGIN || y < -FRAME_MARGIN || x > width + FRAME_MARGIN || y > height + FRAME_MARGIN)) return verdict('a corner is beyond the border');
  if (coverage < MIN_COVERAGE) return verdict(`covers ${pct(coverage)} of the image`);
  for (let i = 0; i < 4; i++) {
    const angle = cornerAngle(quad[(i + 3) % 4], quad[i], quad[(i + 1) % 4]);
    if (angle < CORNER_ANGLES[0] || angle > CORNER_ANGLES[1]) return verdict(`corner angle ${angle.toFixed(0)}°`);
  }
  // A flat page needs no rectification, and flyers are full of upright rectangles. A page seen
  // upright but tilted shows it in perspective, which neither a rendered nor a scanned page has.
  if (skewDeg < MIN_SKEW_DEG) {
    const tilt = skewDeg < MIN_SKEW_DEG_TILTED ? 0 : estimateAspect(quad, width, height).tiltDeg;
    if (tilt < MIN_TILT_DEG) return verdict(`upright rectangle (sides within ${skewDeg.toFixed(2)}° of the axes, tilt ${tilt.toFixed(1)}°)`);
  }
  return verdict(null);
}

/**
 * Share of paper-white plane pixels inside the quadrilateral and outside it, each side kept a
 * few pixels away from the outline so that the edge's blur counts for neither.
 */
function paperShares(outline: PageOutline, plane: Plane): { inside: number; outside: number } {
  const { width, height, data, step } = plane;
  const corners = outline.quad.map(([x, y]) => [x / step, y / step] as Point);
  const band = Math.max(2, 0.01 * Math.max(width, height));
  // Signed distance to each side, positive inside (corners are clockwise on screen).
  const sides = corners.map((a, i) => {
    const b = corners[(i + 1) % 4];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const nx = -(b[1] - a[1]) / len;
    const ny = (b[0] - a[0]) / len;
    return { nx, ny, c: -(nx * a[0] + ny * a[1]) };
  });
  let inPaper = 0;
  let inTotal = 0;
  let outPaper = 0;
  let outTotal = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let d = Infinity;
      for (const s of sides) d = Math.min(d, s.nx * (x + 0.5) + s.ny * (y + 0.5) + s.c);
      const isPaper = data[y * width + x] > outline.threshold;
      if (d > band) {
        inTotal++;
        if (isPaper) inPaper++;
      } else if (d < -band) {
        outTotal++;
        if (isPaper) outPaper++;
      }
    }
  }
  return { inside: inTotal ? inPaper / inTotal : 0, outside: outTotal ? outPaper / outTotal : 0 };
}

/**
 * Share of the samples inside the quadrilateral whiter than `threshold` (all of them for −1) that
 * have their commonest exact RGB value.
 */
function sameValueShare(quad: Quad, page: Page, threshold: number): number {
  const { width, rgba } = page;
  const [tl, tr, br, bl] = quad;
  const counts = new Map<number, number>();
  let total = 0;
  const grid = 64;
  for (let j = 1; j < grid; j++) {
    for (let i = 1; i < grid; i++) {
      // Bilinear in the quadrilateral: interior points without inverting the homography.
      const u = i / grid;
      const v = j / grid;
      const x = Math.floor((1 - v) * ((1 - u) * tl[0] + u * tr[0]) + v * ((1 - u) * bl[0] + u * br[0]));
      const y = Math.floor((1 - v) * ((1 - u) * tl[1] + u * tr[1]) + v * ((1 - u) * bl[1] + u * br[1]));
      if (whitenessAt(rgba, width, x, y) <= threshold) continue;
      const k = (y * width + x) * 4;
      const key = (rgba[k] << 16) | (rgba[k + 1] << 8) | rgba[k + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
      total++;
    }
  }
  let mode = 0;
  for (const c of counts.values()) mode = Math.max(mode, c);
  return total ? mode / total : 0;
}

function axisDeviation(a: Point, b: Point): number {
  const angle = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
  const mod = ((angle % 90) + 90) % 90;
  return Math.min(mod, 90 - mod);
}

function cornerAngle(prev: Point, at: Point, next: Point): number {
  const ux = prev[0] - at[0];
  const uy = prev[1] - at[1];
  const vx = next[0] - at[0];
  const vy = next[1] - at[1];
  return (Math.acos((ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy))) * 180) / Math.PI;
}

const pct = (x: number) => `${Math.round(100 * x)} %`;
