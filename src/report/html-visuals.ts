// The pictures of the HTML report, drawn from the files before formatting so the formatter stays a
// pure function of the report: page thumbnails, each logo resampled upright on the artwork's grid
// (through the homography the report carries), the approved artwork, and a difference overlay.
// Pages are decoded again here; the checker keeps no raster, and a batch's memory stays flat.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { artworkPath } from '../charter/load.ts';
import { medianColour } from '../image/colour.ts';
import { multiply } from '../image/homography.ts';
import { sampleGridRgb } from '../image/sample.ts';
import { openDocument } from '../ingest/index.ts';
import { rectifyPage } from '../rectify/index.ts';
import type { Charter, FileResult, LogoResult, Page, Report } from '../types.ts';
import { logoKey } from './format.ts';
import { differenceMap, differenceShares, paintDifference } from './html-difference.ts';

/** An image inlined as a data: URI, and its size in pixels. */
export interface InlineImage {
  uri: string;
  width: number;
  height: number;
}

export interface LogoVisual {
  /** The logo as found, resampled upright on the approved artwork's grid. */
  upright: InlineImage;
  /** The approved artwork faded, with what was added, removed or changed in colour. */
  difference: InlineImage;
  /** Share of the logo's visible pixels of each kind of difference. */
  shares: { added: number; removed: number; changed: number };
  /** Badge variant whose artwork it was compared with. */
  variant: string;
}

export interface FileVisuals {
  /** By page number. */
  thumbnails: Record<number, InlineImage>;
  /** By `logoKey(page, index)`. */
  logos: Record<string, LogoVisual>;
}

export interface ReportVisuals {
  /** By file path, as the report names it. */
  files: Record<string, FileVisuals>;
  /** Approved artwork by badge variant id, as an SVG data: URI. */
  artwork: Record<string, string>;
}

export { logoKey };

export interface VisualOptions {
  charter: Charter;
  /** The resolution the checker rendered PDF pages at: boxes are in those pixels. */
  dpi?: number;
  /** Longest side of a page thumbnail in pixels: 640 keeps a logo a sixth of an A4 page wide legible. */
  thumbnailSize?: number;
  /** Width of the upright logo and its difference picture. */
  logoWidth?: number;
  /** Told after each file, for a progress bar: drawing takes about a third of a second a file. */
  onFile?: (done: number, total: number) => void;
}

/** The badge variant a logo is compared with: the one it shows, else the one declared, else the closest. */
export function comparedVariant(logo: LogoResult, charter: Charter, category?: string): string {
  return logo.badge ?? category ?? logo.measurement.badge.closest ?? charter.badges[0].id;
}

const dataUri = (mime: string, bytes: Buffer): string => `data:${mime};base64,${bytes.toString('base64')}`;

async function encodeWebp(rgba: Uint8Array, width: number, height: number, lossless: boolean): Promise<InlineImage> {
  const bytes = await sharp(rgba, { raw: { width, height, channels: 4 } })
    .webp(lossless ? { lossless: true } : { quality: 72 })
    .toBuffer();
  return { uri: dataUri('image/webp', bytes), width, height };
}

