import { existsSync } from 'node:fs';
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import type { DocumentMetadata, Lang, Page, SourceDocument, SourceKind } from '../types.ts';
import { exifDates, parseAnyDate, xmpDates } from './dates.ts';
import { IngestError, reason } from './errors.ts';
import { readBytes } from './files.ts';
import { decodeJpx, jpxSize } from './jpx.ts';
import type { ResolvedOptions } from './options.ts';

// Documents are printed on white paper, so transparency shows white.
const PAPER = { r: 255, g: 255, b: 255 };

// libvips reports 72 dpi when a file records no resolution, and cameras and editors write 72 as a
// placeholder, so 72 says nothing about the physical size.
const PLACEHOLDER_DPI = 72;

// librsvg sizes an SVG at 72 dpi; we scale so a logo in a small icon-sized SVG still has enough
// pixels to be measured, and a poster-sized one does not waste memory.
const SVG_BASE_DENSITY = 72;
const SVG_MIN_LONG_SIDE = 1000;
const SVG_MAX_LONG_SIDE = 4000;
const CSS_PX_PER_INCH = 96;

/** Opens a raster or SVG image: reads its header now, decodes pixels on each `renderPage`. */
export async function openImage(path: string, kind: SourceKind, options: ResolvedOptions): Promise<SourceDocument> {
  if (kind === 'jp2') return openJpx(path, options);
  // An SVG is rendered from memory so that librsvg has no base path to resolve references such as
  // <image href="../secret.png"> against.
  const input = kind === 'svg' ? await readBytes(path) : path;
  const first = await readHeader(path, input, options.maxPixels);
  // A HEIF file holds several images (tiles, thumbnails, a grid assembling the tiles); the one to
  // show is the primary item, which need not come first.
  const primary = first.pagePrimary ?? 0;
  const header = primary ? await readHeader(path, input, options.maxPixels, { page: primary }) : first;
  const svg = kind === 'svg' ? await svgRendering(path, input as Buffer, header, options.maxPixels) : undefined;
  checkPixels(path, svg?.width ?? header.width!, svg?.height ?? header.height!, options.maxPixels);
  // Only TIFF pages are separate pages; the other frames of a GIF or WebP are animation.
  const pageCount = kind === 'tiff' ? Math.max(1, header.pages ?? 1) : 1;
  const metadata = imageDates(header);
  return {
    path,
    kind,
    pageCount,
    metadata,
    renderPage: async (index) => {
      checkIndex(index, pageCount);
      const page = kind === 'tiff' ? index - 1 : primary;
      const pixels = await decode(path, input, { page, ...(svg && { density: svg.density }) }, options);
      const dpi = svg?.dpi ?? recordedDpi(index === 1 ? header : await readHeader(path, input, options.maxPixels, { page }));
      return { index, ...pixels, ...(dpi !== undefined && { dpi }), textRuns: [] };
    },
    close: async () => {},
  };
}

async function openJpx(path: string, options: ResolvedOptions): Promise<SourceDocument> {
  const bytes = new Uint8Array(await readBytes(path));
  const size = await jpxSize(bytes).catch((err: unknown) => {
    const why = reason(err, path);
    throw new IngestError(
      'corrupt',
      path,
      { en: `is not a readable JPEG 2000 image (${why}); re-export it as PNG or JPEG`, fr: `n'est pas une image JPEG 2000 lisible (${why}) ; exportez l'image à nouveau en PNG ou JPEG` },
      { cause: err },
    );
  });
  // Bytes damaged in the header read as sizes of billions, or below zero.
  if (!(Number.isSafeInteger(size.width) && Number.isSafeInteger(size.height) && size.width > 0 && size.height > 0)) {
    throw new IngestError('corrupt', path, {
      en: `is damaged: its header gives an impossible size (${size.width} × ${size.height}); re-export it as PNG or JPEG`,
      fr: `est une image endommagée : son en-tête donne une taille impossible (${size.width} × ${size.height}) ; exportez-la à nouveau en PNG ou JPEG`,
    });
  }
  checkPixels(path, size.width, size.height, options.maxPixels);
  return {
    path,
    kind: 'jp2',
    pageCount: 1,
    metadata: {},
    renderPage: async (index) => {
      checkIndex(index, 1);
      const samples = await decodeJpx(bytes).catch((err: unknown) => {
        const why = reason(err, path);
        throw new IngestError(
          'corrupt',
          path,
          { en: `is damaged and cannot be decoded (${why}); re-export it as PNG or JPEG`, fr: `est une image endommagée, impossible à décoder (${why}) ; exportez-la à nouveau en PNG ou JPEG` },
          { cause: err },
        );
      });
      const { width, height, channels, data } = samples;
      const pixels = await decode(path, data, { raw: { width, height, channels: channels as 1 | 2 | 3 | 4 } }, options);
      return { index, ...pixels, textRuns: [] };
    },
    close: async () => {},
  };
}

