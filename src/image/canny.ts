// Canny edges of a large image in bounded memory. OpenCV's Canny, built without threads as in
// opencv-wasm, computes both Sobel derivatives of the whole image at once (16 bits each) beside
// its own map: on a 40-megapixel photo that is 200 MB of WebAssembly heap, which never shrinks.
import { getCv, MatScope, type Mat } from './opencv.ts';

/**
 * Images up to this many pixels are one plain call (A4 at 300 dpi is 8.7 Mpx): the 5 bytes a pixel
 * it allocates are no concern there, and strips cost twice the work.
 */
export const ONE_CALL_PIXELS = 10_000_000;
/** Pixels of one strip of a larger image: about 14 MB allocated at a time. */
export const STRIP_PIXELS = 2_000_000;
/**
 * Rows of context above and below a strip: a pixel's gradient reads the rows next to it, and
 * non-maximum suppression the gradients of the rows next to those.
 */
const CONTEXT_ROWS = 2;

/** `cv.Canny(src, dst, low, high, 3, true)`, in strips (cannyInStrips) on images over ONE_CALL_PIXELS. */
export function canny(src: Mat, dst: Mat, low: number, high: number): void {
  if (src.rows * src.cols > ONE_CALL_PIXELS) cannyInStrips(src, dst, low, high, STRIP_PIXELS);
  else getCv().Canny(src, dst, low, high, 3, true);
}

/**
 * The same edges as `cv.Canny(src, dst, low, high, 3, true)` (8-bit, one channel), computed in
 * horizontal strips of at most `stripPixels`. Canny keeps the local gradient maxima above `low`
 * that are 8-connected through such maxima to one above `high`; run on a strip with both
 * thresholds equal, it gives exactly the maxima above that threshold, so each strip gives its
 * candidates and its strong pixels and the connection is made here over the whole image.
 */
export function cannyInStrips(src: Mat, dst: Mat, low: number, high: number, stripPixels: number): void {
  const cv = getCv();
  const { rows: H, cols: W } = src;
  const stripRows = Math.max(1, Math.floor(stripPixels / W));
  if (H <= stripRows) {
    cv.Canny(src, dst, low, high, 3, true);
    return;
  }
  dst.create(H, W, cv.CV_8UC1);
  for (let y0 = 0; y0 < H; y0 += stripRows) {
    const y1 = Math.min(H, y0 + stripRows);
    const top = Math.max(0, y0 - CONTEXT_ROWS);
    const bottom = Math.min(H, y1 + CONTEXT_ROWS);
    const mats = new MatScope();
    try {
      const strip = mats.track(src.roi(new cv.Rect(0, top, W, bottom - top)));
      const weak = mats.track(new cv.Mat());
      const strong = mats.track(new cv.Mat());
      cv.Canny(strip, weak, low, low, 3, true);
      cv.Canny(strip, strong, high, high, 3, true);
      // Views taken after the calls: the heap may have grown during them.
      const map = dst.data as Uint8Array;
      const w = weak.data as Uint8Array;
      const s = strong.data as Uint8Array;
      for (let i = (y0 - top) * W, j = y0 * W, end = y1 * W; j < end; i++, j++) map[j] = s[i] ? STRONG : w[i] ? WEAK : 0;
    } finally {
      mats.release();
    }
  }
  hysteresis(dst.data as Uint8Array, W, H);
}

const WEAK = 1;
const STRONG = 2;

/**
 * Turns a map of WEAK and STRONG pixels into Canny's edges (255): the STRONG ones and the WEAK ones
 * 8-connected to them through WEAK ones; the rest 0.
 */
export function hysteresis(map: Uint8Array, W: number, H: number): void {
  const stack: number[] = [];
  for (let start = 0; start < map.length; start++) {
    if (map[start] !== STRONG) continue;
    map[start] = 255;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % W;
      const y = (i - x) / W;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= H) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= W) continue;
          const j = yy * W + xx;
          if (map[j] === WEAK || map[j] === STRONG) {
            map[j] = 255;
            stack.push(j);
          }
        }
      }
    }
  }
  for (let i = 0; i < map.length; i++) if (map[i] !== 255) map[i] = 0;
}