async function thumbnail(page: Page, size: number): Promise<InlineImage> {
  const scale = Math.min(1, size / Math.max(page.width, page.height));
  const width = Math.max(1, Math.round(page.width * scale));
  const height = Math.max(1, Math.round(page.height * scale));
  const bytes = await sharp(page.rgba, { raw: { width: page.width, height: page.height, channels: 4 } })
    .resize(width, height, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .webp({ quality: 60 })
    .toBuffer();
  return { uri: dataUri('image/webp', bytes), width, height };
}

interface ArtworkRaster {
  svg: Buffer;
  rgba: Uint8Array;
}

/** Renders each variant's artwork once per report, on a transparent ground. */
function artworkCache(charter: Charter, width: number, height: number) {
  const cache = new Map<string, Promise<ArtworkRaster>>();
  return (variant: string): Promise<ArtworkRaster> => {
    let entry = cache.get(variant);
    if (!entry) {
      entry = (async () => {
        const svg = await readFile(artworkPath(charter, variant));
        const density = (72 * width) / charter.artwork.width;
        const { data } = await sharp(svg, { density }).resize(width, height, { fit: 'fill' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
        return { svg, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
      })();
      cache.set(variant, entry);
    }
    return entry;
  };
}

async function logoVisual(page: Page, logo: LogoResult, variant: string, art: ArtworkRaster, charter: Charter, width: number, height: number, rescale: [number, number]): Promise<LogoVisual> {
  // Grid pixel (i, j) → artwork units → the checked page's pixels → this raster's pixels.
  const unitsPerPixel = charter.artwork.width / width;
  const pageFromGrid = multiply([rescale[0], 0, 0, 0, rescale[1], 0, 0, 0, 1], multiply(logo.measurement.detection.homography, [unitsPerPixel, 0, 0, 0, unitsPerPixel, 0, 0, 0, 1]));
  const [R, G, B] = sampleGridRgb(page.rgba, page.width, page.height, pageFromGrid, width, height, 1);
  const upright = new Uint8Array(width * height * 4);
  const ground = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    if (Number.isNaN(R[i])) continue;
    upright.set([Math.round(R[i]), Math.round(G[i]), Math.round(B[i]), 255], i * 4);
    if (art.rgba[i * 4 + 3] === 0) ground[i] = 1;
  }
  const paper = medianColour(upright, ground);
  const codes = differenceMap({
    logo: upright,
    artwork: art.rgba,
    width,
    height,
    ground: paper.samples ? paper.rgb : { r: 255, g: 255, b: 255 },
    threshold: Math.max(...Object.values(charter.palette).map((p) => p.tolerance)),
    // measurement.blur is in page pixels; the grid has its own scale.
    blur: (logo.measurement.blur ?? 0) * (width / Math.max(1, logo.measurement.geometry.widthPx)),
  });
  return {
    upright: await encodeWebp(upright, width, height, false),
    difference: await encodeWebp(paintDifference(codes, art.rgba, width, height), width, height, true),
    shares: differenceShares(codes),
    variant,
  };
}

async function fileVisuals(file: FileResult, report: Report, options: Required<VisualOptions>, artwork: (v: string) => Promise<ArtworkRaster>, used: Set<string>): Promise<FileVisuals | undefined> {
  const pages = file.pages.filter((p) => p.logos.length > 0);
  if (!pages.length) return undefined;
  const { charter, logoWidth } = options;
  const logoHeight = Math.round((logoWidth * charter.artwork.height) / charter.artwork.width);
  const visuals: FileVisuals = { thumbnails: {}, logos: {} };
  const doc = await openDocument(file.path, { dpi: options.dpi });
  try {
    for (const result of pages) {
      const raster = await doc.renderPage(result.page);
      visuals.thumbnails[result.page] = await thumbnail(raster, options.thumbnailSize);
      // A photographed page was judged flattened; its logos' transforms are in that frame.
      const judged = result.rectified ? (rectifyPage(raster)?.page ?? raster) : raster;
      // Merged results may come from a run at another resolution than this one: boxes scale with it.
      const rescale: [number, number] = result.rectified ? [1, 1] : [raster.width / result.width, raster.height / result.height];
      for (const [index, logo] of result.logos.entries()) {
        const variant = comparedVariant(logo, charter, report.options.category);
        used.add(variant);
        visuals.logos[logoKey(result.page, index)] = await logoVisual(judged, logo, variant, await artwork(variant), charter, logoWidth, logoHeight, rescale);
      }
    }
  } finally {
    await doc.close().catch(() => undefined);
  }
  return visuals;
}

/**
 * Pictures for every page that holds a logo. A file that cannot be decoded again (moved, changed
 * since) simply has none: its report section still shows the outlines on a blank page.
 */
export async function renderVisuals(report: Report, options: VisualOptions): Promise<ReportVisuals> {
  const resolved: Required<VisualOptions> = { dpi: 150, thumbnailSize: 640, logoWidth: 400, onFile: () => {}, ...options };
  const logoHeight = Math.round((resolved.logoWidth * options.charter.artwork.height) / options.charter.artwork.width);
  const artwork = artworkCache(options.charter, resolved.logoWidth, logoHeight);
  const used = new Set<string>();
  const visuals: ReportVisuals = { files: {}, artwork: {} };
  for (const [i, file] of report.files.entries()) {
    if (file.status !== 'error') {
      const drawn = await fileVisuals(file, report, resolved, artwork, used).catch(() => undefined);
      if (drawn) visuals.files[file.path] = drawn;
    }
    resolved.onFile(i + 1, report.files.length);
  }
  for (const variant of used) visuals.artwork[variant] = dataUri('image/svg+xml', (await artwork(variant)).svg);
  return visuals;
}