async function readHeader(path: string, input: string | Buffer, maxPixels: number, inputOptions: SharpOptions = {}): Promise<Metadata> {
  try {
    // The size limit is ours to check (checkPixels) so the message can give the size.
    const header = await sharp(input, { ...inputOptions, limitInputPixels: false }).metadata();
    if (!header.width || !header.height) {
      throw new IngestError('corrupt', path, { en: 'has no image size in its header; re-export it', fr: "n'indique pas la taille de l'image dans son en-tête ; exportez l'image à nouveau" });
    }
    return header;
  } catch (err) {
    throw decodeError(path, err, maxPixels);
  }
}

/** Decodes one page to tightly packed 8-bit sRGB RGBA, upright, on white. */
async function decode(
  path: string,
  input: string | Buffer | Uint8Array,
  inputOptions: SharpOptions,
  { maxPixels, timeoutMs }: ResolvedOptions,
): Promise<Pick<Page, 'width' | 'height' | 'rgba'>> {
  try {
    const { data, info } = await sharp(input, { ...inputOptions, limitInputPixels: maxPixels, failOn: 'truncated' })
      // EXIF orientation: phones store portrait photos sideways and flag them.
      .rotate()
      // Converts CMYK, Lab, grey, palette and ICC-profiled input through its profile to sRGB.
      .toColourspace('srgb')
      .flatten({ background: PAPER })
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .timeout({ seconds: Math.max(1, Math.ceil(timeoutMs / 1000)) })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4 || data.byteLength !== info.width * info.height * 4) {
      throw new Error(`unexpected decoder output: ${info.width} × ${info.height} × ${info.channels} in ${data.byteLength} bytes`);
    }
    return { width: info.width, height: info.height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (err) {
    throw decodeError(path, err, maxPixels);
  }
}

/** Sorts libvips' messages into the codes the report uses. */
function decodeError(path: string, err: unknown, maxPixels: number): IngestError {
  if (err instanceof IngestError) return err;
  const message = reason(err, path);
  if (/exceeds pixel limit/i.test(message)) {
    return new IngestError(
      'too-large',
      path,
      {
        en: `decodes to more than ${megapixels(maxPixels, 'en')}, the per-page limit; downscale it`,
        fr: `contient une image qui dépasse ${megapixels(maxPixels, 'fr')} une fois décodée, la limite par page ; réduisez sa taille`,
      },
      { cause: err },
    );
  }
  if (/timeout/i.test(message)) {
    return new IngestError(
      'timeout',
      path,
      { en: `took too long to decode (${message}); simplify or downscale it`, fr: `contient une image trop longue à décoder (${message}) ; simplifiez-la ou réduisez sa taille` },
      { cause: err },
    );
  }
  // The content was sniffed as a format libvips reads, so « unsupported image format » means
  // libvips could not make sense of it past the signature (a TIFF whose directory points off the end).
  if (/unsupported image format/i.test(message)) {
    return new IngestError(
      'corrupt',
      path,
      {
        en: `is damaged: past its first bytes it is not a readable image (${message}); re-export or re-scan it`,
        fr: `est une image endommagée : au-delà de ses premiers octets, rien n'est lisible (${message}) ; exportez-la ou numérisez-la à nouveau`,
      },
      { cause: err },
    );
  }
  if (/decoding plugin|compression format|not built with|unsupported codec/i.test(message)) {
    return new IngestError(
      'unsupported-format',
      path,
      {
        en: `uses an encoding this build cannot decode (${message}); convert it to PNG or JPEG`,
        fr: `utilise un codage que cette version ne sait pas décoder (${message}) ; convertissez l'image en PNG ou JPEG`,
      },
      { cause: err },
    );
  }
  // sharp says « Input file is missing »; a damaged JPEG's « missing SOS marker » is no such thing.
  if (/Input file is missing|ENOENT|no such file/i.test(message) && !existsSync(path)) {
    return new IngestError('not-found', path, { en: 'disappeared while being read', fr: 'a disparu pendant sa lecture' }, { cause: err });
  }
  return new IngestError(
    'corrupt',
    path,
    {
      en: `is damaged or truncated and cannot be decoded (${message}); re-export or re-scan it`,
      fr: `est une image endommagée ou tronquée, impossible à décoder (${message}) ; exportez-la ou numérisez-la à nouveau`,
    },
    { cause: err },
  );
}

function checkPixels(path: string, width: number, height: number, maxPixels: number): void {
  if (width * height > maxPixels) {
    const size = (lang: Lang) => `${width} × ${height} pixels (${megapixels(width * height, lang)})`;
    throw new IngestError('too-large', path, {
      en: `is ${size('en')}, over the limit of ${megapixels(maxPixels, 'en')} per page; downscale it`,
      fr: `mesure ${size('fr')}, au-delà de la limite de ${megapixels(maxPixels, 'fr')} par page ; réduisez sa taille`,
    });
  }
}

function checkIndex(index: number, pageCount: number): void {
  if (!Number.isInteger(index) || index < 1 || index > pageCount) {
    throw new RangeError(`page index must be an integer from 1 to ${pageCount}, got ${index}`);
  }
}

interface SvgRendering {
  density: number;
  width: number;
  height: number;
  dpi: number;
}

/**
 * Picks the density that brings the SVG's long side into range. libvips scales an SVG sized in
 * pixels (or by its viewBox) by density/72, but one sized in physical units (mm, pt…) by
 * (density/72)², as the density both converts the units and scales the result; a probe at twice
 * the base density tells which.
 */
async function svgRendering(path: string, svg: Buffer, header: Metadata, maxPixels: number): Promise<SvgRendering> {
  const width = header.width!;
  const height = header.height!;
  const longSide = Math.max(width, height);
  const wanted = longSide < SVG_MIN_LONG_SIDE ? SVG_MIN_LONG_SIDE / longSide : longSide > SVG_MAX_LONG_SIDE ? SVG_MAX_LONG_SIDE / longSide : 1;
  const scale = Math.min(wanted, Math.sqrt(maxPixels / ((width + 1) * (height + 1))));
  const probe = await readHeader(path, svg, maxPixels, { density: 2 * SVG_BASE_DENSITY });
  const physical = Math.max(probe.width!, probe.height!) / longSide > 3;
  let density = clampDensity(SVG_BASE_DENSITY * (physical ? Math.sqrt(scale) : scale));
  let sized = await readHeader(path, svg, maxPixels, { density });
  // The base size was rounded to whole pixels; one correction lands on the target.
  const correction = (longSide * scale) / Math.max(sized.width!, sized.height!);
  if (Math.abs(correction - 1) * longSide * scale > 0.5) {
    density = clampDensity(density * (physical ? Math.sqrt(correction) : correction));
    sized = await readHeader(path, svg, maxPixels, { density });
  }
  // At the base density librsvg maps an inch to 72 pixels; CSS maps one to 96 px.
  const dpi = (physical ? SVG_BASE_DENSITY : CSS_PX_PER_INCH) * (Math.max(sized.width!, sized.height!) / longSide);
  return { density, width: sized.width!, height: sized.height!, dpi };
}

// sharp accepts densities from 1 to 100000.
function clampDensity(density: number): number {
  return Math.min(100_000, Math.max(1, density));
}

function recordedDpi(header: Metadata): number | undefined {
  const { density } = header;
  return density && density !== PLACEHOLDER_DPI ? density : undefined;
}

/** Creation and modification dates, most trustworthy source first. */
function imageDates(header: Metadata): DocumentMetadata {
  const exif = exifDates(header.exif);
  const xmp = xmpDates(header.xmp);
  const pngCreated = header.comments?.find((c) => /^creation time$/i.test(c.keyword))?.text;
  const created = exif.original ?? xmp.created ?? exif.changed ?? (pngCreated ? parseAnyDate(pngCreated) : undefined);
  const modified = xmp.modified ?? exif.changed;
  return { ...(created && { created }), ...(modified && { modified }) };
}

function megapixels(pixels: number, lang: Lang): string {
  if (pixels < 1e6) return `${pixels.toLocaleString(lang)} pixels`;
  return `${(pixels / 1e6).toLocaleString(lang, { maximumFractionDigits: 1 })} ${lang === 'fr' ? 'mégapixels' : 'megapixels'}`;
}
