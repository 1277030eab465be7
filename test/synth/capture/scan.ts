// A printed page scanned back: printed on off-white paper, laid slightly askew on the glass, seen
// through the scanner's optics (blur) and sensor (a colour cast and noise).
import { chain, rotate, translate, type Mat3 } from '../affine.ts';
import type { RasterPage } from '../page.ts';
import type { Rng } from '../random.ts';
import type { Captured } from './index.ts';
import { blur, castAndNoise, hexRgb, multiply, rgbHex, solid, type Rgb } from './pixels.ts';
import { warpOnto } from './warp.ts';

/** One sheet through the scanner. */
export interface ScanSheet {
  /** Whole-page rotation about the page centre, degrees, clockwise. */
  skewDeg: number;
  blurSigma: number;
  /** Sensor noise, levels per channel. */
  noiseSigma: number;
  /** Paper the page is printed on; the glass around a skewed sheet shows the same white. */
  paper: string;
  /** Scanner colour cast, levels added per channel. */
  cast: Rgb;
  noiseSeed: number;
}

export function sampleScanSheet(rng: Rng): ScanSheet {
  // Warm off-whites like #F7F3EA: red highest, blue lowest.
  const r = rng.int(243, 252);
  const g = r - rng.int(1, 5);
  const b = g - rng.int(3, 10);
  return {
    skewDeg: rng.range(-1, 1),
    blurSigma: rng.range(0.4, 1.2),
    noiseSigma: rng.range(2, 6),
    paper: rgbHex([r, g, b]),
    cast: [rng.int(-5, 5), rng.int(-5, 5), rng.int(-5, 5)],
    noiseSeed: rng.int(1, 2 ** 31 - 1),
  };
}

/** Page px → scan px: the skew about the page centre, on a raster of the page's size. */
export const scanTransform = (sheet: ScanSheet, width: number, height: number): Mat3 =>
  chain(translate(-width / 2, -height / 2), rotate(sheet.skewDeg), translate(width / 2, height / 2));

/** Scans a composed page; the page raster is consumed (tinted in place). */
export async function scanPage(page: RasterPage, sheet: ScanSheet): Promise<Captured> {
  const paper = hexRgb(sheet.paper);
  multiply(page, paper);
  const fileFromPage = scanTransform(sheet, page.width, page.height);
  const glass = solid(page.width, page.height, paper);
  warpOnto(glass, page, fileFromPage);
  const raster = await blur(glass, sheet.blurSigma);
  castAndNoise(raster, sheet.cast, sheet.noiseSigma, sheet.noiseSeed);
  return { raster, fileFromPage };
}
