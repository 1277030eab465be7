// The page's quadrilateral in the photo: the paper is segmented on a downscaled whiteness map
// (Otsu 1979 picks the paper/background split, whatever the exposure), its outline is reduced to
// four sides (its four longest straight runs; else the largest quadrilateral in its convex hull),
// and each side is then re-measured at full resolution (edges.ts) so that the corners, where the
// fitted sides meet, are sub-pixel.
import type { Page } from '../types.ts';
import { getCv, MatScope } from '../image/opencv.ts';
import { distance, fitEdge, fitLine, intersect, type EdgeFit, type Line } from './edges.ts';
import { polygonArea, type Point, type Quad } from '../image/homography.ts';
import type { Plane } from './whiteness.ts';

export interface PageOutline {
  /** TL, TR, BR, BL in photo pixels (continuous coordinates). */
  quad: Quad;
  /** The weakest side's support and contrast (see EdgeFit). */
  support: number;
  contrast: number;
  /** Whiteness level Otsu put between paper and background. */
  threshold: number;
  /** Area of the segmented paper (holes filled) over the quadrilateral's area: ~1 for a page. */
  fill: number;
}

/** The segmented paper must cover this share of the photo to be worth fitting a page to. */
const MIN_SEGMENT_SHARE = 0.1;
/** Plane pixels: a bridge to the background thinner than this is cut before tracing the outline. */
const OPENING = 5;

export function findPageOutline(page: Page, plane: Plane): PageOutline | null {
  const traced = traceOutline(plane);
  if (!traced) return null;
  const { step } = plane;
  // Plane pixel (i, j) covers photo pixels [i·step, (i+1)·step): its centre is at (i + ½)·step.
  let quad = traced.corners.map(([x, y]) => [(x + 0.5) * step, (y + 0.5) * step]) as Quad;
  // The traced outline runs through boundary pixels' centres and the hull cuts corners: the true
  // sides lie within a few plane pixels, which the first pass searches; the second only polishes.
  let fits: EdgeFit[] = [];
  for (const range of [2.5 * step + 4, 3]) {
    const next: EdgeFit[] = [];
    for (let i = 0; i < 4; i++) {
      const a = quad[i];
      const b = quad[(i + 1) % 4];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      // Corners are in clockwise order on screen (y down), so the page lies to the right of a→b.
      const inward: Point = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
      const fit = fitEdge(page, a, b, inward, range);
      if (!fit) return null;
      next.push(fit);
    }
    const corners: Point[] = [];
    for (let i = 0; i < 4; i++) {
      const corner = intersect(next[(i + 3) % 4].line, next[i].line);
      if (!corner) return null;
      corners.push(corner);
    }
    quad = corners as Quad;
    fits = next;
  }
  const quadArea = polygonArea(quad) / (step * step);
  return {
    quad,
    support: Math.min(...fits.map((f) => f.support)),
    contrast: Math.min(...fits.map((f) => f.contrast)),
    threshold: traced.threshold,
    fill: traced.area / quadArea,
  };
}

interface TracedOutline {
  /** TL, TR, BR, BL in plane pixel indices. */
  corners: Point[];
  threshold: number;
  /** Area inside the paper's outer contour, plane pixels. */
  area: number;
}

/** The largest bright region of the plane, as a quadrilateral. */
export function traceOutline(plane: Plane): TracedOutline | null {
  const cv = getCv();
  const mats = new MatScope();
  try {
    const src = mats.track(new cv.Mat(plane.height, plane.width, cv.CV_8UC1));
    src.data.set(plane.data);
    const paper = mats.track(new cv.Mat());
    const threshold = cv.threshold(src, paper, 0, 255, cv.THRESH_BINARY | cv.THRESH_OTSU) as number;
    const kernel = mats.track(cv.getStructuringElement(cv.MORPH_ELLIPSE, new cv.Size(OPENING, OPENING)));
    cv.morphologyEx(paper, paper, cv.MORPH_OPEN, kernel);
    const contours = mats.track(new cv.MatVector());
    const hierarchy = mats.track(new cv.Mat());
    cv.findContours(paper, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_NONE);
    let largest = null;
    let largestArea = 0;
    for (let i = 0; i < contours.size(); i++) {
      const contour = mats.track(contours.get(i));
      const area = cv.contourArea(contour) as number;
      if (area > largestArea) [largest, largestArea] = [contour, area];
    }
    if (!largest || largestArea < MIN_SEGMENT_SHARE * plane.width * plane.height) return null;
    const outline: Point[] = [];
    const along = largest.data32S as Int32Array;
    for (let i = 0; i + 1 < along.length; i += 2) outline.push([along[i], along[i + 1]]);
    const sides = dominantSides(outline, Math.max(plane.width, plane.height));
    if (sides) return { corners: clockwiseFromTopLeft(sides), threshold, area: largestArea };
    const hull = mats.track(new cv.Mat());
    cv.convexHull(largest, hull, false, true);
    const simplified = mats.track(new cv.Mat());
    cv.approxPolyDP(hull, simplified, 1, true);
    const xy = simplified.data32S as Int32Array;
    const points: Point[] = [];
    for (let i = 0; i + 1 < xy.length; i += 2) points.push([xy[i], xy[i + 1]]);
    const corners = largestInscribedQuad(points);
    if (!corners) return null;
    return { corners: clockwiseFromTopLeft(corners), threshold, area: largestArea };
  } finally {
    mats.release();
  }
}

/** Outline points within this many plane pixels of a side belong to it (the outline is a staircase). */
const SIDE_TOLERANCE = 1.5;

