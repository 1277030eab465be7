// A page exported for a web site: downscaled to a screen resolution, then stored lossily.
import { scale } from '../affine.ts';
import type { RasterPage } from '../page.ts';
import type { Rng } from '../random.ts';
import type { FileKind } from '../violations.ts';
import type { Captured } from './index.ts';
import { resize } from './pixels.ts';

export interface WebExport {
  /** Resolution the A4 page is exported at: the file is 1240 × dpi / 150 px wide. */
  dpi: number;
  /** JPEG or WebP quality; GIF has none (256-colour palette). */
  quality?: number;
}

export function sampleWebExport(rng: Rng, kind: FileKind): WebExport {
  const dpi = rng.int(90, 130);
  if (kind === 'jpeg') return { dpi, quality: rng.int(40, 60) };
  if (kind === 'webp') return { dpi, quality: rng.int(60, 85) };
  return { dpi };
}

/** Pixel size of the export of a page drawn at `pageDpi`. */
export const webSize = (exp: WebExport, width: number, height: number, pageDpi: number): [number, number] => [
  Math.round((width * exp.dpi) / pageDpi),
  Math.round((height * exp.dpi) / pageDpi),
];

export async function exportForWeb(page: RasterPage, exp: WebExport, pageDpi: number): Promise<Captured> {
  const [w, h] = webSize(exp, page.width, page.height, pageDpi);
  // Each axis keeps its own ratio: rounding to whole pixels differs by up to half a pixel.
  return { raster: await resize(page, w, h), fileFromPage: scale(w / page.width, h / page.height) };
}
