// Hard limits on one file of a batch. An auditor's batch holds files nobody has looked at: each
// limit turns a file that would hold up or kill the run into an error of that file alone.

/** What one file may cost before it is given up, with the code its error is reported under. */
export interface FileLimits {
  /** Wall time for the whole file, from the moment a worker takes it (code `timeout`). */
  timeoutMs: number;
  /** JavaScript heap of the worker checking it, in MiB (code `out-of-memory`). */
  memoryMb: number;
  /** Size of the file on disk (code `too-large`). */
  maxFileBytes: number;
  /** Pages of a document (code `too-large`). */
  maxPages: number;
  /** Raster pixels per page: PDF pages are rendered at a lower resolution to fit, larger images are refused. */
  maxPixels: number;
}

// A 50-page brochure with a logo on every page takes 2–3 s a page on this project's 2-core
// machines; five minutes leaves twice that for a slow machine or a busy neighbour.
export const DEFAULT_LIMITS: FileLimits = {
  timeoutMs: 300_000,
  // pdf.js keeps a page's drawing operators as JavaScript objects: a page of 400,000 vector
  // triangles needs over a gigabyte of them. src/ingest/pdf.ts refuses such pages (too-complex)
  // before they get there; this catches what else fills the heap. Rasters live outside it.
  memoryMb: 1024,
  maxFileBytes: 500 * 2 ** 20,
  maxPages: 1000,
  // 40-megapixel photos are common; 50 million RGBA pixels is 200 MB per page.
  maxPixels: 50e6,
};

export function resolveLimits(given: Partial<FileLimits> = {}): FileLimits {
  const limits = { ...DEFAULT_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`limits.${name} must be a positive number, got ${String(value)}`);
  }
  return limits;
}

type Lang = 'fr' | 'en';

const MIB = 2 ** 20;
const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);
/** Megabytes, with a decimal below 10 so that a small limit does not read « 0 Mo ». */
const mb = (bytes: number, lang: Lang) => {
  const value = bytes / MIB;
  const text = value < 10 ? value.toFixed(1) : `${Math.round(value)}`;
  return lang === 'fr' ? text.replace('.', ',') : text;
};

/** What a partner reads when a file went past a limit: what happened, then what to do, in a sentence. */
const LIMIT_MESSAGES = {
  timeout: {
    fr: (l: FileLimits) => `L'analyse a duré plus de ${duration(l.timeoutMs)} et a été arrêtée ; le fichier est très lourd ou malformé : réexportez-le, ou relancez-le seul avec un --timeout plus long.`,
    en: (l: FileLimits) => `The analysis took longer than ${duration(l.timeoutMs)} and was stopped; the file is very heavy or malformed: re-export it, or run it alone with a longer --timeout.`,
  },
  'out-of-memory': {
    fr: (l: FileLimits) => `L'analyse demandait plus de ${l.memoryMb} Mo de mémoire et a été arrêtée ; une page est sans doute trop complexe (des centaines de milliers de formes vectorielles) : aplatissez-la en image, ou relancez avec un --max-memory plus grand.`,
    en: (l: FileLimits) => `The analysis needed more than ${l.memoryMb} MB of memory and was stopped; a page is probably too complex (hundreds of thousands of vector shapes): flatten it to an image, or run again with a larger --max-memory.`,
  },
} as const;

export function limitMessage(code: keyof typeof LIMIT_MESSAGES, limits: FileLimits, lang: Lang): string {
  return LIMIT_MESSAGES[code][lang](limits);
}

export function fileTooLargeMessage(bytes: number, limits: FileLimits, lang: Lang): string {
  return lang === 'fr'
    ? `Le fichier fait ${mb(bytes, lang)} Mo, plus que la limite de ${mb(limits.maxFileBytes, lang)} Mo ; compressez-le ou découpez-le.`
    : `The file is ${mb(bytes, lang)} MB, more than the limit of ${mb(limits.maxFileBytes, lang)} MB; compress or split it.`;
}

export function tooManyPagesMessage(pages: number, limits: FileLimits, lang: Lang): string {
  return lang === 'fr'
    ? `Le document a ${pages} pages, plus que la limite de ${limits.maxPages} ; découpez-le.`
    : `The document has ${pages} pages, more than the limit of ${limits.maxPages}; split it.`;
}

/** A worker that died on the file (a crash, a WebAssembly abort): the cause, for a bug report. */
export function internalMessage(cause: string, lang: Lang): string {
  return lang === 'fr'
    ? `L'analyse s'est arrêtée sur une erreur interne (${cause}) ; ce n'est pas forcément un défaut du fichier : signalez-la avec le fichier.`
    : `The analysis stopped on an internal error (${cause}); this is not necessarily a fault in the file: report it with the file.`;
}

/** The error's own words on one line, whatever was thrown (never « [object Object] »). */
export function causeOf(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : typeof err === 'string' ? err : asJson(err);
  return text.replace(/\s+/g, ' ').trim();
}

function asJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A cycle: its own toString is all there is.
    return String(value);
  }
}