/**
 * The page's four sides as the four longest straight runs of its outline, found one after the
 * other by RANSAC (Fischler & Bolles 1981), each run's points removed before looking for the
 * next. Clutter touching the page (a light object on the desk) adds detours to the outline but
 * leaves most of each side straight, where the largest quadrilateral in the hull would reach out
 * to the clutter. Null when four sides cannot be found or do not close into a convex quadrilateral.
 */
export function dominantSides(outline: Point[], size: number): Point[] | null {
  let remaining = outline;
  const lines: Line[] = [];
  const minPoints = 0.08 * outline.length;
  for (let side = 0; side < 4; side++) {
    const n = remaining.length;
    if (n < minPoints) return null;
    let best: Point[] = [];
    for (let trial = 0; trial < 300; trial++) {
      const i = (trial * 7919 + 13) % n;
      const j = (i + Math.max(8, Math.floor(n / 16)) + ((trial * 104729) % Math.max(1, n >> 1))) % n;
      const p = remaining[i];
      const q = remaining[j];
      const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (len < 0.05 * size) continue;
      const candidate: Line = { point: p, direction: [(q[0] - p[0]) / len, (q[1] - p[1]) / len] };
      if (lines.some((l) => similarLines(l, candidate, size))) continue;
      const inliers = remaining.filter((r) => distance(candidate, r) <= SIDE_TOLERANCE);
      if (inliers.length > best.length) best = inliers;
    }
    if (best.length < minPoints) return null;
    const line = fitLine(best);
    lines.push(line);
    remaining = remaining.filter((r) => distance(line, r) > SIDE_TOLERANCE * 1.5);
  }
  // Around the outline's centre, the sides' outward normals turn monotonically: consecutive in
  // that order means adjacent on the page.
  const cx = outline.reduce((s, p) => s + p[0], 0) / outline.length;
  const cy = outline.reduce((s, p) => s + p[1], 0) / outline.length;
  const normalAngle = (l: Line) => {
    const [px, py] = l.point;
    const [dx, dy] = l.direction;
    const t = (cx - px) * dx + (cy - py) * dy;
    return Math.atan2(py + t * dy - cy, px + t * dx - cx);
  };
  lines.sort((a, b) => normalAngle(a) - normalAngle(b));
  const corners: Point[] = [];
  for (let i = 0; i < 4; i++) {
    const corner = intersect(lines[i], lines[(i + 1) % 4]);
    if (!corner) return null;
    corners.push(corner);
  }
  return isConvex(corners) ? corners : null;
}

function similarLines(a: Line, b: Line, size: number): boolean {
  const cos = Math.abs(a.direction[0] * b.direction[0] + a.direction[1] * b.direction[1]);
  return cos > Math.cos((15 * Math.PI) / 180) && distance(a, b.point) < 0.05 * size;
}

function isConvex(corners: Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < corners.length; i++) {
    const [ax, ay] = corners[i];
    const [bx, by] = corners[(i + 1) % corners.length];
    const [cx, cy] = corners[(i + 2) % corners.length];
    const z = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    if (z === 0) return false;
    if (sign === 0) sign = Math.sign(z);
    else if (Math.sign(z) !== sign) return false;
  }
  return true;
}

/**
 * The four hull vertices spanning the largest area. For a page whose corners the segmentation
 * rounded (vignetting darkens them) or whose side something overlaps, these still lie near the
 * true sides, where edges.ts finds them; approxPolyDP's vertex count is not that stable.
 * O(n³) over a hull of at most a few dozen vertices.
 */
export function largestInscribedQuad(hull: Point[]): Point[] | null {
  let points = hull;
  if (points.length > 64) points = points.filter((_, i) => i % Math.ceil(points.length / 64) === 0);
  const n = points.length;
  if (n < 4) return null;
  const tri = (a: Point, b: Point, c: Point) => Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
  let best: Point[] | null = null;
  let bestArea = 0;
  for (let i = 0; i < n; i++) {
    for (let k = i + 2; k < n; k++) {
      // For a fixed diagonal i–k, the best vertex on each side is chosen independently.
      let left = 0;
      let leftAt = -1;
      for (let j = i + 1; j < k; j++) {
        const a = tri(points[i], points[j], points[k]);
        if (a > left) [left, leftAt] = [a, j];
      }
      let right = 0;
      let rightAt = -1;
      for (let l = k + 1; l < n + i; l++) {
        const a = tri(points[i], points[k], points[l % n]);
        if (a > right) [right, rightAt] = [a, l % n];
      }
      if (leftAt >= 0 && rightAt >= 0 && left + right > bestArea) {
        bestArea = left + right;
        best = [points[i], points[leftAt], points[k], points[rightAt]];
      }
    }
  }
  return best;
}

/**
 * Orders corners clockwise on screen starting from the one up and to the left of the centre.
 * A page turned by more than 45° in the photo therefore comes out turned by a multiple of 90°:
 * the corners alone cannot tell which side of the page is up.
 */
export function clockwiseFromTopLeft(corners: Point[]): Point[] {
  const cx = corners.reduce((s, p) => s + p[0], 0) / corners.length;
  const cy = corners.reduce((s, p) => s + p[1], 0) / corners.length;
  const angle = (p: Point) => Math.atan2(p[1] - cy, p[0] - cx);
  const sorted = [...corners].sort((a, b) => angle(a) - angle(b));
  const upLeft = -0.75 * Math.PI;
  let start = 0;
  let bestGap = Infinity;
  sorted.forEach((p, i) => {
    let gap = Math.abs(angle(p) - upLeft);
    gap = Math.min(gap, 2 * Math.PI - gap);
    if (gap < bestGap) [start, bestGap] = [i, gap];
  });
  return [0, 1, 2, 3].map((i) => sorted[(start + i) % 4]);
}
