// The checker: file → report entry. It owns what is costly to start (OpenCV and the reference
// model, the OCR worker) so that a batch of thousands of files pays for them once.
import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import { causeOf, fileTooLargeMessage, internalMessage, resolveLimits, tooManyPagesMessage } from './batch/limits.ts';
import { createDetector, type Detector } from './detect/index.ts';
import { rgbaToGray } from './image/raster.ts';
import { IngestError, openDocument } from './ingest/index.ts';
import { createInspector, type Inspector, type PartnerLogo } from './inspect/index.ts';
import { createOcr, type Ocr } from './inspect/ocr.ts';
import { fileStatus } from './report/summary.ts';
import { checkDocument, checkLogo } from './rules/index.ts';
import type { DateSource } from './rules/index.ts';
import { mapBox, roundBox } from './image/homography.ts';
import { rectifyPage } from './rectify/index.ts';
import { letterCount, MIN_RUNNING_LETTERS, readByOcr, textLayer } from './text/read.ts';
import type { CheckOptions, FileResult, Homography, LogoMeasurement, LogoResult, Page, PageResult, PageText, SourceDocument } from './types.ts';

export interface Checker {
  /** Never throws for a bad file: it comes back with status 'error' and what went wrong. */
  checkFile(path: string): Promise<FileResult>;
  close(): Promise<void>;
}

/** A file past one of the limits of CheckOptions.limits; reported like an unreadable file. */
class FileLimitError extends Error {
  constructor(
    readonly code: 'too-large',
    /** In the report's language, without the path the report prints beside it. */
    problem: string,
  ) {
    super(problem);
  }
}

export async function createChecker(options: CheckOptions): Promise<Checker> {
  const { charter } = options;
  const medium = options.medium ? charter.media.find((m) => m.id === options.medium) : undefined;
  if (options.medium && !medium) {
    throw new Error(`unknown medium "${options.medium}"; the charter defines ${charter.media.map((m) => m.id).join(', ')}`);
  }
  if (options.category && !charter.badges.some((b) => b.id === options.category)) {
    throw new Error(`unknown category "${options.category}"; the charter defines ${charter.badges.map((b) => b.id).join(', ')}`);
  }
  const limits = resolveLimits(options.limits);
  const detector: Detector = await createDetector(charter);
  const ocr: Ocr = createOcr();
  const partner = options.partnerLogo ? await loadPartnerLogo(options.partnerLogo) : undefined;
  const inspector: Inspector = createInspector(detector.reference, ocr, partner);

  /** The logos of one page, judged; `fileFromPage` puts their boxes back in the file's pixels. */
  async function logosOn(page: Page, fileFromPage?: Homography): Promise<LogoResult[]> {
    const gray = rgbaToGray(page.rgba, page.width, page.height);
    const logos: LogoResult[] = [];
    for (const detection of detector.detect(page, gray)) {
      const measured = await inspector.measure(page, detection);
      if (!confirmed(measured)) continue;
      const measurement = fileFromPage ? inFile(measured, fileFromPage) : measured;
      const findings = checkLogo({
        charter,
        lang: options.lang,
        category: options.category,
        medium,
        logo: measurement,
        page: { width: page.width, height: page.height, dpi: page.dpi },
      });
      logos.push({ bbox: measurement.detection.bbox, confidence: detection.confidence, badge: measurement.badge.match, findings, measurement });
    }
    return logos;
  }

  /** The page's running text: its text layer, else OCR when every document's documentation is judged. */
  async function readText(page: Page, logos: LogoResult[]): Promise<PageText> {
    // The logo's own words are the tagline and badge rules' to judge, not running text.
    const boxes = logos.map((logo) => logo.bbox);
    const layer = textLayer(page, boxes);
    if (!options.documentation || letterCount(layer.text) >= MIN_RUNNING_LETTERS) return layer;
    return readByOcr(page, ocr, boxes);
  }

  async function checkPages(doc: SourceDocument, result: FileResult, texts: PageText[]): Promise<void> {
    for (let index = 1; index <= doc.pageCount; index++) {
      const raster = await doc.renderPage(index);
      const pageResult: PageResult = { page: index, width: raster.width, height: raster.height, logos: [] };
      // A photo of a printed page is judged on the page itself, flattened, so that the camera's
      // perspective is never taken for a distorted logo; boxes go back to the photo's pixels.
      const rectified = rectifyPage(raster);
      if (rectified) {
        pageResult.logos = await logosOn(rectified.page, rectified.fileFromPage);
        pageResult.rectified = { quad: rectified.quad, tiltDeg: Math.round(rectified.tiltDeg * 10) / 10, paper: rectified.paper };
      }
      // Nothing on what looked like a photographed page (or it was none): the raster as given, in
      // case the quadrilateral was a panel of the page and the logo lies outside it.
      if (!pageResult.logos.length) {
        pageResult.logos = await logosOn(raster);
        if (pageResult.logos.length) delete pageResult.rectified;
      }
      texts.push(await readText(raster, pageResult.logos));
      result.pages.push(pageResult);
    }
  }

  async function checkFile(path: string): Promise<FileResult> {
    const result: FileResult = { path, status: 'pass', pages: [], findings: [] };
    let doc: SourceDocument | undefined;
    try {
      // Checked before reading: ingest would load the whole file into memory to parse it.
      const { size } = await stat(path).catch(() => ({ size: 0 }));
      if (size > limits.maxFileBytes) throw new FileLimitError('too-large', fileTooLargeMessage(size, limits, options.lang));
      doc = await openDocument(path, {
        dpi: options.dpi,
        maxPixels: limits.maxPixels,
        timeoutMs: limits.timeoutMs,
        ...(options.password !== undefined && { password: options.password }),
      });
      result.kind = doc.kind;
      if (doc.pageCount > limits.maxPages) throw new FileLimitError('too-large', tooManyPagesMessage(doc.pageCount, limits, options.lang));
      const date = options.asOf ?? doc.metadata.created;
      const dateSource: DateSource | undefined = options.asOf ? 'as-of' : doc.metadata.created ? (doc.kind === 'pdf' ? 'pdf' : 'exif') : undefined;
      if (date) result.date = date.toISOString();
      const texts: PageText[] = [];
      await checkPages(doc, result, texts);
      // Article IX limits the use of the logo in time: a document that does not show the logo
      // uses nothing, whatever its date. A document with a logo and running text presents an
      // offer (Article III), whose documentation Annex 2.2 and Article VII ask for; without a
      // logo, only when the user asks (--documentation).
      const hasLogo = result.pages.some((p) => p.logos.length > 0);
      const hasText = texts.some((t) => letterCount(t.text) >= MIN_RUNNING_LETTERS);
      if (hasLogo || options.documentation) {
        result.findings.push(
          ...checkDocument({
            charter,
            lang: options.lang,
            ...(hasLogo && { date, dateSource }),
            ...((hasText || options.documentation) && { texts }),
          }),
        );
      }
    } catch (err) {
      // What was analysed before the failure stays in the report; the file is marked unreadable.
      result.error =
        err instanceof IngestError
          ? { code: err.code, message: err.messages[options.lang] }
          : err instanceof FileLimitError
            ? { code: err.code, message: err.message }
            : { code: 'internal', message: internalMessage(causeOf(err), options.lang) };
    } finally {
      await doc?.close().catch(() => undefined);
    }
    result.status = fileStatus(result);
    return result;
  }

  return {
    checkFile,
    async close() {
      await ocr.close();
    },
  };
}

