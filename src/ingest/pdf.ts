import type { PageViewport, PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BBox, DocumentMetadata, Page, SourceDocument, TextRun } from '../types.ts';
import { xmpDates } from './dates.ts';
import { IngestError, reason, type Words } from './errors.ts';
import { readBytes } from './files.ts';
import type { ResolvedOptions } from './options.ts';
import { PDFJS_ASSETS } from './pdfjs-assets.ts';
import { watchStrays, type StrayRejections } from './strays.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

// Loaded on first use: pdf.js is a large module and many runs only see images.
let pdfjsModule: Promise<Pdfjs> | undefined;
const pdfjs = (): Promise<Pdfjs> => (pdfjsModule ??= loadPdfjs());

async function loadPdfjs(): Promise<Pdfjs> {
  // In Node pdf.js runs its "worker" in this thread. Handing it the worker module now, instead of
  // letting it import the module during the first getDocument, keeps that load (seconds under a
  // TypeScript loader) out of the first document's timeout.
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/** PDF user space is in points. */
const POINTS_PER_INCH = 72;
/** Floor for the dpi fitted to maxPixels; only an absurd page size would get there. */
const MIN_DPI = 0.01;

/**
 * Drawing operations a page may have before it is refused as too complex. pdf.js parses a page's
 * whole content into a list of operations, kept as JavaScript objects (about 300 bytes each),
 * before it draws the first: a one-page PDF of a million vector triangles holds two million of
 * them, and a worker took the process from 235 MiB to 2.2 GiB to render it (to 500 MiB to refuse
 * it). A lower resolution would not help: the list is the same at every dpi. The densest page of
 * the shared corpus has 77,000 operations (a brochure page has hundreds to a few thousand); a
 * page at this limit adds about 230 MB to a render.
 */
export const MAX_PAGE_OPERATIONS = 250_000;

// pdf.js's fallbacks when a font does not state its ascent and descent.
const DEFAULT_ASCENT = 0.8;

/** The canvas factory pdf.js made for the document; it creates canvases of its own @napi-rs/canvas. */
interface CanvasAndContext {
  canvas: HTMLCanvasElement;
  context: CanvasRenderingContext2D;
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(target: CanvasAndContext): void;
}

/** Opens a PDF: parses its structure now, renders one page per `renderPage` call. */
export async function openPdf(path: string, options: ResolvedOptions): Promise<SourceDocument> {
  const bytes = await readBytes(path);
  const strays = watchStrays();
  let doc: PDFDocumentProxy | undefined;
  try {
    doc = await load(path, bytes, options);
    if (doc.numPages < 1) {
      throw new IngestError('empty', path, { en: 'has no pages; re-export the document', fr: "n'a aucune page ; exportez à nouveau le document" });
    }
    const metadata = await documentDates(doc);
    await failOnStray(path, strays);
    return pdfDocument(path, doc, metadata, strays, options);
  } catch (err) {
    strays.stop();
    await doc?.destroy().catch(() => {});
    throw err;
  }
}

function pdfDocument(
  path: string,
  doc: PDFDocumentProxy,
  metadata: DocumentMetadata,
  strays: StrayRejections,
  options: ResolvedOptions,
): SourceDocument {
  let closed = false;
  return {
    path,
    kind: 'pdf',
    pageCount: doc.numPages,
    metadata,
    renderPage: async (index) => {
      if (closed) throw new Error(`${path}: renderPage(${index}) called after close()`);
      if (!Number.isInteger(index) || index < 1 || index > doc.numPages) {
        throw new RangeError(`page index must be an integer from 1 to ${doc.numPages}, got ${index}`);
      }
      const page = await renderPage(path, doc, index, options).catch(async (err: unknown) => {
        // The page's own error says it; what pdf.js left unawaited on the way must not be blamed
        // on the next page.
        await strays.take();
        throw err;
      });
      await failOnStray(path, strays, index);
      return page;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await doc.destroy();
      } finally {
        strays.stop();
      }
    },
  };
}

