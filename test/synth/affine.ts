// 2-D transforms as 3×3 row-major matrices, the form the ground truth carries so that it compares
// directly with a detector's homography. Logos are placed by affine maps (last row 0 0 1); a phone
// photo of the page adds a projective one.

export type Mat3 = [number, number, number, number, number, number, number, number, number];
export type Point = [number, number];

export const identity = (): Mat3 => [1, 0, 0, 0, 1, 0, 0, 0, 1];
export const translate = (tx: number, ty: number): Mat3 => [1, 0, tx, 0, 1, ty, 0, 0, 1];
export const scale = (sx: number, sy: number = sx): Mat3 => [sx, 0, 0, 0, sy, 0, 0, 0, 1];

/** Positive angles turn clockwise on screen, since page y grows downwards. */
export function rotate(deg: number): Mat3 {
  const r = (deg * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

/** Horizontal shear: x' = x + tan(deg)·y. */
export const shearX = (deg: number): Mat3 => [1, Math.tan((deg * Math.PI) / 180), 0, 0, 1, 0, 0, 0, 1];

/** a·b: apply b first, then a. */
export function multiply(a: Mat3, b: Mat3): Mat3 {
  const out = new Array<number>(9).fill(0) as Mat3;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      out[r * 3 + c] = a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c];
    }
  }
  return out;
}

/** Composes left to right in the order the transforms are applied. */
export const chain = (...steps: Mat3[]): Mat3 => steps.reduce((acc, m) => multiply(m, acc), identity());

/** Inverse by the adjugate; throws on a singular matrix, which no placement should produce. */
export function invert(m: Mat3): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = f * g - d * i;
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) throw new Error(`cannot invert singular transform [${m.join(', ')}]`);
  return [A, c * h - b * i, b * f - c * e, B, a * i - c * g, c * d - a * f, C, b * g - a * h, a * e - b * d].map((v) => v / det) as Mat3;
}

/** The linear map a transform applies around point p (its Jacobian there), as [∂x/∂u, ∂x/∂v, ∂y/∂u, ∂y/∂v]. */
export function jacobian(m: Mat3, [u, v]: Point): [number, number, number, number] {
  const w = m[6] * u + m[7] * v + m[8];
  const [x, y] = apply(m, [u, v]);
  return [(m[0] - x * m[6]) / w, (m[1] - x * m[7]) / w, (m[3] - y * m[6]) / w, (m[4] - y * m[7]) / w];
}

/** Smallest and largest stretch of a 2×2 linear map (its singular values). */
export function stretches([a, b, c, d]: [number, number, number, number]): [number, number] {
  const s = a * a + b * b + c * c + d * d;
  const det = Math.abs(a * d - b * c);
  const root = Math.sqrt(Math.max(0, s * s - 4 * det * det));
  return [Math.sqrt((s - root) / 2), Math.sqrt((s + root) / 2)];
}

export function apply(m: Mat3, [x, y]: Point): Point {
  const w = m[6] * x + m[7] * y + m[8];
  return [(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w];
}

/** Corners of a w×h rectangle at the origin, clockwise from top-left. */
export const rectCorners = (w: number, h: number): Point[] => [
  [0, 0],
  [w, 0],
  [w, h],
  [0, h],
];

export function boundsOf(points: Point[]): { minX: number; minY: number; maxX: number; maxY: number } {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** Shoelace formula; the sign is dropped. */
export const polygonArea = (points: Point[]): number => Math.abs(signedArea(points));

/** Sutherland–Hodgman against an axis-aligned rectangle: exact for the convex quads we clip. */
export function clipToRect(points: Point[], x0: number, y0: number, x1: number, y1: number): Point[] {
  const edges: Array<[(p: Point) => boolean, (a: Point, b: Point) => Point]> = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ];
  let poly = points;
  for (const [inside, cross] of edges) {
    const next: Point[] = [];
    for (let i = 0; i < poly.length; i++) {
      const cur = poly[i];
      const prev = poly[(i + poly.length - 1) % poly.length];
      if (inside(cur)) {
        if (!inside(prev)) next.push(cross(prev, cur));
        next.push(cur);
      } else if (inside(prev)) {
        next.push(cross(prev, cur));
      }
    }
    poly = next;
    if (poly.length === 0) break;
  }
  return poly;
}

/** Sutherland–Hodgman against a convex polygon, either way round: the part of `points` inside `clip`. */
export function clipToConvex(points: Point[], clip: Point[]): Point[] {
  const turn = Math.sign(signedArea(clip));
  let poly = points;
  for (let k = 0; k < clip.length && poly.length; k++) {
    const [ax, ay] = clip[k];
    const [bx, by] = clip[(k + 1) % clip.length];
    const side = ([x, y]: Point) => turn * ((bx - ax) * (y - ay) - (by - ay) * (x - ax));
    const next: Point[] = [];
    for (let i = 0; i < poly.length; i++) {
      const cur = poly[i];
      const prev = poly[(i + poly.length - 1) % poly.length];
      const [sc, sp] = [side(cur), side(prev)];
      const cross = (): Point => {
        const t = sp / (sp - sc);
        return [prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])];
      };
      if (sc >= 0) {
        if (sp < 0) next.push(cross());
        next.push(cur);
      } else if (sp >= 0) {
        next.push(cross());
      }
    }
    poly = next;
  }
  return poly;
}

function signedArea(points: Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** SVG's matrix(a b c d e f) takes the columns of the 2×3 part. */
export const svgMatrix = (m: Mat3): string =>
  `matrix(${[m[0], m[3], m[1], m[4], m[2], m[5]].map((n) => +n.toFixed(6)).join(' ')})`;
