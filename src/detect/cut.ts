// Shapes of the logo cut by the page edge (its trim): a disc whose outline is an arc ending at the
// border, a box whose sides run off it. Only what is on the page is fitted, and fitted again to the
// grey edges themselves, since a cut shape gives registration less to go on than a whole one;
// registration then extends a cut box to the charter's proportions.
import type { Page } from '../types.ts';
import { getCv, MatScope, type Mat } from '../image/opencv.ts';
import type { Gray } from '../image/raster.ts';
import { bilinear } from '../image/sample.ts';
import type { AnchorLimits, EllipseAnchor, Point, RectangleAnchor } from './anchors.ts';

/**
 * A disc cut by the page edge: its outline is an arc plus a straight run along the border, so the
 * ellipse is fitted to the arc alone. What the disc holds can cut its ring apart (the @ glyph, the
 * arrow across it), leaving an arc whose ends turn inwards: the fit is repeated on the points
 * that fit it best, and kept when most of the outline, a quarter turn at least, lies on it.
 */
export function cutEllipse(cv: ReturnType<typeof getCv>, contour: Mat, page: Page, grey: Gray, limits: AnchorLimits, inset: number): EllipseAnchor | null {
  const arc = hullOutline(cv, contour).filter(([x, y]) => x >= ON_BORDER && y >= ON_BORDER && x <= page.width - 1 - ON_BORDER && y <= page.height - 1 - ON_BORDER);
  if (arc.length < 20) return null;
  // Less than half a turn leaves an ellipse's five parameters ill-determined: such an arc is
  // fitted with a circle (the disc unstretched), a longer one with an ellipse.
  const ellipse: Fit = (points) => {
    // OpenCV throws (and leaks what it allocated) below five points.
    if (points.length < 6) return null;
    const e = fitEllipseTo(cv, points);
    return [e.center.x, e.center.y, e.size.width, e.size.height].every(Number.isFinite) ? e : null;
  };
  const oval = trimmedFit(arc, ellipse);
  const wellPosed = (o: { e: RotatedRect; on: Point[] }) => turnCovered(o.e, o.on) >= Math.PI && Math.max(o.e.size.width, o.e.size.height) <= limits.ellipseAspect * Math.min(o.e.size.width, o.e.size.height);
  const fit = oval && wellPosed(oval) ? ellipse : circleFit;
  const found = fit === ellipse ? oval : trimmedFit(arc, circleFit);
  if (!found) return null;
  const { e, on } = found;
  const [a, b] = [e.size.width / 2, e.size.height / 2];
  if (Math.min(a, b) < limits.minSize / 2 || Math.max(a, b) / Math.min(a, b) > limits.ellipseAspect) return null;
  if (on.length < arc.length * ARC_KEPT || turnCovered(e, on) < MIN_ARC_TURN) return null;
  // Fitted to an arc, the ellipse is only roughly placed; fitted again to the grey edge along
  // that arc, it is placed to a fraction of a pixel, and the whole logo's turn with it.
  return snapEllipse(e, grey, fit) ?? ellipseAnchor(e, inset, true);
}

type Fit = (points: Point[]) => RotatedRect | null;

/**
 * Trimmed least squares: fitted to all points, then four times to the best-fitting share of them
 * (ARC_KEPT), then to those within ARC_TOLERANCE of the fit.
 */
function trimmedFit(points: Point[], fit: Fit): { e: RotatedRect; on: Point[] } | null {
  let e = fit(points);
  for (let round = 0; round < 4 && e; round++) {
    if (!(e.size.width > 0 && e.size.height > 0)) return null;
    const off = points.map((p) => Math.abs(ellipseRadius(e!, p) - 1));
    const cut = [...off].sort((p, q) => p - q)[Math.floor(points.length * ARC_KEPT)];
    e = fit(points.filter((_, i) => off[i] <= cut));
  }
  if (!e) return null;
  const radius = (e.size.width + e.size.height) / 4;
  if (!(radius > 0)) return null;
  const on = points.filter((p) => Math.abs(ellipseRadius(e!, p) - 1) * radius < Math.max(1.5, ARC_TOLERANCE * radius));
  if (on.length < 12) return null;
  e = fit(on);
  return e ? { e, on } : null;
}

