import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cannyInStrips, hysteresis } from './canny.ts';
import { getCv, MatScope, type Mat } from './opencv.ts';

const SAMPLES = join(import.meta.dirname, '../../samples');

/** The image's Canny edges in one call (`stripPixels` large) or in strips. */
function edgesOf(grey: Uint8Array, W: number, H: number, stripPixels: number): Uint8Array {
  const cv = getCv();
  const mats = new MatScope();
  try {
    const src = mats.track(new cv.Mat(H, W, cv.CV_8UC1));
    src.data.set(grey);
    const dst = mats.track(new cv.Mat(H, W, cv.CV_8UC1));
    cannyInStrips(src, dst, 40, 100, stripPixels);
    return Uint8Array.from(dst.data as Uint8Array);
  } finally {
    mats.release();
  }
}

/**
 * 160 × 120: a faint ramp crossed by a curve whose contrast falls from strong (top) to weak
 * (bottom), so that its weak part is an edge only through its strong part rows away; a dark
 * disc; a few lines; seeded noise.
 */
function testImage(): { grey: Uint8Array; W: number; H: number } {
  const W = 160;
  const H = 120;
  const grey = new Uint8Array(W * H);
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 9) - 4;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let v = 128 + x / 4;
      // Left of the curve x = 40 + 20·sin(y/15), raised by a step that fades from 90 to 12 levels.
      if (x < 40 + 20 * Math.sin(y / 15)) v += 90 - (78 * y) / H;
      if ((x - 115) ** 2 + (y - 70) ** 2 < 18 ** 2) v = 30;
      if (y % 37 === 5 && x > 80) v = 250;
      grey[y * W + x] = Math.max(0, Math.min(255, Math.round(v + noise())));
    }
  }
  return { grey, W, H };
}

describe('cannyInStrips', () => {
  it('gives OpenCV’s edges exactly, in strips of 7 to 40 rows, whose joins the hysteresis crosses', () => {
    const { grey, W, H } = testImage();
    const whole = edgesOf(grey, W, H, W * H);
    expect(whole.filter((v) => v === 255).length).toBeGreaterThan(300);
    for (const rows of [7, 13, 40]) expect(edgesOf(grey, W, H, W * rows)).toEqual(whole);
    // The image needs the join: Canny run on each strip alone loses the weak end of the curve.
    const cv = getCv();
    const mats = new MatScope();
    const src = mats.track(new cv.Mat(H, W, cv.CV_8UC1));
    src.data.set(grey);
    const alone = new Uint8Array(W * H);
    for (let y0 = 0; y0 < H; y0 += 13) {
      const strip: Mat = mats.track(src.roi(new cv.Rect(0, y0, W, Math.min(13, H - y0))));
      const e = mats.track(new cv.Mat());
      cv.Canny(strip, e, 40, 100, 3, true);
      alone.set(e.data as Uint8Array, y0 * W);
    }
    mats.release();
    expect(alone).not.toEqual(whole);
  });

  it('gives OpenCV’s edges exactly on a real page (samples/flyer-conforme.png), in strips of 50 rows', async () => {
    const { data, info } = await sharp(join(SAMPLES, 'flyer-conforme.png')).greyscale().raw().toBuffer({ resolveWithObject: true });
    const grey = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const whole = edgesOf(grey, info.width, info.height, info.width * info.height);
    // Counted rather than compared element by element: a diff of 2 million bytes takes seconds.
    const strips = edgesOf(grey, info.width, info.height, info.width * 50);
    expect(whole.filter((v, i) => v !== strips[i]).length).toBe(0);
    expect(whole.filter((v) => v === 255).length).toBeGreaterThan(10_000);
  });
});

describe('hysteresis', () => {
  it('keeps strong pixels and the weak ones 8-connected to them, diagonals included', () => {
    // 5×3; 2 = strong, 1 = weak: the chain from the strong pixel runs diagonally; the weak pixel
    // at the far right touches nothing strong.
    // prettier-ignore
    const map = Uint8Array.from([
      2, 0, 0, 0, 1,
      0, 1, 0, 0, 0,
      0, 0, 1, 0, 0,
    ]);
    hysteresis(map, 5, 3);
    // prettier-ignore
    expect([...map]).toEqual([
      255, 0, 0, 0, 0,
      0, 255, 0, 0, 0,
      0, 0, 255, 0, 0,
    ]);
  });
});
