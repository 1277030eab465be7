// Reading the badge and the tagline: the PDF's own text when it has it, else OCR (tesseract.js with
// the French model shipped on npm, offline), and comparing what was read with the approved texts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TextMeasurement, TextSource } from '../types.ts';

/** Unicode-composed, typographic apostrophes made straight, whitespace collapsed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/[\u00A0\u202F\s]+/g, ' ')
    .trim();
}

/** Levenshtein distance by the two-row dynamic programme. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** 1 for identical texts, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - editDistance(a, b) / n;
}

export interface ApprovedText {
  id: string;
  text: string;
}

/**
 * Compares a text read on the logo with the approved ones. Only an exact match (after
 * normalisation) is a match: Article X forbids any modification, a single letter included.
 */
export function judgeText(read: string | null, source: TextSource | null, approved: ApprovedText[]): TextMeasurement {
  if (read === null) return { text: null, source, match: null, similarity: 0, closest: null };
  const text = normaliseText(read);
  let closest: ApprovedText | null = null;
  let best = -1;
  for (const candidate of approved) {
    const s = similarity(text, normaliseText(candidate.text));
    if (s > best) [best, closest] = [s, candidate];
  }
  const match = closest && normaliseText(closest.text) === text ? closest.id : null;
  return { text, source, match, similarity: Math.round(best * 1000) / 1000, closest: closest?.id ?? null };
}

export interface Ocr {
  /** Reads the text of an image (PNG or JPEG bytes), lines joined by spaces. */
  read(image: Buffer): Promise<string>;
  close(): Promise<void>;
}

/**
 * One tesseract.js worker per process, started on first use: starting costs ~200 ms and loads the
 * model. `langPath` points into @tesseract.js-data/fra and the cache is off, so nothing is
 * downloaded — by default tesseract.js fetches models from a CDN, which fails offline.
 */
export function createOcr(): Ocr {
  let worker: Promise<import('tesseract.js').Worker> | undefined;
  const start = async () => {
    const { createWorker, PSM } = await import('tesseract.js');
    const require = createRequire(import.meta.url);
    const langPath = join(dirname(require.resolve('@tesseract.js-data/fra/package.json')), '4.0.0_best_int');
    const w = await createWorker('fra', 1, { langPath, cacheMethod: 'none', gzip: true });
    await w.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK });
    return w;
  };
  return {
    async read(image) {
      worker ??= start();
      const { data } = await (await worker).recognize(image);
      // Specks at the ends of a line come back as punctuation; approved texts start and end with a letter.
      return normaliseText(data.text).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    },
    async close() {
      if (worker) await (await worker).terminate();
      worker = undefined;
    },
  };
}