/** The circle through points in the least-squares sense of Kåsa (1976): x² + y² + Dx + Ey + F = 0. */
function circleFit(points: Point[]): RotatedRect | null {
  if (points.length < 3) return null;
  // Normal equations of the linear system in D, E, F.
  const M = new Float64Array(9);
  const v = new Float64Array(3);
  for (const [x, y] of points) {
    const row = [x, y, 1];
    const rhs = -(x * x + y * y);
    for (let r = 0; r < 3; r++) {
      v[r] += row[r] * rhs;
      for (let c = 0; c < 3; c++) M[r * 3 + c] += row[r] * row[c];
    }
  }
  const sol = solve3(M, v);
  if (!sol) return null;
  const [D, E, F] = sol;
  const r2 = (D * D + E * E) / 4 - F;
  if (!(r2 > 0)) return null;
  const d = 2 * Math.sqrt(r2);
  return { center: { x: -D / 2, y: -E / 2 }, size: { width: d, height: d }, angle: 0 };
}

/** Cramer's rule for a 3×3 system; null when singular. */
function solve3(m: Float64Array, v: Float64Array): [number, number, number] | null {
  const det = (a: ArrayLike<number>) => a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
  const d = det(m);
  if (Math.abs(d) < 1e-12) return null;
  const column = (k: number) => det(m.map((x, i) => (i % 3 === k ? v[Math.floor(i / 3)] : x)));
  return [column(0) / d, column(1) / d, column(2) / d];
}

/** Share of a relative radius off an ellipse within which an outline point lies on it. */
const ARC_TOLERANCE = 0.04;
/**
 * Least turn a cut disc's arc must cover: a quarter (a disc whose centre lies beyond the page edge
 * shows less than half a turn, and still fixes the logo with the polar match and the whole-logo score).
 */
const MIN_ARC_TURN = Math.PI / 2;
/** Share of a cut disc's outline points its arc must hold (the rest: where the ring was cut apart). */
const ARC_KEPT = 0.6;

/** The angle, around an ellipse's centre, that points on it cover (a full turn less the widest gap). */
function turnCovered(e: RotatedRect, points: Point[]): number {
  const angles = points.map(([x, y]) => Math.atan2(y - e.center.y, x - e.center.x)).sort((p, q) => p - q);
  let gap = angles[0] + 2 * Math.PI - angles[angles.length - 1];
  for (let i = 1; i < angles.length; i++) gap = Math.max(gap, angles[i] - angles[i - 1]);
  return 2 * Math.PI - gap;
}

type RotatedRect = { center: { x: number; y: number }; size: { width: number; height: number }; angle: number };

