// First stage of detection: solid shapes of the logo (the charter's anchors: the @ disc, the badge
// box) found as regions bounded by edges. Edges survive recolouring, greyscale and inversion, and
// an affine image of a disc is still an ellipse, of a rectangle a parallelogram, so one cheap pass
// yields every candidate whatever was done to the logo; registration decides what they are.
import type { Page } from '../types.ts';
import { canny } from '../image/canny.ts';
import { getCv, MatScope, type Mat } from '../image/opencv.ts';
import type { Gray } from '../image/raster.ts';
import { cutBox, cutEllipse, ellipseAnchor } from './cut.ts';

export type Point = [number, number];

export interface EllipseAnchor {
  shape: 'ellipse';
  /** Centre and full axes in page pixels; angle in degrees as OpenCV's RotatedRect gives it. */
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
  /** Whether part of the shape was cut by the page edge. */
  touchesEdge: boolean;
}

export interface RectangleAnchor {
  shape: 'rectangle';
  /** Corners in page pixels, in order around the shape. */
  corners: [Point, Point, Point, Point];
  touchesEdge: boolean;
  /**
   * For a box cut by the page edge: whether its sides from corners[0] to corners[1] and from
   * corners[0] to corners[3] run off the page, their length in `corners` being only what is seen.
   */
  open?: [boolean, boolean];
}

export type Anchor = EllipseAnchor | RectangleAnchor;

export interface AnchorLimits {
  /** Smallest and largest shape size (longer side) in page pixels. */
  minSize: number;
  maxSize: number;
  /** Accepted long/short side ratios of rectangles. */
  rectangleAspect: [number, number];
  /** Accepted long/short axis ratios of ellipses. */
  ellipseAspect: number;
  /** Inks the anchor shapes are drawn in (sRGB), segmented directly as a second source. */
  inks: Array<[number, number, number]>;
}

/** Canny thresholds on 8-bit grey and saturation: low enough for a grey logo on a grey photo. */
const CANNY_LOW = 40;
const CANNY_HIGH = 100;
/**
 * Regions stop where the (dilated) edges start, about 1.5 px inside the true outline: measured on
 * rendered discs from 40 to 130 px across, the traced ellipse came out 3 px short on each axis.
 */
const EDGE_INSET = 1.5;
/** An ink mask's outline sits on the colour transition, half a pixel inside on average. */
const INK_INSET = 0.5;
/** RGB distance under which a pixel is taken as drawn in an ink (JPEG q40 stays within it). */
const INK_DISTANCE = 70;

