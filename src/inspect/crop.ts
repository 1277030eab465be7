// The logo's pixels brought into the reference frame, and which part of it lies on the page: what
// a logo cut by the page edge (a deletion) is judged on.
import type { ReferenceModel } from '../charter/reference.ts';
import { project } from '../image/homography.ts';
import { sampleGridRgb } from '../image/sample.ts';
import type { Page } from '../types.ts';

export interface RegisteredLogo {
  /** The page resampled on the reference raster, RGBA (alpha 0 off the page). */
  registered: Uint8Array;
  /** 1 where the reference pixel falls on the page. */
  onPage: Uint8Array;
  /** Luma of the resampled page; NaN off the page. */
  luma: Float32Array;
  /** Share of the reference raster that falls on the page. */
  visibleFraction: number;
}

export function registerLogo(page: Page, pageFromRef: number[], ref: ReferenceModel): RegisteredLogo {
  const [R, G, B, L] = sampleGridRgb(page.rgba, page.width, page.height, pageFromRef, ref.width, ref.height, 1);
  const n = ref.width * ref.height;
  const registered = new Uint8Array(n * 4);
  const onPage = new Uint8Array(n);
  let visible = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(L[i])) continue;
    onPage[i] = 1;
    visible++;
    registered[i * 4] = R[i];
    registered[i * 4 + 1] = G[i];
    registered[i * 4 + 2] = B[i];
    registered[i * 4 + 3] = 255;
  }
  return { registered, onPage, luma: L, visibleFraction: visible / n };
}

/** The page edges the logo's rectangle crosses. */
export function croppedEdges(pageFromRef: number[], ref: ReferenceModel, page: Page): Array<'left' | 'top' | 'right' | 'bottom'> {
  const quad = [
    [0, 0],
    [ref.width, 0],
    [ref.width, ref.height],
    [0, ref.height],
  ].map(([x, y]) => project(pageFromRef, x - 0.5, y - 0.5));
  const edges: Array<'left' | 'top' | 'right' | 'bottom'> = [];
  if (Math.min(...quad.map((p) => p[0])) < 0) edges.push('left');
  if (Math.min(...quad.map((p) => p[1])) < 0) edges.push('top');
  if (Math.max(...quad.map((p) => p[0])) > page.width) edges.push('right');
  if (Math.max(...quad.map((p) => p[1])) > page.height) edges.push('bottom');
  return edges;
}