/** Points of the grey edge beside an ellipse fitted to a traced outline, on the page, and the ellipse (or circle: `fit`) fitted to them. */
function snapEllipse(e: RotatedRect, grey: Gray, fit: Fit): EllipseAnchor | null {
  const t = (e.angle * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  const [a, b] = [e.size.width / 2, e.size.height / 2];
  const edge: Point[] = [];
  for (let i = 0; i < ELLIPSE_SAMPLES; i++) {
    const th = (2 * Math.PI * i) / ELLIPSE_SAMPLES;
    const [u, v] = [a * Math.cos(th), b * Math.sin(th)];
    const at: Point = [e.center.x + u * c - v * s, e.center.y + u * s + v * c];
    if (at[0] < ON_BORDER || at[1] < ON_BORDER || at[0] > grey.width - 1 - ON_BORDER || at[1] > grey.height - 1 - ON_BORDER) continue;
    // The outward normal: the gradient of (u/a)² + (v/b)², turned back to the page.
    const [nu, nv] = [Math.cos(th) / a, Math.sin(th) / b];
    const normal = unit([nu * c - nv * s, nu * s + nv * c]);
    const offset = edgeOffset(grey, at, normal);
    if (offset !== null) edge.push(add(at, scale(normal, offset)));
  }
  if (edge.length < ELLIPSE_SAMPLES / 6) return null;
  // Once more without the points farthest off the first fit (where the arrow crosses the outline).
  const first = fit(edge);
  if (!first) return null;
  const off = edge.map((p) => Math.abs(ellipseRadius(first, p) - 1));
  const limit = Math.max(0.01, 3 * [...off].sort((x, y) => x - y)[Math.floor(off.length / 2)]);
  const kept = edge.filter((_, i) => off[i] <= limit);
  const final = (kept.length >= 6 && fit(kept)) || first;
  if (Math.abs(final.size.width - e.size.width) > 0.2 * e.size.width || Math.abs(final.size.height - e.size.height) > 0.2 * e.size.height) return null;
  return ellipseAnchor(final, 0, true);
}

/** Where a point lies relative to an ellipse: 1 on it, less inside. */
function ellipseRadius(e: RotatedRect, [x, y]: Point): number {
  const t = (e.angle * Math.PI) / 180;
  const [dx, dy] = [x - e.center.x, y - e.center.y];
  const u = (dx * Math.cos(t) + dy * Math.sin(t)) / (e.size.width / 2);
  const v = (-dx * Math.sin(t) + dy * Math.cos(t)) / (e.size.height / 2);
  return Math.hypot(u, v);
}

/** Largest angle, in degrees, between two sides taken as parallel (traced outlines are pixel-rounded). */
const PARALLEL_DEG = 6;
/** Share of a traced side left out at each end when fitting its line: the badge's corners are rounded. */
const SIDE_TRIM = 0.2;

/**
 * A box cut by the page edge: its outline is the box's own sides, one run of them, plus straight
 * runs along the border. Each side is fitted with a line away from its (rounded) ends and the
 * corners are where neighbouring sides meet. With three corners on the page the parallelogram is
 * whole; with one or two, the sides that run off the page are marked `open`, their length only
 * what is seen, and registration, which knows the box's proportions, extends them.
 */
export function cutBox(cv: ReturnType<typeof getCv>, contour: Mat, page: Page, grey: Gray, limits: AnchorLimits, inset: number): RectangleAnchor | null {
  const outline = hullOutline(cv, contour);
  const n = outline.length;
  // A band across the whole page (a header, a rule) runs off two opposite edges, or as near as the
  // tracing gets: no box of the logo's is wider or taller than the page.
  const reaches = (test: (p: Point) => boolean) => outline.some(test);
  if (reaches(([x]) => x <= ON_BORDER) && reaches(([x]) => x >= page.width - 1 - ON_BORDER)) return null;
  if (reaches(([, y]) => y <= ON_BORDER) && reaches(([, y]) => y >= page.height - 1 - ON_BORDER)) return null;
  const onBorder = (i: number) => {
    const [x, y] = outline[i % n];
    return x <= 1 || y <= 1 || x >= page.width - 2 || y >= page.height - 2;
  };
  // The outline off the border is one run between two stretches along it, give or take a bit of
  // what the box holds cut by the border too (a letter of a badge): the longest run.
  const runs: Point[][] = [];
  for (let i0 = 0; i0 < n; i0++) {
    if (onBorder(i0) || !onBorder(i0 + n - 1)) continue;
    const run: Point[] = [];
    for (let i = i0; !onBorder(i); i++) run.push(outline[i % n]);
    runs.push(run);
  }
  if (!runs.length) return null;
  const run = runs.reduce((a, b) => (b.length > a.length ? b : a));
  if (runs.reduce((s, r) => s + r.length, 0) > 2 * run.length) return null;
  const across = narrowestWidth(cv, run);
  if (across < 4) return null;
  const fitted = fitSides(cv, run, across);
  if (fitted.length < 2 || fitted.length > 4) return null;
  // A point inside the box, to tell its sides' outward normals.
  const inside: Point = scale(outline.reduce((sum, p) => add(sum, p), [0, 0] as Point), 1 / n);
  const sides = fitted.map((side) => snapSide(side, grey, inside, inset));
  const corners = sides.slice(1).map((side, i) => meet(sides[i], side));
  if (corners.some((c) => !c)) return null;
  const [first, last] = [run[0], run[run.length - 1]];
  let box: [Point, Point, Point, Point];
  let open: [boolean, boolean] | undefined;
  // The sides that run off the page point from their corner towards where the run ends.
  const towards = (side: Line, from: Point, end: Point): Point => (dot(side.dir, sub(end, from)) >= 0 ? side.dir : scale(side.dir, -1));
  if (sides.length === 2) {
    // One corner: both its sides leave it for the border.
    const c = corners[0]!;
    const ub = towards(sides[0], c, first);
    const ua = towards(sides[1], c, last);
    if (!square(ua, ub)) return null;
    const [a, b] = [scale(ua, dot(sub(last, c), ua)), scale(ub, dot(sub(first, c), ub))];
    box = [c, add(c, a), add(add(c, a), b), add(c, b)];
    open = [true, true];
  } else if (sides.length === 3) {
    // One whole side between two corners; the sides at its ends run off the page side by side.
    const [c0, c1] = corners as Point[];
    const u0 = towards(sides[0], c0, first);
    const u1 = towards(sides[2], c1, last);
    if (!parallel(u0, u1) || !square(sub(c1, c0), u0)) return null;
    const u = unit(add(u0, u1));
    const seen = Math.max(dot(sub(first, c0), u), dot(sub(last, c1), u));
    box = [c0, c1, add(c1, scale(u, seen)), add(c0, scale(u, seen))];
    open = [false, true];
  } else {
    // Three corners: the fourth, off the page, completes the parallelogram.
    const [c0, c1, c2] = corners as Point[];
    if (!square(sub(c0, c1), sub(c2, c1)) || !parallel(towards(sides[0], c0, first), sub(c2, c1)) || !parallel(towards(sides[3], c2, last), sub(c0, c1))) return null;
    box = [c0, c1, c2, add(c0, sub(c2, c1))];
  }
  const size = Math.max(Math.hypot(...sub(box[1], box[0])), Math.hypot(...sub(box[3], box[0])));
  if (size < limits.minSize / 2) return null;
  return { shape: 'rectangle', corners: box, touchesEdge: true, ...(open && { open }) };
}

/**
 * The traced points that lie on the outline's convex hull, in order: a box's sides with the
 * notches left out where what it holds (letters, dilated edges) reaches its border.
 */
function hullOutline(cv: ReturnType<typeof getCv>, contour: Mat): Point[] {
  const d = contour.data32S as Int32Array;
  const n = d.length / 2;
  const hull = hullIndices(cv, contour);
  const out: Point[] = [];
  for (let h = 0; h < hull.length; h++) {
    const i0 = hull[h];
    const i1 = h + 1 < hull.length ? hull[h + 1] : hull[0] + n;
    const [x0, y0, x1, y1] = [d[2 * i0], d[2 * i0 + 1], d[2 * (i1 % n)], d[2 * (i1 % n) + 1]];
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    for (let i = i0; i < i1; i++) {
      const [x, y] = [d[2 * (i % n)], d[2 * (i % n) + 1]];
      // Within 1.5 px of the hull's side: on the outline, not in a notch.
      if (Math.abs((x - x0) * (y1 - y0) - (y - y0) * (x1 - x0)) / len < 1.5) out.push([x, y]);
    }
  }
  return out;
}

interface Line {
  /** A point on the line (the middle of the points it was fitted to) and its unit direction. */
  at: Point;
  dir: Point;
  /** Half the length of the fitted points along it. */
  half: number;
}

/**
 * The straight sides of an open outline, in order: the outline simplified (Douglas–Peucker, to a
 * tenth of the shape's width so a rounded corner stays one vertex), each piece fitted with its
 * principal axis, and neighbouring pieces that run the same way merged.
 */
function fitSides(cv: ReturnType<typeof getCv>, run: Point[], across: number): Line[] {
  const vertices = simplifiedRun(cv, run, across);
  if (!vertices) return [];
  const pieces: Array<[number, number]> = [];
  for (let k = 1; k < vertices.length; k++) {
    const [i0, i1] = [vertices[k - 1], vertices[k]];
    // Pieces shorter than the rounding of a corner are the corner itself.
    if (Math.hypot(...sub(run[i1], run[i0])) < 0.45 * across) continue;
    const last = pieces[pieces.length - 1];
    if (last && parallel(sub(run[last[1]], run[last[0]]), sub(run[i1], run[i0]))) last[1] = i1;
    else pieces.push([i0, i1]);
  }
  const lines = pieces.map(([i0, i1]) => {
    const trim = Math.floor((i1 - i0) * SIDE_TRIM);
    return principalAxis(run.slice(i0 + trim, i1 - trim + 1));
  });
  // A short piece turned only a little from a neighbour is where that side bends into a rounded
  // corner, not a side of its own.
  const bend = (a: Line, b: Line | undefined) => b !== undefined && Math.abs(dot(a.dir, b.dir)) > Math.cos((BEND_DEG * Math.PI) / 180);
  return lines.filter((line, k) => line.half * 2 >= across || !(bend(line, lines[k - 1]) || bend(line, lines[k + 1])));
}

/** Largest turn, in degrees, between a short piece of outline and its neighbour for it to be that side bending into a corner. */
const BEND_DEG = 15;

/** The least-squares line through points (total least squares: the covariance's main axis). */
function principalAxis(points: Point[]): Line {
  const m = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / m;
  const my = points.reduce((s, p) => s + p[1], 0) / m;
  let [sxx, sxy, syy] = [0, 0, 0];
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  const t = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const dir: Point = [Math.cos(t), Math.sin(t)];
  const along = points.map(([x, y]) => (x - mx) * dir[0] + (y - my) * dir[1]);
  return { at: [mx, my], dir, half: (Math.max(...along) - Math.min(...along)) / 2 };
}

/**
 * Band across a traced side searched for its edge, in pixels along the outward normal: traced
 * regions stop short of the outline, never beyond it, and what the box holds (a badge's letters,
 * whose edges may be the stronger) lies inwards.
 */
const SNAP_FROM = -2;
const SNAP_TO = 5;
/** Least grey step per pixel taken as the side's edge (a side outlined in saturation alone has none). */
const SNAP_MIN_GRADIENT = 12;

/**
 * A side moved onto the grey edge it was traced inside of: across the side, at points along it,
 * the outline's grey step is found (edgeOffset) and the line fitted to those points. Traced regions
 * stop a pixel or two short of the outline, which on a small box is a tenth of its height, and a
 * dent in the tracing tilts the traced side; where no edge is seen, the side moves out by the
 * tracing's usual inset instead.
 */
function snapSide(side: Line, grey: Gray, inside: Point, inset: number): Line {
  let normal: Point = [-side.dir[1], side.dir[0]];
  if (dot(normal, sub(side.at, inside)) < 0) normal = scale(normal, -1);
  const edge: Point[] = [];
  for (let t = -side.half; t <= side.half; t += 1) {
    const at = add(side.at, scale(side.dir, t));
    const offset = edgeOffset(grey, at, normal);
    if (offset !== null) edge.push(add(at, scale(normal, offset)));
  }
  if (edge.length < 5) return { ...side, at: add(side.at, scale(normal, inset)) };
  // The line through the edge points, once more without those over a pixel off it: the traced
  // outline may be dented (a letter cut by the border) where the grey edge is straight.
  const first = principalAxis(edge);
  const near = edge.filter((p) => Math.abs(dot(sub(p, first.at), [-first.dir[1], first.dir[0]])) <= 1);
  const line = near.length >= 5 ? principalAxis(near) : first;
  return { ...line, half: side.half };
}

/**
 * How far along `normal` from `at`, within the band SNAP_FROM..SNAP_TO, the shape's outline is:
 * the first grey step, going outwards, that is a local peak at least half as steep as the band's
 * steepest (what lies beyond the outline may step more steeply), to sub-pixel by a parabola
 * through its neighbours; null off the page or where no step reaches SNAP_MIN_GRADIENT.
 */
function edgeOffset(grey: Gray, at: Point, normal: Point): number | null {
  const step = 0.25;
  const count = Math.round((SNAP_TO - SNAP_FROM) / step) + 1;
  const profile = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const [x, y] = add(at, scale(normal, SNAP_FROM + k * step));
    profile[k] = bilinear(grey.data, grey.width, grey.height, x, y);
    if (Number.isNaN(profile[k])) return null;
  }
  // Steps over one pixel (two samples either side).
  const g = (k: number) => Math.abs(profile[k + 2] - profile[k - 2]);
  let steepest = 3;
  for (let k = 3; k < count - 3; k++) if (g(k) > g(steepest)) steepest = k;
  if (g(steepest) < SNAP_MIN_GRADIENT) return null;
  let best = 3;
  while (best < steepest && !(g(best) >= g(steepest) / 2 && g(best) >= g(best - 1) && g(best) >= g(best + 1))) best++;
  const [a, b, c] = [g(best - 1), g(best), g(best + 1)];
  const vertex = a - 2 * b + c < 0 ? (0.5 * (a - c)) / (a - 2 * b + c) : 0;
  return SNAP_FROM + (best + vertex) * step;
}