/**
 * Detection scores whole-logo likeness loosely; inspection judges each element on its outlines.
 * A logo keeps all its elements but one at most (Article X deletions are single elements in
 * practice): a shape with two or more visible elements absent is something else — a « © » in a
 * footer, a round emblem — not a logo with half of it deleted.
 */
function confirmed(m: LogoMeasurement): boolean {
  const elements = Object.values(m.elements);
  const visible = elements.filter((e) => e.visibleFraction > 0.25);
  const absent = visible.filter((e) => !e.present).length;
  // A sliver left by the page edge (a tenth of a text or a box) too small to call present, but
  // drawn just where and as the artwork has it, still says whose logo this is.
  const slivers = elements.filter((e) => e.visibleFraction > SLIVER && e.visibleFraction <= 0.25 && e.likeness >= SLIVER_LIKENESS).length;
  const present = visible.length - absent;
  return present >= 1 && present + slivers >= 2 && absent <= 1;
}

/** Least share of an element on the page, and likeness, for a sliver of it to confirm a logo. */
const SLIVER = 0.1;
const SLIVER_LIKENESS = 0.8;

/** A measurement on a flattened photo, with the boxes a reader draws put back in the photo's pixels. */
function inFile(m: LogoMeasurement, fileFromPage: Homography): LogoMeasurement {
  return {
    ...m,
    detection: { ...m.detection, bbox: roundBox(mapBox(fileFromPage, m.detection.bbox)) },
    additions: m.additions.map((a) => ({ ...a, bbox: roundBox(mapBox(fileFromPage, a.bbox)) })),
  };
}

/** The partner's own logo, the one addition Article X allows, kept as grey for comparison. */
async function loadPartnerLogo(file: string): Promise<PartnerLogo> {
  try {
    const { data, info } = await sharp(file).flatten({ background: '#ffffff' }).greyscale().resize({ width: 128, height: 128, fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
    return { gray: Float32Array.from(data), width: info.width, height: info.height };
  } catch (err) {
    throw new Error(`--partner-logo ${file} cannot be read as an image: ${(err as Error).message}`);
  }
}