/** `gray` is the page's Rec. 601 grey when the caller has it already (it is not computed twice). */
export function findAnchors(page: Page, limits: AnchorLimits, gray?: Gray): Anchor[] {
  const cv = getCv();
  // The steps run in the order that keeps fewest full-page Mats alive at once, each released as
  // soon as it has served: the WebAssembly heap keeps its high-water mark for the life of the
  // process, and on a 40-megapixel photo each 8-bit plane is 40 MB, each 32-bit label image 160 MB.
  const mats = new MatScope();
  try {
    const edges = mats.track(new cv.Mat(page.height, page.width, cv.CV_8UC1));
    const grey = mats.track(new cv.Mat(page.height, page.width, cv.CV_8UC1));
    if (gray) grey.data.set(gray.data);
    const sat = mats.track(new cv.Mat(page.height, page.width, cv.CV_8UC1));
    const { inkCounts, inkSpans, maxSaturation } = channels(page, gray ? null : grey.data, sat.data, limits.inks);
    // Cut boxes place their sides on the grey edges themselves (see snapSide), read from JS memory:
    // views of the WebAssembly heap go stale when it grows.
    const greyLevels: Gray = gray ?? { width: page.width, height: page.height, data: Uint8Array.from(grey.data as Uint8Array) };
    canny(grey, edges, CANNY_LOW, CANNY_HIGH);
    if (saturationHasEdges(maxSaturation)) {
      const satEdges = mats.track(new cv.Mat());
      canny(sat, satEdges, CANNY_LOW, CANNY_HIGH);
      cv.bitwise_or(edges, satEdges, edges);
      satEdges.delete();
    }
    // Grey and saturation have no other use: the fills are thresholded in their place, and traced
    // now, though they are the last source to have their say below. A fill of a box or disc
    // covers most of its bounding box, letters and all; a photo's does not.
    const fill = fillMask(grey, sat);
    grey.delete();
    const filled = shapesOf(fill, page, greyLevels, limits, INK_INSET, MIN_FILL_SHARE);
    fill.delete();
    // Canny's thin edges leave one-pixel gaps where two outlines run close (the arrow's white
    // stroke against the disc); a small dilation closes them.
    const kernel = mats.track(cv.getStructuringElement(cv.MORPH_CROSS, new cv.Size(3, 3)));
    cv.dilate(edges, edges, kernel);
    // The regions between the edges, in the edges' own memory.
    const regions = edges;
    cv.bitwise_not(edges, regions);
    const anchors = shapesOf(regions, page, greyLevels, limits, EDGE_INSET);
    regions.delete();
    // Edges leak where the logo touches dark content of the same lightness (a photo, text under
    // it); the charter's own inks then still outline an unaltered logo, whatever lies around it.
    for (const [k, ink] of limits.inks.entries()) {
      // Too few pixels of that ink on the page to outline even the smallest shape: its mask is
      // not even drawn, which on most pages spares a second pass over them.
      if (inkCounts[k] < limits.minSize * limits.minSize * 0.3) continue;
      const mask = mats.track(new cv.Mat(page.height, page.width, cv.CV_8UC1));
      inkMask(page, ink, inkSpans[k], mask.data);
      for (const anchor of shapesOf(mask, page, greyLevels, limits, INK_INSET)) {
        if (!anchors.some((a) => sameAnchor(a, anchor))) anchors.push(anchor);
      }
      mask.delete();
    }
    for (const anchor of filled) {
      if (!anchors.some((a) => sameAnchor(a, anchor))) anchors.push(anchor);
    }
    return anchors;
  } finally {
    mats.release();
  }
}

/**
 * Whether Canny can find any edge on a saturation plane whose values all lie within 0..max. An
 * edge starts where the gradient's squared length exceeds the high threshold's square, and the
 * 3×3 Sobel derivatives of values within 0..m reach together at most dx² + dy² = 20·m² (a corner
 * of the window at m, its opposite at 0: dx = 4m, dy = 2m; tried over all 512 such windows in the
 * tests). Pages in grey or nearly so (a text PDF, a greyscale scan) skip the saturation edges,
 * with the same result.
 */
export function saturationHasEdges(max: number): boolean {
  return 20 * max * max > CANNY_HIGH * CANNY_HIGH;
}

/**
 * Shapes among the 4-connected regions of a mask. Components are labelled once and only those of
 * a plausible size are traced, which on a text page is a few dozen out of tens of thousands.
 */
