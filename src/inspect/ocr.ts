// The OCR worker: tesseract.js with the French model shipped on npm, offline, started once per
// process.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normaliseText } from './texts.ts';

export interface OcrReading {
  /** Lines joined by spaces. */
  text: string;
  /** 0..1: Tesseract's mean word confidence. */
  confidence: number;
}

export interface Ocr {
  /** Reads the text of an image (PNG or JPEG bytes). */
  read(image: Buffer): Promise<OcrReading>;
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
      const text = normaliseText(data.text).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      return { text, confidence: Math.max(0, Math.min(1, data.confidence / 100)) };
    },
    async close() {
      if (worker) await (await worker).terminate();
      worker = undefined;
    },
  };
}
