// 3×3 row-major homographies: applying one to a point, composing, inverting, mapping a rectangle
// onto a quadrilateral and a box through a map. Coordinates are continuous: pixel (i, j) covers
// [i, i+1) × [j, j+1), so a box [x, y, w, h] means the same in both frames of a map.
import type { BBox, Homography } from '../types.ts';

export type Matrix = number[];
export type Point = [number, number];
/** Corners of a quadrilateral: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

/** Applies a 3×3 row-major homography to a point. */
export function project(h: ArrayLike<number>, x: number, y: number): Point {
  const w = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}

/** a · b: b applied first. */
export function multiply(a: ArrayLike<number>, b: ArrayLike<number>): Homography {
  const out: Homography = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c] += a[r * 3 + k] * b[k * 3 + c];
  return out;
}

/** Inverse by the adjugate; throws on a singular matrix. */
export function invert(m: ArrayLike<number>): Homography {
  const [a, b, c, d, e, f, g, h, i] = Array.from(m);
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) throw new Error('matrix is singular');
  return [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d].map(
    (v) => v / det,
  ) as Homography;
}

/**
 * The projective map of the unit square onto a quadrilateral, in closed form (Heckbert 1989,
 * "Fundamentals of Texture Mapping and Image Warping", §2.2.3): no linear system to solve.
 */
export function squareToQuad(quad: Quad): Homography {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = quad;
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  if (Math.abs(sx) < 1e-12 && Math.abs(sy) < 1e-12) {
    return [x1 - x0, x3 - x0, x0, y1 - y0, y3 - y0, y0, 0, 0, 1];
  }
  const dx1 = x1 - x2;
  const dx2 = x3 - x2;
  const dy1 = y1 - y2;
  const dy2 = y3 - y2;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1];
}

/** Maps the rectangle [0, width] × [0, height] onto quad (its corners onto TL, TR, BR, BL). */
export function rectangleToQuad(width: number, height: number, quad: Quad): Homography {
  return multiply(squareToQuad(quad), [1 / width, 0, 0, 0, 1 / height, 0, 0, 0, 1]);
}

/**
 * The axis-aligned box, in photo pixels, of the four corners of a box of the rectified page.
 * A rectified box stays a quadrilateral in the photo; its bounding box is what a report can draw.
 */
export function mapBox(fileFromPage: ArrayLike<number>, bbox: BBox): BBox {
  const [x, y, w, h] = bbox;
  const corners = [project(fileFromPage, x, y), project(fileFromPage, x + w, y), project(fileFromPage, x + w, y + h), project(fileFromPage, x, y + h)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return [left, top, Math.max(...xs) - left, Math.max(...ys) - top];
}

export function polygonArea(points: ReadonlyArray<Point>): number {
  let a = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[(i + 1) % points.length];
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
}

/** A box with whole-pixel corners and sides, as reports give it. */
export function roundBox([x, y, w, h]: BBox): BBox {
  return [Math.round(x), Math.round(y), Math.round(w), Math.round(h)];
}
