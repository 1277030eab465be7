// Puts a page raster onto another raster through a projective map, by inverse mapping: each
// output pixel centre is taken back onto the page and sampled bilinearly there. The page's own
// edge is ramped over one page pixel so that a tilted page has no stair-stepped border.
import { invert, type Mat3 } from '../affine.ts';
import type { RasterPage } from '../page.ts';

/**
 * Draws `page` over `dst` where `dstFromPage` puts it. Pixel (i, j) covers [i, i+1) × [j, j+1) in
 * both rasters, the convention of the ground truth, so a corner the map sends to (x, y) shows there.
 */
export function warpOnto(dst: RasterPage, page: RasterPage, dstFromPage: Mat3): void {
  const m = invert(dstFromPage);
  const { width: W, height: H, data: src } = page;
  const out = dst.data;
  for (let y = 0; y < dst.height; y++) {
    const Y = y + 0.5;
    // Numerators and denominator are affine in x along a row.
    let nx = m[0] * 0.5 + m[1] * Y + m[2];
    let ny = m[3] * 0.5 + m[4] * Y + m[5];
    let nw = m[6] * 0.5 + m[7] * Y + m[8];
    for (let x = 0, o = y * dst.width * 3; x < dst.width; x++, o += 3, nx += m[0], ny += m[3], nw += m[6]) {
      const u = nx / nw;
      const v = ny / nw;
      // Coverage: 1 well inside the page, 0 half a pixel beyond its edge.
      const cover = Math.min(u, v, W - u, H - v) + 0.5;
      if (cover <= 0) continue;
      const fu = Math.min(Math.max(u - 0.5, 0), W - 1);
      const fv = Math.min(Math.max(v - 0.5, 0), H - 1);
      const u0 = Math.min(Math.floor(fu), W - 2);
      const v0 = Math.min(Math.floor(fv), H - 2);
      const du = fu - u0;
      const dv = fv - v0;
      const i00 = (v0 * W + u0) * 3;
      const i10 = i00 + 3;
      const i01 = i00 + W * 3;
      const i11 = i01 + 3;
      const k = cover >= 1 ? 1 : cover;
      for (let c = 0; c < 3; c++) {
        const top = src[i00 + c] + (src[i10 + c] - src[i00 + c]) * du;
        const bottom = src[i01 + c] + (src[i11 + c] - src[i01 + c]) * du;
        const value = top + (bottom - top) * dv;
        out[o + c] = Math.round(out[o + c] + (value - out[o + c]) * k);
      }
    }
  }
}
