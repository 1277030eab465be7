// Resampling a page through a transform: bilinear interpolation at one point, and over a grid laid
// on the reference raster (what detection scores and inspection measures on).
import type { Matrix } from './homography.ts';
import type { Gray } from './raster.ts';

/**
 * Samples gray at the page positions of a w×h grid laid over the reference raster with `step`
 * reference pixels between samples; points off the page are NaN.
 */
export function sampleGrid(gray: Gray, pageFromRef: Matrix, w: number, h: number, step: number): Float32Array {
  const out = new Float32Array(w * h);
  const [a, b, c, d, e, f] = pageFromRef;
  for (let j = 0; j < h; j++) {
    const ry = (j + 0.5) * step - 0.5;
    for (let i = 0; i < w; i++) {
      const rx = (i + 0.5) * step - 0.5;
      out[j * w + i] = bilinear(gray.data, gray.width, gray.height, a * rx + b * ry + c, d * rx + e * ry + f);
    }
  }
  return out;
}

/** Like sampleGrid, for the three colour channels and luma of an RGBA page. */
export function sampleGridRgb(rgba: Uint8Array, width: number, height: number, pageFromRef: Matrix, w: number, h: number, step: number): Float32Array[] {
  const out = [0, 1, 2, 3].map(() => new Float32Array(w * h));
  const [a, b, c, d, e, f] = pageFromRef;
  for (let j = 0; j < h; j++) {
    const ry = (j + 0.5) * step - 0.5;
    for (let i = 0; i < w; i++) {
      const rx = (i + 0.5) * step - 0.5;
      const x = a * rx + b * ry + c;
      const y = d * rx + e * ry + f;
      const k = j * w + i;
      if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
        for (const ch of out) ch[k] = NaN;
        continue;
      }
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const x1 = Math.min(x0 + 1, width - 1);
      const y1 = Math.min(y0 + 1, height - 1);
      const fx = x - x0;
      const fy = y - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      const p00 = (y0 * width + x0) * 4;
      const p10 = (y0 * width + x1) * 4;
      const p01 = (y1 * width + x0) * 4;
      const p11 = (y1 * width + x1) * 4;
      for (let ch = 0; ch < 3; ch++) out[ch][k] = rgba[p00 + ch] * w00 + rgba[p10 + ch] * w10 + rgba[p01 + ch] * w01 + rgba[p11 + ch] * w11;
      out[3][k] = 0.299 * out[0][k] + 0.587 * out[1][k] + 0.114 * out[2][k];
    }
  }
  return out;
}

export function bilinear(data: Uint8Array, width: number, height: number, x: number, y: number): number {
  if (x < 0 || y < 0 || x > width - 1 || y > height - 1) return NaN;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = x - x0;
  const fy = y - y0;
  const top = data[y0 * width + x0] * (1 - fx) + data[y0 * width + x1] * fx;
  const bottom = data[y1 * width + x0] * (1 - fx) + data[y1 * width + x1] * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * Bilinear interpolation of a per-pixel value at a continuous position, where pixel (i, j) covers
 * [i, i+1) × [j, j+1) and so has its centre at (i + ½, j + ½); positions past the outer pixel
 * centres take the edge pixels' values. `valueAt` reads the value of the pixel with that index.
 */
export function interpolate(width: number, height: number, x: number, y: number, valueAt: (index: number) => number): number {
  const fx = Math.min(Math.max(x - 0.5, 0), width - 1);
  const fy = Math.min(Math.max(y - 0.5, 0), height - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const top = valueAt(y0 * width + x0) * (1 - ax) + valueAt(y0 * width + x1) * ax;
  const bottom = valueAt(y1 * width + x0) * (1 - ax) + valueAt(y1 * width + x1) * ax;
  return top * (1 - ay) + bottom * ay;
}

/** R, G and B of an RGBA raster at a continuous position (see interpolate). */
export function interpolateRgb(rgba: ArrayLike<number>, width: number, height: number, x: number, y: number): [number, number, number] {
  return [0, 1, 2].map((c) => interpolate(width, height, x, y, (i) => rgba[i * 4 + c])) as [number, number, number];
}