function shapesOf(regions: Mat, page: Page, grey: Gray, limits: AnchorLimits, inset: number, minShare = 0): Anchor[] {
  const cv = getCv();
  const mats = new MatScope();
  try {
    const labels = mats.track(new cv.Mat());
    const stats = mats.track(new cv.Mat());
    const centroids = mats.track(new cv.Mat());
    const count = cv.connectedComponentsWithStats(regions, labels, stats, centroids, 4, cv.CV_32S);
    const st = Int32Array.from(stats.data32S as Int32Array);
    const anchors: Anchor[] = [];
    for (let k = 1; k < count; k++) {
      const [x, y, w, h, area] = [st[k * 5], st[k * 5 + 1], st[k * 5 + 2], st[k * 5 + 3], st[k * 5 + 4]];
      const size = Math.max(w, h);
      if (size < limits.minSize || size > limits.maxSize || area < size * 2 || area < w * h * minShare) continue;
      if (w * h > page.width * page.height * 0.5) continue;
      // Trace this component alone, in its own box with a one-pixel margin.
      const mask = mats.track(new cv.Mat(h + 2, w + 2, cv.CV_8UC1, new cv.Scalar(0)));
      const md = mask.data as Uint8Array;
      // Read after the allocation above: a view of the WebAssembly heap goes stale when it grows.
      const lab = labels.data32S as Int32Array;
      for (let yy = 0; yy < h; yy++) {
        const row = (y + yy) * page.width + x;
        for (let xx = 0; xx < w; xx++) if (lab[row + xx] === k) md[(yy + 1) * (w + 2) + xx + 1] = 255;
      }
      const contours = mats.track(new cv.MatVector());
      const hierarchy = mats.track(new cv.Mat());
      cv.findContours(mask, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_NONE, new cv.Point(x - 1, y - 1));
      if (contours.size() === 0) continue;
      const contour = mats.track(contours.get(0));
      const anchor = classify(cv, contour, page, grey, limits, inset);
      if (anchor) anchors.push(anchor);
    }
    return anchors;
  } finally {
    mats.release();
  }
}

/** Saturation (max − min of R, G, B) from which a pixel belongs to a coloured fill. */
const FILL_SATURATION = 60;
/** Grey level under which a pixel belongs to a dark fill (a badge turned greyscale, or recoloured in a pale, greyish ink). */
const FILL_DARK = 150;
/** Least share of its bounding box a fill covers to be traced (a cut @ disc, its glyph a hole: about half). */
const MIN_FILL_SHARE = 0.35;

/**
 * Where shapes drawn in other inks than the charter's (recoloured, greyscale, inverted) show: the
 * edges of a badge's letters split its inside into pieces when its words fill it, and no ink mask
 * holds it; its fill, saturated or dark, does, with the letters as holes. Blurred, compressed
 * captures also leave gaps in a small disc's edges that its fill does not have. The mask is made
 * in the memory of `sat`, which is returned, and `grey` is left overwritten.
 */
function fillMask(grey: Mat, sat: Mat): Mat {
  const cv = getCv();
  cv.threshold(sat, sat, FILL_SATURATION - 1, 255, cv.THRESH_BINARY);
  cv.threshold(grey, grey, FILL_DARK, 255, cv.THRESH_BINARY_INV);
  cv.bitwise_or(sat, grey, sat);
  return sat;
}

/**
 * Rec. 601 grey (unless given) and saturation (max − min of R, G, B) in one pass over the page,
 * with the page's highest saturation and, per ink, how many pixels lie within a printing tolerance
 * of it (see inkMask) and the span of pixel indices from the first of them to the last.
 */
function channels(page: Page, gray: Uint8Array | null, sat: Uint8Array, inks: Array<[number, number, number]>): { inkCounts: number[]; inkSpans: Array<[number, number]>; maxSaturation: number } {
  const src = page.rgba;
  const limit = INK_DISTANCE * INK_DISTANCE;
  const inkCounts = inks.map(() => 0);
  const inkSpans = inks.map((): [number, number] => [-1, -1]);
  let maxSaturation = 0;
  const [ir, ig, ib] = inks[0] ?? [0, 0, 0];
  let [count, first, last] = [0, -1, -1];
  for (let i = 0, j = 0; j < sat.length; i += 4, j++) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    if (gray) gray[j] = (r * 299 + g * 587 + b * 114 + 500) / 1000;
    const hi = r > g ? (r > b ? r : b) : g > b ? g : b;
    const lo = r < g ? (r < b ? r : b) : g < b ? g : b;
    const s = hi - lo;
    sat[j] = s;
    if (s > maxSaturation) maxSaturation = s;
    // The common case, one ink, without the inner loop.
    if (inks.length === 1) {
      const dr = r - ir;
      const dg = g - ig;
      const db = b - ib;
      if (dr * dr + dg * dg + db * db < limit) {
        if (count++ === 0) first = j;
        last = j;
      }
      continue;
    }
    for (let k = 0; k < inks.length; k++) {
      const dr = r - inks[k][0];
      const dg = g - inks[k][1];
      const db = b - inks[k][2];
      if (dr * dr + dg * dg + db * db < limit) {
        if (inkCounts[k]++ === 0) inkSpans[k][0] = j;
        inkSpans[k][1] = j;
      }
    }
  }
  if (inks.length === 1) {
    inkCounts[0] = count;
    inkSpans[0] = [first, last];
  }
  return { inkCounts, inkSpans, maxSaturation };
}