/** Where two lines cross; null when they are nearly parallel. */
function meet(l: Line, m: Line): Point | null {
  const det = l.dir[0] * m.dir[1] - l.dir[1] * m.dir[0];
  if (Math.abs(det) < 0.2) return null;
  const [dx, dy] = sub(m.at, l.at);
  const t = (dx * m.dir[1] - dy * m.dir[0]) / det;
  return add(l.at, scale(l.dir, t));
}

const add = (a: Point, b: Point): Point => [a[0] + b[0], a[1] + b[1]];
const sub = (a: Point, b: Point): Point => [a[0] - b[0], a[1] - b[1]];
const scale = (a: Point, k: number): Point => [a[0] * k, a[1] * k];
const dot = (a: Point, b: Point) => a[0] * b[0] + a[1] * b[1];
const unit = (a: Point): Point => scale(a, 1 / (Math.hypot(a[0], a[1]) || 1));
/** Sides pointing the same way within PARALLEL_DEG. */
const parallel = (a: Point, b: Point) => dot(unit(a), unit(b)) > Math.cos((PARALLEL_DEG * Math.PI) / 180);
/** Sides meeting at a corner a box keeps under the shears the charter can report (45°–135°). */
const square = (a: Point, b: Point) => Math.abs(dot(unit(a), unit(b))) < Math.SQRT1_2;