/**
 * A rejection pdf.js left unawaited while opening or rendering means it met damage it did not
 * report through the call: the file is corrupt, whatever the call returned.
 */
async function failOnStray(path: string, strays: StrayRejections, page?: number): Promise<void> {
  const stray = await strays.take();
  if (stray === undefined) return;
  const why = reason(stray, path);
  throw new IngestError(
    'corrupt',
    path,
    page === undefined
      ? { en: `is a damaged PDF (${why}); re-export the document`, fr: `est un PDF endommagé (${why}) ; exportez à nouveau le document` }
      : {
          en: `is a damaged PDF: reading page ${page} met an error (${why}); re-export the document`,
          fr: `est un PDF endommagé : la lecture de la page ${page} a échoué (${why}) ; exportez à nouveau le document`,
        },
    { cause: stray },
  );
}

async function load(path: string, bytes: Uint8Array, options: ResolvedOptions): Promise<PDFDocumentProxy> {
  const { getDocument, PasswordResponses } = await pdfjs();
  const passwords = passwordCandidates(options.password);
  for (let attempt = 0; ; attempt++) {
    const password = passwords[attempt];
    const task = getDocument({
      // pdf.js takes ownership of (detaches) the buffer, so each attempt gets its own copy.
      data: new Uint8Array(bytes),
      ...PDFJS_ASSETS,
      cMapPacked: true,
      isEvalSupported: false,
      maxImageSize: options.maxPixels,
      useSystemFonts: false,
      // Silent: our JSON report goes to stdout, where pdf.js would print its warnings.
      verbosity: 0,
      ...(password !== undefined && { password }),
    });
    try {
      return await deadline(task.promise, options.timeoutMs, () => {
        void task.destroy().catch(() => {});
        const seconds = formatSeconds(options.timeoutMs);
        return new IngestError('timeout', path, {
          en: `took longer than ${seconds.en} s to open; it may be malformed: re-export it`,
          fr: `a mis plus de ${seconds.fr} s à s'ouvrir ; il est peut-être mal formé : exportez-le à nouveau`,
        });
      });
    } catch (err) {
      await task.destroy().catch(() => {});
      const { name, code } = err as { name?: string; code?: unknown };
      const wrongPassword = name === 'PasswordException' && code === PasswordResponses.INCORRECT_PASSWORD;
      if (wrongPassword && attempt + 1 < passwords.length) continue;
      throw loadError(path, err, password !== undefined);
    }
  }
}

/**
 * The password as typed, then its SASLprep form (RFC 4013), which AES-256 (revision 6) PDFs
 * expect and pdf.js does not apply: soft hyphens and similar "mapped to nothing" characters
 * removed, other spaces made plain, then NFKC.
 */
