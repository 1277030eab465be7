// Resamples the photo into the flat page.
import type { Homography, Page } from '../types.ts';
import { multiply } from '../image/homography.ts';
import { getCv, MatScope } from '../image/opencv.ts';

/**
 * The page of width × height pixels whose pixel (x, y) shows the photo at fileFromPage(x, y).
 * Bilinear: the rectified page keeps about the photo's resolution, so interpolation only
 * redistributes pixels; bicubic's overshoot at ink edges would ring around a logo's outline.
 */
export function warpPage(photo: Page, fileFromPage: Homography, width: number, height: number): Uint8Array {
  const cv = getCv();
  // OpenCV puts pixel centres on integers; Homography uses continuous coordinates (centres at
  // i + ½): shift in, map, shift out.
  const toIndex = [1, 0, -0.5, 0, 1, -0.5, 0, 0, 1];
  const fromIndex = [1, 0, 0.5, 0, 1, 0.5, 0, 0, 1];
  const m = multiply(toIndex, multiply(fileFromPage, fromIndex));
  const mats = new MatScope();
  try {
    const src = mats.track(new cv.Mat(photo.height, photo.width, cv.CV_8UC4));
    src.data.set(photo.rgba);
    const dst = mats.track(new cv.Mat());
    const matrix = mats.track(cv.matFromArray(3, 3, cv.CV_64F, m));
    cv.warpPerspective(src, dst, matrix, new cv.Size(width, height), cv.INTER_LINEAR | cv.WARP_INVERSE_MAP, cv.BORDER_REPLICATE);
    return new Uint8Array(dst.data);
  } finally {
    mats.release();
  }
}