/** Points along a cut disc's fitted outline where the grey edge is looked for. */
const ELLIPSE_SAMPLES = 120;
/** Distance from the page border, in pixels, within which an outline point is left out (the border cuts it). */
const ON_BORDER = 3;

/** An OpenCV RotatedRect ellipse, grown back by the inset of the outline it was fitted to. */
export function ellipseAnchor(e: { center: { x: number; y: number }; size: { width: number; height: number }; angle: number }, inset: number, touchesEdge: boolean): EllipseAnchor {
  return { shape: 'ellipse', cx: e.center.x, cy: e.center.y, width: e.size.width + 2 * inset, height: e.size.height + 2 * inset, angle: e.angle, touchesEdge };
}

/** OpenCV's ellipse through the points (six or more). */
function fitEllipseTo(cv: ReturnType<typeof getCv>, points: Point[]): RotatedRect {
  const mats = new MatScope();
  try {
    return cv.fitEllipse(mats.track(cv.matFromArray(points.length, 1, cv.CV_32FC2, points.flat())));
  } finally {
    mats.release();
  }
}

/** The width of the thinnest rectangle around the points. */
function narrowestWidth(cv: ReturnType<typeof getCv>, run: Point[]): number {
  const mats = new MatScope();
  try {
    const box = cv.minAreaRect(mats.track(cv.matFromArray(run.length, 1, cv.CV_32SC2, run.flat())));
    return Math.min(box.size.width, box.size.height);
  } finally {
    mats.release();
  }
}

