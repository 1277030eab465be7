// The page's true width:height from its image, a perspective view of a rectangle.
//
// Zhang & He, "Whiteboard scanning and image enhancement", Digital Signal Processing 17 (2007):
// with the principal point at the image centre and square pixels, the four corners of an
// imaged rectangle give the focal length and the rectangle's aspect ratio in closed form. When the
// view has no perspective along one of the rectangle's directions (the camera turned about one of
// the page's axes only, or not at all), the focal length is not observable from the corners; a
// typical phone focal length is then assumed, which is exact for an affine view and close
// for a moderate tilt (focalLength() weighs the two).
import type { Point, Quad } from '../image/homography.ts';

export interface PaperSize {
  name: string;
  /** Short and long side in millimetres. */
  shortMm: number;
  longMm: number;
}

/**
 * Page sizes partners print flyers on. The A series (A3, A5, A6) has A4's proportions: a √2 page
 * is taken as A4, the commoner size, so its dpi is an assumption (an A5 page gets 1/√2 of its
 * real dpi). DL (99 × 210 mm, a third of A4) is the common folded-leaflet and rack-card size.
 * Rectification requires one of these proportions (see index.ts): a size missing here is declined.
 */
export const PAPER_SIZES: readonly PaperSize[] = [
  { name: 'A4', shortMm: 210, longMm: 297 },
  { name: 'US Letter', shortMm: 215.9, longMm: 279.4 },
  { name: 'DL', shortMm: 99, longMm: 210 },
];

/** A measured ratio this close to a paper size's is taken as that paper. */
export const SNAP_TOLERANCE = 0.03;

/**
 * Phone main cameras are about 26 mm equivalent: f ≈ 0.6 × the image diagonal. It decides when
 * the corners cannot tell the focal length.
 */
const PRIOR_FOCAL_PER_DIAGONAL = 0.6;
/** Focal lengths considered, × the image diagonal: from ultra-wide to a 4× crop. */
const FOCAL_RANGE: [number, number] = [0.25, 5];
/** Spread of the prior on ln f: phones' main cameras and 2× crops lie within 0.4–1.0 × diagonal. */
const PRIOR_LOG_SPREAD = 0.45;
/** Assumed accuracy of each corner coordinate, in pixels (edges are fitted to sub-pixel points). */
const CORNER_NOISE = 0.5;

export interface AspectEstimate {
  /** Width / height of the page, as measured (before snapping). */
  measured: number;
  /** Width / height used: measured, or a paper size's when within SNAP_TOLERANCE of it. */
  aspect: number;
  paper: PaperSize | null;
  /** Focal length in pixels, and whether the corners determined it (else the prior did). */
  focal: number;
  focalSolved: boolean;
  /** Angle between the page's normal and the camera axis, degrees. */
  tiltDeg: number;
}

type Vec3 = [number, number, number];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** quad: TL, TR, BR, BL in photo pixels; width × height: the photo's size. */
export function estimateAspect(quad: Quad, width: number, height: number): AspectEstimate {
  const { n2, n3 } = vanishing(quad, width, height);
  const { focal, solved } = focalLength(quad, width, height);

  // Zhang & He's ratio: |A⁻¹ n2| / |A⁻¹ n3|, A = diag(f, f, 1) the camera matrix (centred).
  const norm2 = (n: Vec3) => (n[0] * n[0] + n[1] * n[1]) / (focal * focal) + n[2] * n[2];
  let measured = Math.sqrt(norm2(n2) / norm2(n3));
  if (!Number.isFinite(measured) || measured <= 0) measured = sideRatio(quad);

  const { aspect, paper } = snapToPaper(measured);
  return { measured, aspect, paper, focal, focalSolved: solved, tiltDeg: tiltOf(n2, n3, focal) };
}

/**
 * n2, n3: the images of the page's horizontal and vertical directions (their vanishing points, up
 * to scale), in coordinates centred on the photo, as Zhang & He derive them.
 */
function vanishing(quad: Quad, width: number, height: number): { n2: Vec3; n3: Vec3 } {
  const m = (p: Point): Vec3 => [p[0] - width / 2, p[1] - height / 2, 1];
  // Zhang & He's numbering: m1 (0,0), m2 (w,0), m3 (0,h), m4 (w,h).
  const [m1, m2, m4, m3] = quad.map(m);
  const m14 = cross(m1, m4);
  const k2 = dot(m14, m3) / dot(cross(m2, m4), m3);
  const k3 = dot(m14, m2) / dot(cross(m3, m4), m2);
  return {
    n2: [k2 * m2[0] - m1[0], k2 * m2[1] - m1[1], k2 - 1],
    n3: [k3 * m3[0] - m1[0], k3 * m3[1] - m1[1], k3 - 1],
  };
}

