// A phone photo of the printed page lying on a desk: a pinhole camera looks at the page plane,
// tilted out of the image plane and turned in it, so the page appears as a perspective
// quadrilateral on the desk, under uneven light, slightly out of focus and noisy.
import { apply, jacobian, stretches, type Mat3, type Point } from '../affine.ts';
import type { RasterPage } from '../page.ts';
import type { Rng } from '../random.ts';
import { deskSurface } from './background.ts';
import type { Captured } from './index.ts';
import { blur, castAndNoise, hexRgb, light, multiply, rgbHex, type Lighting } from './pixels.ts';
import { warpOnto } from './warp.ts';

export interface PhotoShot {
  /** Photo size, px. */
  width: number;
  height: number;
  /** Out-of-plane tilt of the page, degrees (0–20), about an axis in the page plane... */
  tiltDeg: number;
  /** ...at this angle from the page's x axis (0: tilted about x, the top edge nearer or farther). */
  tiltAxisDeg: number;
  /** In-plane rotation of the page, degrees, clockwise. */
  rollDeg: number;
  /** Share of the photo's width or height (whichever binds) the page quadrilateral spans. */
  fill: number;
  /** Where the page sits in the room left around it, 0..1 across and down. */
  offset: [number, number];
  /** Focal length, px: about the photo's diagonal, a phone's standard lens. */
  focalPx: number;
  lighting: Lighting;
  blurSigma: number;
  noiseSigma: number;
  noiseSeed: number;
  quality: number;
  /** The print looks scanned-ish (off-white paper, soft) rather than fresh from the printer. */
  print: { paper: string; blurSigma: number } | null;
  /** Desk: a corpus photo (when allowed and present) or a synthetic texture, both from this seed. */
  desk: { seed: number; corpus: boolean };
}

export function samplePhotoShot(rng: Rng): PhotoShot {
  const long = rng.int(1600, 2400);
  const short = Math.round((long * 3) / 4);
  const portrait = rng.chance(0.7);
  const [width, height] = portrait ? [short, long] : [long, short];
  const paper = rgbHex([rng.int(244, 255), rng.int(240, 250), rng.int(230, 245)]);
  return {
    width,
    height,
    tiltDeg: rng.range(0, 20),
    tiltAxisDeg: rng.range(0, 360),
    rollDeg: rng.range(-10, 10),
    fill: rng.range(0.5, 0.85),
    offset: [rng.float(), rng.float()],
    focalPx: Math.hypot(width, height) * rng.range(0.9, 1.15),
    lighting: { low: rng.range(0.7, 0.85), directionDeg: rng.range(0, 360), hotspot: [rng.range(0.2, 0.8), rng.range(0.2, 0.8)], mix: rng.float() },
    blurSigma: rng.range(0.3, 1),
    noiseSigma: rng.range(1, 4),
    noiseSeed: rng.int(1, 2 ** 31 - 1),
    quality: rng.int(70, 92),
    print: rng.chance(0.4) ? { paper, blurSigma: rng.range(0.3, 0.7) } : null,
    desk: { seed: rng.int(0, 2 ** 31 - 1), corpus: rng.chance(0.5) },
  };
}

type Mat3x3 = [number[], number[], number[]];

/** Rotation by `deg` about the unit axis (ax, ay, 0) in the page plane (Rodrigues), then by `roll` about z. */
function pose(shot: PhotoShot): Mat3x3 {
  const t = (shot.tiltDeg * Math.PI) / 180;
  const phi = (shot.tiltAxisDeg * Math.PI) / 180;
  const [kx, ky] = [Math.cos(phi), Math.sin(phi)];
  const [c, s, v] = [Math.cos(t), Math.sin(t), 1 - Math.cos(t)];
  const tilt: Mat3x3 = [
    [c + kx * kx * v, kx * ky * v, ky * s],
    [kx * ky * v, c + ky * ky * v, -kx * s],
    [-ky * s, kx * s, c],
  ];
  const r = (shot.rollDeg * Math.PI) / 180;
  const roll: Mat3x3 = [
    [Math.cos(r), -Math.sin(r), 0],
    [Math.sin(r), Math.cos(r), 0],
    [0, 0, 1],
  ];
  return tilt.map((row) => [0, 1, 2].map((j) => row[0] * roll[0][j] + row[1] * roll[1][j] + row[2] * roll[2][j])) as Mat3x3;
}

/**
 * Page px → photo px. The page, its centre at t = (tx, ty, depth) before the camera, is posed by
 * R; a page point (x, y) is at X = R·(x − W/2, y − H/2, 0) + t and shows at
 * (f·X/Z + cx, f·Y/Z + cy), (cx, cy) the photo's centre as in a phone camera: the
 * plane-induced homography K·[r1 r2 t]·T(−W/2, −H/2).
 */