/** Indices of the contour's points on its convex hull, in order along it. */
function hullIndices(cv: ReturnType<typeof getCv>, contour: Mat): number[] {
  const mats = new MatScope();
  try {
    const idx = mats.track(new cv.Mat());
    cv.convexHull(contour, idx, false, false);
    return Array.from(idx.data32S as Int32Array).sort((a, b) => a - b);
  } finally {
    mats.release();
  }
}

/** Indices along the run of its Douglas–Peucker simplification's vertices (null if one is not on it). */
function simplifiedRun(cv: ReturnType<typeof getCv>, run: Point[], across: number): number[] | null {
  const mats = new MatScope();
  try {
    const pts = mats.track(cv.matFromArray(run.length, 1, cv.CV_32SC2, run.flat()));
    const approx = mats.track(new cv.Mat());
    cv.approxPolyDP(pts, approx, Math.max(1, 0.1 * across), false);
    const v = approx.data32S as Int32Array;
    // approxPolyDP returns points, not indices: find each along the run, in order.
    const idx: number[] = [];
    let from = 0;
    for (let k = 0; k < v.length; k += 2) {
      let i = from;
      while (i < run.length && (run[i][0] !== v[k] || run[i][1] !== v[k + 1])) i++;
      if (i === run.length) return null;
      idx.push(i);
      from = i;
    }
    return idx;
  } finally {
    mats.release();
  }
}