/** Cosine of the angle between the page's two axes seen through a camera of focal length f: 0 for the true f. */
function axesCosine(quad: Quad, width: number, height: number, f: number): number {
  const { n2, n3 } = vanishing(quad, width, height);
  const a: Vec3 = [n2[0] / f, n2[1] / f, n2[2]];
  const b: Vec3 = [n3[0] / f, n3[1] / f, n3[2]];
  return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
}

/**
 * Zhang & He solve f in closed form from the page's right angle, but that is 0/0 when one pair of
 * opposite sides is parallel in the photo, and noisy when nearly so: a 20° tilt about one axis
 * with 0.5 px of corner noise swings f by ±10 % and the ratio by 3 %. So f is the maximum a
 * posteriori value: the right-angle residual, weighed by its spread under CORNER_NOISE (first-order
 * propagation), against a log-normal prior on phone focal lengths. A well-conditioned view gives
 * the closed form's answer; a degenerate one gives the prior, which is exact for an affine view.
 */
function focalLength(quad: Quad, width: number, height: number): { focal: number; solved: boolean } {
  const diagonal = Math.hypot(width, height);
  const prior = Math.log(PRIOR_FOCAL_PER_DIAGONAL * diagonal);
  // The right-angle residual in units of its standard deviation, squared.
  const evidence = (logF: number) => {
    const f = Math.exp(logF);
    const c = axesCosine(quad, width, height, f);
    let variance = 0;
    for (let i = 0; i < 4; i++) {
      for (let axis = 0; axis < 2; axis++) {
        const moved = (delta: number) => quad.map((p, j) => (j === i ? (axis === 0 ? [p[0] + delta, p[1]] : [p[0], p[1] + delta]) : p)) as Quad;
        const d = (axesCosine(moved(CORNER_NOISE), width, height, f) - axesCosine(moved(-CORNER_NOISE), width, height, f)) / 2;
        variance += d * d;
      }
    }
    return (c * c) / (variance + 1e-12);
  };
  const cost = (logF: number) => evidence(logF) + ((logF - prior) / PRIOR_LOG_SPREAD) ** 2;
  // Coarse grid then golden-section search: the cost is smooth but not convex far from the minimum.
  const lo = Math.log(FOCAL_RANGE[0] * diagonal);
  const hi = Math.log(FOCAL_RANGE[1] * diagonal);
  const steps = 48;
  let best = prior;
  let bestCost = cost(prior);
  for (let s = 0; s <= steps; s++) {
    const x = lo + ((hi - lo) * s) / steps;
    const c = cost(x);
    if (c < bestCost) [best, bestCost] = [x, c];
  }
  let a = best - (hi - lo) / steps;
  let b = best + (hi - lo) / steps;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 30; it++) {
    const x1 = b - g * (b - a);
    const x2 = a + g * (b - a);
    if (cost(x1) < cost(x2)) b = x2;
    else a = x1;
  }
  const logF = (a + b) / 2;
  // Solved: the corners alone rule out a focal length 10 % off (by more than one deviation).
  const solved = Math.min(evidence(logF - 0.1), evidence(logF + 0.1)) - evidence(logF) > 1;
  return { focal: Math.exp(logF), solved };
}

/** Mean of the opposite sides' lengths: the aspect ratio ignoring perspective. */
export function sideRatio(quad: Quad): number {
  const len = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);
  const [tl, tr, br, bl] = quad;
  return (len(tl, tr) + len(bl, br)) / (len(tl, bl) + len(tr, br));
}

export function snapToPaper(ratio: number): { aspect: number; paper: PaperSize | null } {
  const landscape = ratio > 1;
  const long = landscape ? ratio : 1 / ratio;
  let best: PaperSize | null = null;
  let bestError = SNAP_TOLERANCE;
  for (const size of PAPER_SIZES) {
    const error = Math.abs(long / (size.longMm / size.shortMm) - 1);
    if (error <= bestError) {
      best = size;
      bestError = error;
    }
  }
  if (!best) return { aspect: ratio, paper: null };
  const standard = best.longMm / best.shortMm;
  return { aspect: landscape ? standard : 1 / standard, paper: best };
}

/**
 * K⁻¹ n2 and K⁻¹ n3 are the page's axes in camera coordinates (up to scale); their cross
 * product is the page's normal, whose angle to the optical axis is the tilt.
 */
function tiltOf(n2: Vec3, n3: Vec3, focal: number): number {
  const a: Vec3 = [n2[0] / focal, n2[1] / focal, n2[2]];
  const b: Vec3 = [n3[0] / focal, n3[1] / focal, n3[2]];
  const n = cross(a, b);
  const len = Math.hypot(n[0], n[1], n[2]);
  if (!(len > 0)) return 0;
  return (Math.acos(Math.min(1, Math.abs(n[2]) / len)) * 180) / Math.PI;
}
