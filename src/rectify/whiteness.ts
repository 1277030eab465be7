// "Whiteness" is the smallest of R, G and B: high only where a pixel is both bright and grey, as
// paper is under any light that is not strongly coloured. It keeps a brown desk, a saturated
// print and a shadow all low, where luma would put a beige desk next to shaded paper.
import { interpolate } from '../image/sample.ts';
import type { Page } from '../types.ts';

/** A single-channel raster, and how many photo pixels one of its pixels stands for. */
export interface Plane {
  width: number;
  height: number;
  data: Uint8Array;
  /** Photo pixels per plane pixel along each axis (an integer ≥ 1). */
  step: number;
}

/**
 * Whiteness averaged over step × step blocks, step chosen so the long side is at most maxSide:
 * block means, not point samples, so text and halftones do not alias into the page's outline.
 */
export function whitenessPlane(page: Page, maxSide = 600): Plane {
  const { width, height, rgba } = page;
  const step = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  const w = Math.floor(width / step);
  const h = Math.floor(height / step);
  const sums = new Uint32Array(w);
  const data = new Uint8Array(w * h);
  const area = step * step;
  for (let by = 0; by < h; by++) {
    sums.fill(0);
    for (let y = by * step; y < (by + 1) * step; y++) {
      let k = y * width * 4;
      for (let bx = 0; bx < w; bx++) {
        let s = 0;
        for (let x = 0; x < step; x++, k += 4) {
          const r = rgba[k];
          const g = rgba[k + 1];
          const b = rgba[k + 2];
          s += r < g ? (r < b ? r : b) : g < b ? g : b;
        }
        sums[bx] += s;
      }
    }
    for (let bx = 0; bx < w; bx++) data[by * w + bx] = Math.round(sums[bx] / area);
  }
  return { width: w, height: h, data, step };
}

/** Whiteness of one photo pixel. */
export function whitenessAt(rgba: Uint8Array, width: number, x: number, y: number): number {
  const k = (y * width + x) * 4;
  return Math.min(rgba[k], rgba[k + 1], rgba[k + 2]);
}

/**
 * Bilinear whiteness at a continuous photo position (pixel centres at i + 0.5), clamped at the
 * borders. Used along the page's edges, where sub-pixel positions matter.
 */
export function sampleWhiteness(page: Page, x: number, y: number): number {
  const { width, height, rgba } = page;
  return interpolate(width, height, x, y, (i) => Math.min(rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]));
}

/** The q-quantile (0..1) of a histogram of 8-bit values. */
export function quantile(histogram: ArrayLike<number>, q: number): number {
  let total = 0;
  for (let i = 0; i < histogram.length; i++) total += histogram[i];
  const target = q * total;
  let acc = 0;
  for (let i = 0; i < histogram.length; i++) {
    acc += histogram[i];
    if (acc >= target) return i;
  }
  return histogram.length - 1;
}