/**
 * Marks (255) the pixels drawn in an ink: within RGB distance INK_DISTANCE of it, cheap and enough
 * to segment. Only pixels within `span` (first and last index of such pixels, from channels) are
 * looked at; the rest are cleared.
 */
function inkMask(page: Page, [ir, ig, ib]: [number, number, number], [first, last]: [number, number], mask: Uint8Array): void {
  const src = page.rgba;
  const limit = INK_DISTANCE * INK_DISTANCE;
  mask.fill(0, 0, first);
  mask.fill(0, last + 1);
  for (let i = first * 4, j = first; j <= last; i += 4, j++) {
    const dr = src[i] - ir;
    const dg = src[i + 1] - ig;
    const db = src[i + 2] - ib;
    mask[j] = dr * dr + dg * dg + db * db < limit ? 255 : 0;
  }
}

function centreOf(a: Anchor): [number, number] {
  if (a.shape === 'ellipse') return [a.cx, a.cy];
  return [a.corners.reduce((s, p) => s + p[0], 0) / 4, a.corners.reduce((s, p) => s + p[1], 0) / 4];
}

function sizeOf(a: Anchor): number {
  if (a.shape === 'ellipse') return Math.max(a.width, a.height);
  const [p, q, r] = a.corners;
  return Math.max(Math.hypot(q[0] - p[0], q[1] - p[1]), Math.hypot(r[0] - q[0], r[1] - q[1]));
}

/** The same shape seen by both sources: same centre and size (nested rings share a centre). */
function sameAnchor(a: Anchor, b: Anchor): boolean {
  if (a.shape !== b.shape) return false;
  const [ax, ay] = centreOf(a);
  const [bx, by] = centreOf(b);
  if (Math.hypot(ax - bx, ay - by) >= 4 || Math.abs(sizeOf(a) - sizeOf(b)) >= 0.08 * sizeOf(a)) return false;
  // Boxes also share their corners: one source may have traced a box split by an inner edge (a
  // shade change, a letter at its end) into a skewed quadrilateral that the other traced whole.
  if (a.shape === 'rectangle' && b.shape === 'rectangle') {
    return a.corners.every(([x, y]) => b.corners.some(([u, v]) => Math.hypot(x - u, y - v) < SAME_CORNER));
  }
  return true;
}

/** Distance, in pixels, within which two traced boxes' corners are the same corner. */
const SAME_CORNER = 3;

function classify(cv: ReturnType<typeof getCv>, contour: Mat, page: Page, grey: Gray, limits: AnchorLimits, inset: number): Anchor | null {
  const rect = cv.boundingRect(contour);
  const size = Math.max(rect.width, rect.height);
  if (size < limits.minSize || size > limits.maxSize) return null;
  if (contour.rows < 20) return null;
  const touchesEdge = rect.x <= 1 || rect.y <= 1 || rect.x + rect.width >= page.width - 1 || rect.y + rect.height >= page.height - 1;
  if (touchesEdge) return cutEllipse(cv, contour, page, grey, limits, inset) ?? cutBox(cv, contour, page, grey, limits, inset);
  const mats = new MatScope();
  try {
    const hull = mats.track(new cv.Mat());
    cv.convexHull(contour, hull, false, true);
    const hullArea = cv.contourArea(hull);
    if (hullArea <= 0) return null;

    const box = cv.minAreaRect(hull);
    const long = Math.max(box.size.width, box.size.height);
    const short = Math.min(box.size.width, box.size.height);
    if (short < 4) return null;
    const rectFill = hullArea / (box.size.width * box.size.height);

    if (hull.rows >= 5) {
      const e = cv.fitEllipse(hull);
      const ellipseArea = (Math.PI / 4) * e.size.width * e.size.height;
      const fit = hullArea / ellipseArea;
      const axes = Math.max(e.size.width, e.size.height) / Math.max(1e-6, Math.min(e.size.width, e.size.height));
      // A disc's hull fills its fitted ellipse; a rectangle's overflows it (π/4 of its box).
      if (fit > 0.93 && fit < 1.06 && rectFill < 0.83 && axes <= limits.ellipseAspect) {
        return ellipseAnchor(e, inset, touchesEdge);
      }
    }
    const aspect = long / short;
    if (rectFill > 0.8 && aspect >= limits.rectangleAspect[0] && aspect <= limits.rectangleAspect[1]) {
      const corners = grow(parallelogram(cv, hull, box), inset);
      return { shape: 'rectangle', corners, touchesEdge } satisfies RectangleAnchor;
    }
    return null;
  } finally {
    mats.release();
  }
}