function homography(R: Mat3x3, f: number, [tx, ty, depth]: number[], cx: number, cy: number, pageW: number, pageH: number): Mat3 {
  const cols = [0, 1].map((j) => [R[0][j], R[1][j], R[2][j]]);
  const t = [tx, ty, depth];
  // [r1 r2 t'] with the page-centre shift folded into the last column.
  const m = [0, 1, 2].map((i) => [cols[0][i], cols[1][i], t[i] - (pageW / 2) * cols[0][i] - (pageH / 2) * cols[1][i]]);
  const k = [
    [f, 0, cx],
    [0, f, cy],
    [0, 0, 1],
  ];
  const h = k.flatMap((row) => [0, 1, 2].map((j) => row[0] * m[0][j] + row[1] * m[1][j] + row[2] * m[2][j]));
  return h.map((v) => v / h[8]) as Mat3;
}

/**
 * The shot's page → photo homography: the distance is found so the page quadrilateral spans
 * `fill` of the photo (a few fixed-point steps, size going as 1/distance), then the page is moved
 * sideways before the camera (not the principal point: a phone's stays at the photo's centre, and
 * rectification relies on it) so the quadrilateral sits at `offset` in the room left around it.
 */
export function photoHomography(shot: PhotoShot, pageW: number, pageH: number): Mat3 {
  const R = pose(shot);
  const corners: Point[] = [
    [0, 0],
    [pageW, 0],
    [pageW, pageH],
    [0, pageH],
  ];
  const extent = (H: Mat3) => {
    const p = corners.map((c) => apply(H, c));
    const xs = p.map((q) => q[0]);
    const ys = p.map((q) => q[1]);
    return { minX: Math.min(...xs), minY: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
  };
  const [cx, cy] = [shot.width / 2, shot.height / 2];
  const f = shot.focalPx;
  // Size goes as 1/distance: scaling all of t keeps the page's direction and scales its image.
  // Moving the page sideways by d shifts its image by about f·d/distance; alternating the two
  // settles both within a few steps despite the perspective.
  const t = [0, 0, (f * pageH) / (shot.fill * shot.height)];
  for (let i = 0; i < 12; i++) {
    let e = extent(homography(R, f, t, cx, cy, pageW, pageH));
    const k = Math.max(e.w / shot.width, e.h / shot.height) / shot.fill;
    for (let j = 0; j < 3; j++) t[j] *= k;
    e = extent(homography(R, f, t, cx, cy, pageW, pageH));
    t[0] += ((shot.offset[0] * (shot.width - e.w) - e.minX) * t[2]) / f;
    t[1] += ((shot.offset[1] * (shot.height - e.h) - e.minY) * t[2]) / f;
  }
  return homography(R, f, t, cx, cy, pageW, pageH);
}

/** Least and most photo px per page px anywhere on the page (the map's stretches at the corners and centre). */
export function scaleBounds(H: Mat3, pageW: number, pageH: number): [number, number] {
  const points: Point[] = [
    [0, 0],
    [pageW, 0],
    [pageW, pageH],
    [0, pageH],
    [pageW / 2, pageH / 2],
  ];
  const s = points.map((p) => stretches(jacobian(H, p)));
  return [Math.min(...s.map((x) => x[0])), Math.max(...s.map((x) => x[1]))];
}

/** Photographs a composed page; the page raster is consumed. */
export async function photographPage(page: RasterPage, shot: PhotoShot, photos: string[]): Promise<Captured> {
  let print = page;
  if (shot.print) {
    multiply(print, hexRgb(shot.print.paper));
    print = await blur(print, shot.print.blurSigma);
  }
  const fileFromPage = photoHomography(shot, page.width, page.height);
  // Bilinear sampling alone aliases text when the page shrinks; a Gaussian of the usual width
  // for a k× reduction, 0.5·√(k² − 1), comes first.
  const [a, b, c, d] = jacobian(fileFromPage, [page.width / 2, page.height / 2]);
  const k = 1 / Math.sqrt(Math.abs(a * d - b * c));
  if (k > 1.1) print = await blur(print, 0.5 * Math.sqrt(k * k - 1));
  const photo = await deskSurface(shot.desk, shot.width, shot.height, photos);
  warpOnto(photo, print, fileFromPage);
  light(photo, shot.lighting);
  const raster = await blur(photo, shot.blurSigma);
  castAndNoise(raster, [0, 0, 0], shot.noiseSigma, shot.noiseSeed);
  return { raster, fileFromPage };
}
