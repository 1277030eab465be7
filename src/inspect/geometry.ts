// What the registration says about the logo's shape: the affine part of page-from-artwork,
// decomposed as A = R(θ) · [[sx, k], [0, sy]] (· a horizontal flip when mirrored), i.e. a QR
// decomposition: rotation θ, scales sx and sy along the logo's own axes, shear k.
import type { GeometryMeasurement } from '../types.ts';

/**
 * Registration places the logo's outlines to about this many page pixels (Lucas–Kanade on
 * resampled, anti-aliased edges); over the logo's width that bounds how well its angles and
 * proportions are known. Measured: compliant logos 100–520 px wide register with |aspect − 1|
 * under 1.2 px / width and rotation under 1.2 px / width radians.
 */
const REGISTRATION_PX = 1.2;

export function decompose(pageFromArtwork: ArrayLike<number>, artwork: { width: number; height: number }, dpi?: number): GeometryMeasurement {
  let [a, b, , c, d] = Array.from(pageFromArtwork);
  const mirrored = a * d - b * c < 0;
  // A mirrored logo is judged as the flipped logo, rotated: flip x first, then decompose.
  if (mirrored) [a, c] = [-a, -c];
  const sx = Math.hypot(a, c);
  const theta = Math.atan2(c, a);
  const k = (a * b + c * d) / sx;
  const sy = (a * d - b * c) / sx;
  const widthPx = sx * artwork.width;
  const heightPx = Math.hypot(b, d) * artwork.height;
  const round = (v: number, p = 1000) => Math.round(v * p) / p;
  let rotation = (theta * 180) / Math.PI;
  if (rotation <= -180) rotation += 360;
  return {
    widthPx: round(widthPx, 10),
    heightPx: round(heightPx, 10),
    widthMm: dpi ? round((widthPx / dpi) * 25.4, 10) : undefined,
    aspectRatio: round(sx / sy),
    skewDeg: round((Math.atan2(k, sy) * 180) / Math.PI, 100),
    rotationDeg: round(rotation, 100),
    mirrored,
    perspective: round(Math.hypot(pageFromArtwork[6], pageFromArtwork[7]) * artwork.width, 10000),
    precision: registrationPrecision(widthPx),
  };
}

/** One standard deviation of aspect, skew and rotation for a logo this many page pixels wide. */
export function registrationPrecision(widthPx: number): GeometryMeasurement['precision'] {
  const radians = REGISTRATION_PX / Math.max(1, widthPx);
  const deg = (radians * 180) / Math.PI;
  return { aspect: Math.round(radians * 10000) / 10000, skewDeg: Math.round(deg * 100) / 100, rotationDeg: Math.round(deg * 100) / 100 };
}
