// Capture conditions: how the page a user receives was made. A file is in one condition; each
// changes either where and how big the logos are drawn (small, cut) or what becomes of the whole
// page raster (scan, web, photo), and states the map from page px to the stored file's px so the
// ground truth lands where the logo shows.
import { identity, type Mat3 } from '../affine.ts';
import type { RasterPage } from '../page.ts';
import type { Rng } from '../random.ts';
import type { FileKind, View } from '../violations.ts';
import { judgedDpi } from '../expect.ts';
import { photographPage, photoHomography, samplePhotoShot, scaleBounds, type PhotoShot } from './photo.ts';
import { sampleScanSheet, scanPage, type ScanSheet } from './scan.ts';
import { exportForWeb, sampleWebExport, webSize, type WebExport } from './web.ts';

export const CONDITIONS = ['clean', 'scan', 'web', 'small', 'cut', 'photo'] as const;
export type Condition = (typeof CONDITIONS)[number];

export const CONDITION_DESCRIPTIONS: Record<Condition, string> = {
  clean: 'straight from design software',
  scan: 'printed and scanned: skew ±1°, blur σ 0.4–1.2, noise σ 2–6, paper tint, colour cast ±5; JPEG q40–90, PNG or image-only PDF',
  web: 'exported for the web at 90–130 dpi: JPEG q40–60, GIF (256 colours) or WebP q60–85; logos often on light panels',
  small: 'logos 100–150 px wide at 150 dpi, page otherwise clean',
  cut: 'the logo cut by the page edge, 10–60 % of its area outside, the @ and arrow wholly off in some',
  photo: 'phone photo of the print on a desk: perspective (tilt ≤ 20°, turn ≤ 10°), uneven light, blur, noise; JPEG q70–92',
};

/** File kinds each condition is stored as. */
export const CONDITION_KINDS: Record<Condition, readonly FileKind[]> = {
  clean: ['png', 'jpeg', 'pdf'],
  scan: ['jpeg', 'png', 'pdf'],
  web: ['jpeg', 'gif', 'webp'],
  small: ['jpeg', 'png', 'pdf'],
  cut: ['jpeg', 'png', 'pdf'],
  photo: ['jpeg'],
};

/** Conditions that change the whole page, the ones a logo-free file can show. */
export const PAGE_CONDITIONS: readonly Condition[] = ['clean', 'scan', 'web', 'photo'];

/** A condition and the parameters drawn for it; JSON, recorded in the manifest. */
export type Capture =
  | { condition: 'clean' | 'small' | 'cut' }
  | { condition: 'scan'; sheets: ScanSheet[]; quality?: number }
  | { condition: 'web'; export: WebExport }
  | { condition: 'photo'; shot: PhotoShot };

export interface Captured {
  raster: RasterPage;
  /** Page px → stored file px. */
  fileFromPage: Mat3;
}

/** Draws a condition's parameters for a file of `pages` pages stored as `kind`. */
export function planCapture(condition: Condition, kind: FileKind, rng: Rng, pages: number): Capture {
  switch (condition) {
    case 'scan':
      // Each sheet goes through the scanner on its own; the file's JPEG quality is one setting.
      return {
        condition,
        sheets: Array.from({ length: pages }, (_, i) => sampleScanSheet(rng.fork(`sheet${i + 1}`))),
        ...(kind === 'png' ? {} : { quality: rng.int(40, 90) }),
      };
    case 'web':
      return { condition, export: sampleWebExport(rng, kind) };
    case 'photo':
      return { condition, shot: samplePhotoShot(rng) };
    default:
      return { condition };
  }
}

/**
 * The resolution the file records: 150 dpi for pages and scans as drawn, none for web exports and
 * phone photos (a JPEG then carries libvips' 72 dpi placeholder). Undefined for PDFs, which the
 * checker renders at its own dpi.
 */
export function statedDpi(capture: Capture, kind: FileKind, pageDpi: number): number | undefined {
  if (kind === 'pdf' || capture.condition === 'web' || capture.condition === 'photo') return undefined;
  return pageDpi;
}

/** How the stored file shows the page: scale bounds and the dpi sizes are judged at. */
export function captureView(capture: Capture, kind: FileKind, page: { width: number; height: number; dpi: number }): View {
  const dpi = kind === 'pdf' ? page.dpi : judgedDpi(statedDpi(capture, kind, page.dpi));
  if (capture.condition === 'web') {
    const [w, h] = webSize(capture.export, page.width, page.height, page.dpi);
    const s = [w / page.width, h / page.height];
    return { minScale: Math.min(...s), maxScale: Math.max(...s), dpi };
  }
  if (capture.condition === 'photo') {
    const [minScale, maxScale] = scaleBounds(photoHomography(capture.shot, page.width, page.height), page.width, page.height);
    return { minScale, maxScale, dpi };
  }
  // A skew only turns the page.
  return { minScale: 1, maxScale: 1, dpi };
}

/** Page `index` (1-based) of a file as the condition stores it; the page raster may be consumed. */
export async function capturePage(page: RasterPage, capture: Capture, index: number, pageDpi: number, photos: string[]): Promise<Captured> {
  switch (capture.condition) {
    case 'scan':
      return scanPage(page, capture.sheets[index - 1]);
    case 'web':
      return exportForWeb(page, capture.export, pageDpi);
    case 'photo':
      return photographPage(page, capture.shot, photos);
    default:
      return { raster: page, fileFromPage: identity() };
  }
}