/** Moves each corner away from the centre so every side moves out by `by` pixels. */
function grow(corners: [Point, Point, Point, Point], by: number): [Point, Point, Point, Point] {
  const cx = corners.reduce((s, p) => s + p[0], 0) / 4;
  const cy = corners.reduce((s, p) => s + p[1], 0) / 4;
  return corners.map(([x, y], i) => {
    // The corner moves along both of its sides' outward normals.
    const prev = corners[(i + 3) % 4];
    const next = corners[(i + 1) % 4];
    const n1 = outward(prev, [x, y], cx, cy);
    const n2 = outward([x, y], next, cx, cy);
    // Offsetting two lines by `by` moves their intersection by by·(n1+n2)/(1+n1·n2).
    const k = by / (1 + n1[0] * n2[0] + n1[1] * n2[1]);
    return [x + k * (n1[0] + n2[0]), y + k * (n1[1] + n2[1])];
  }) as [Point, Point, Point, Point];
}

function outward(a: Point, b: Point, cx: number, cy: number): Point {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  let n: Point = [dy / len, -dx / len];
  const mx = (a[0] + b[0]) / 2 - cx;
  const my = (a[1] + b[1]) / 2 - cy;
  if (n[0] * mx + n[1] * my < 0) n = [-n[0], -n[1]];
  return n;
}

/**
 * Corners of the shape: the hull simplified to four points when it is a clean quadrilateral (so a
 * sheared box keeps its true corners), else the minimum-area rectangle's.
 */
function parallelogram(cv: ReturnType<typeof getCv>, hull: Mat, box: { center: { x: number; y: number }; size: { width: number; height: number }; angle: number }): [Point, Point, Point, Point] {
  const mats = new MatScope();
  try {
    const approx = mats.track(new cv.Mat());
    const perimeter = cv.arcLength(hull, true);
    cv.approxPolyDP(hull, approx, 0.03 * perimeter, true);
    // A box that fills its minimum-area rectangle is one (rounded corners would skew a 4-point
    // simplification); only a sheared box needs its own corners.
    const fill = cv.contourArea(hull) / (box.size.width * box.size.height);
    if (approx.rows === 4 && fill < 0.95) {
      const d = approx.data32S as Int32Array;
      return [
        [d[0], d[1]],
        [d[2], d[3]],
        [d[4], d[5]],
        [d[6], d[7]],
      ];
    }
    const a = (box.angle * Math.PI) / 180;
    const [c, s] = [Math.cos(a), Math.sin(a)];
    const [hw, hh] = [box.size.width / 2, box.size.height / 2];
    const pts: Point[] = [
      [-hw, -hh],
      [hw, -hh],
      [hw, hh],
      [-hw, hh],
    ].map(([x, y]) => [box.center.x + x * c - y * s, box.center.y + x * s + y * c]);
    return pts as [Point, Point, Point, Point];
  } finally {
    mats.release();
  }
}