function passwordCandidates(password: string | undefined): (string | undefined)[] {
  if (password === undefined) return [undefined];
  const prepared = password
    .replace(/[\u00ad\u034f\u1806\u180b-\u180d\u200b-\u200d\u2060\ufe00-\ufe0f\ufeff]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .normalize('NFKC');
  return prepared === password ? [password] : [password, prepared];
}

function loadError(path: string, err: unknown, passwordGiven: boolean): IngestError {
  if (err instanceof IngestError) return err;
  if ((err as { name?: string }).name === 'PasswordException') {
    return new IngestError(
      'encrypted',
      path,
      passwordGiven
        ? {
            en: 'is password-protected and the password given with --password does not open it; check the password, or submit an unprotected copy',
            fr: "est protégé par un mot de passe et celui donné avec --password ne l'ouvre pas ; vérifiez-le, ou envoyez une copie non protégée",
          }
        : {
            en: 'is password-protected; give its password with --password, or submit an unprotected copy',
            fr: 'est protégé par un mot de passe ; donnez-le avec --password, ou envoyez une copie non protégée',
          },
      { cause: err },
    );
  }
  const why = reason(err, path);
  return new IngestError(
    'corrupt',
    path,
    {
      en: `is not a readable PDF (${why}); re-export it from the application that made it`,
      fr: `n'est pas un PDF lisible (${why}) ; exportez-le à nouveau depuis le logiciel qui l'a créé`,
    },
    { cause: err },
  );
}

async function renderPage(path: string, doc: PDFDocumentProxy, index: number, options: ResolvedOptions): Promise<Page> {
  const state: { task?: RenderTask; expired: boolean } = { expired: false };
  const job = (async (): Promise<Page> => {
    const page = await doc.getPage(index);
    try {
      const { viewport, dpi, width, height } = fitViewport(page.getViewport.bind(page), options);
      if (state.expired) throw new Error('expired before rendering');
      const factory = doc.canvasFactory as CanvasFactory;
      const target = factory.create(width, height);
      try {
        const task = page.render({ canvas: target.canvas, canvasContext: target.context, viewport, background: '#ffffff' });
        // pdf.js chains drawing chunks through microtasks, which starve timers; hopping through
        // the macrotask queue lets the deadline fire and cancel a slow page.
        task.onContinue = (next: () => void) => setImmediate(next);
        state.task = task;
        capOperations(page, MAX_PAGE_OPERATIONS, () => failRender(task, tooComplexError(path, index)));
        await task.promise;
        const pixels = target.context.getImageData(0, 0, width, height).data;
        const textRuns = toTextRuns(await page.getTextContent(), viewport);
        return { index, width, height, rgba: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength), dpi, textRuns };
      } finally {
        factory.destroy(target);
      }
    } finally {
      page.cleanup();
    }
  })();
  try {
    return await deadline(job, options.timeoutMs, () => {
      state.expired = true;
      state.task?.cancel();
      const seconds = formatSeconds(options.timeoutMs);
      return new IngestError('timeout', path, {
        en: `took longer than ${seconds.en} s to render its page ${index}; simplify the page or render it at a lower dpi`,
        fr: `a mis plus de ${seconds.fr} s à rendre sa page ${index} ; simplifiez la page ou rendez-la à une résolution plus basse`,
      });
    });
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const why = reason(err, path);
    throw new IngestError(
      'corrupt',
      path,
      {
        en: `is a damaged PDF: its page ${index} cannot be rendered (${why}); re-export the document`,
        fr: `est un PDF endommagé : sa page ${index} ne peut pas être rendue (${why}) ; exportez à nouveau le document`,
      },
      { cause: err },
    );
  }
}

// pdf.js has no public hook on a page's operation list as it grows: it parses the whole content
// before drawing the first operation, so counting drawn operations comes too late, and its public
// cancel() lets the parse run on. The two internals below are the way in; without them (a pdf.js
// that renamed them) pages render uncapped, under the worker's memory limit alone, and the
// million-triangle test in pdf.test.ts fails.

/** The slice of pdf.js's page that receives its operation list, one parsed chunk at a time. */
interface OperationsReceiver {
  _renderPageChunk?: (chunk: { length: number }, intentState: unknown) => void;
}

/** Calls `onExceeded` once the page's operation list passes `limit`, and keeps no chunk past it. */
function capOperations(page: PDFPageProxy, limit: number, onExceeded: () => void): void {
  const receiver = page as unknown as OperationsReceiver;
  const receive = receiver._renderPageChunk;
  if (typeof receive !== 'function') return;
  let operations = 0;
  receiver._renderPageChunk = (chunk, intentState) => {
    if (operations > limit) return;
    operations += chunk.length;
    if (operations > limit) onExceeded();
    else receive.call(page, chunk, intentState);
  };
}

/** Ends a render with `error` as its outcome; pdf.js then stops parsing the page at once. */
function failRender(task: RenderTask, error: Error): void {
  const internal = (task as unknown as { _internalRenderTask?: { cancel?: (error: Error) => void } })._internalRenderTask;
  if (typeof internal?.cancel === 'function') internal.cancel(error);
  else task.cancel();
}

function tooComplexError(path: string, index: number): IngestError {
  const limit = { en: MAX_PAGE_OPERATIONS.toLocaleString('en'), fr: MAX_PAGE_OPERATIONS.toLocaleString('fr') };
  return new IngestError('too-complex', path, {
    en: `has more than ${limit.en} drawing operations (vector shapes, text, images) on its page ${index}, too many to check; flatten that page to an image at 300 dpi and submit that`,
    fr: `a plus de ${limit.fr} opérations de dessin (formes vectorielles, textes, images) sur sa page ${index}, trop pour la vérifier ; aplatissez cette page en image à 300 dpi et envoyez celle-ci`,
  });
}

/** A limit in seconds, as each language writes it (0.001 s, 0,001 s). */
function formatSeconds(ms: number): Words {
  const options = { maximumFractionDigits: 3 };
  return { en: (ms / 1000).toLocaleString('en', options), fr: (ms / 1000).toLocaleString('fr', options) };
}

/** The viewport at the requested dpi, or at the highest dpi whose raster fits in maxPixels. */
function fitViewport(
  getViewport: (params: { scale: number }) => PageViewport,
  { dpi, maxPixels }: ResolvedOptions,
): { viewport: PageViewport; dpi: number; width: number; height: number } {
  let used = dpi;
  for (;;) {
    const viewport = getViewport({ scale: used / POINTS_PER_INCH });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    if (width * height <= maxPixels || used <= MIN_DPI) return { viewport, dpi: used, width, height };
    // Area goes with the square of the dpi; the margin absorbs the rounding to whole pixels.
    used = Math.max(MIN_DPI, Math.floor(used * Math.sqrt(maxPixels / (width * height)) * 0.999 * 100) / 100);
  }
}

/**
 * Places each text item in raster pixels. pdf.js gives the baseline origin and direction
 * (`transform`, text space to user space) and the advance (`width`, user space); the box spans
 * the font's descent to its ascent across the baseline.
 */
function toTextRuns(content: TextContent, viewport: Pick<PageViewport, 'convertToViewportPoint'>): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    const along = Math.hypot(a!, b!);
    const across = Math.hypot(c!, d!);
    if (along === 0 || across === 0) continue;
    const u = [a! / along, b! / along];
    const v = [c! / across, d! / across];
    const style = content.styles[item.fontName];
    let spanU: [number, number];
    let spanV: [number, number];
    if (style?.vertical) {
      // Vertical writing: glyphs hang below the origin, centred on it.
      spanU = [-across / 2, across / 2];
      spanV = [-item.height, 0];
    } else {
      const ascent = style?.ascent || (style?.descent ? 1 + style.descent : DEFAULT_ASCENT);
      const descent = style?.descent || ascent - 1;
      spanU = [0, item.width];
      spanV = [descent * across, ascent * across];
    }
    const xs: number[] = [];
    const ys: number[] = [];
    for (const s of spanU) {
      for (const t of spanV) {
        const [x, y] = viewport.convertToViewportPoint(e! + s * u[0]! + t * v[0]!, f! + s * u[1]! + t * v[1]!) as [number, number];
        xs.push(x);
        ys.push(y);
      }
    }
    const x0 = Math.floor(Math.min(...xs));
    const y0 = Math.floor(Math.min(...ys));
    const bbox: BBox = [x0, y0, Math.ceil(Math.max(...xs)) - x0, Math.ceil(Math.max(...ys)) - y0];
    runs.push({ text: item.str, bbox });
  }
  return runs;
}

async function documentDates(doc: PDFDocumentProxy): Promise<DocumentMetadata> {
  const { PDFDateString } = await pdfjs();
  const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const fields = info as Record<string, unknown>;
  const xmp = xmpDates(metadata ? String(metadata.getRaw()) : undefined);
  const pdfDate = (value: unknown): Date | undefined => {
    if (typeof value !== 'string') return undefined;
    const date = PDFDateString.toDateObject(value);
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  };
  const created = pdfDate(fields.CreationDate) ?? xmp.created;
  const modified = pdfDate(fields.ModDate) ?? xmp.modified;
  return { ...(created && { created }), ...(modified && { modified }) };
}

/** Settles like `work`, or rejects with `onExpiry()`'s error once `ms` have passed. */
function deadline<T>(work: Promise<T>, ms: number, onExpiry: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onExpiry()), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
