// Running text of a page for the checks of documentation and of the operation's name: a PDF's
// own text layer when it has one, else (when asked) OCR of the rendered page.
import sharp from 'sharp';
import type { Ocr } from '../inspect/ocr.ts';
import type { Page, PageText } from '../types.ts';

/** Fewer letters than this on a page is a logo's or a page number's text, not running text. */
export const MIN_RUNNING_LETTERS = 20;

/** Letters (not spaces, digits or punctuation) in a text. */
export function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/**
 * The text layer as lines in reading order. pdf.js gives runs in content-stream order, which for
 * most brochures is reading order already; runs on the same baseline are joined with a space.
 */
export function textLayer(page: Page): PageText {
  const lines: string[] = [];
  let line = '';
  let lastY: number | undefined;
  for (const run of page.textRuns) {
    const y = run.bbox[1] + run.bbox[3];
    if (lastY !== undefined && Math.abs(y - lastY) > run.bbox[3] / 2) {
      lines.push(line);
      line = '';
    }
    line = line && run.text ? `${line} ${run.text}` : line + run.text;
    lastY = y;
  }
  lines.push(line);
  const text = lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
  return { page: page.index, text, source: 'pdf-text', confidence: 1 };
}

/** OCR of the whole page, for pages whose text is only drawn (scans, flattened PDFs, images). */
export async function readByOcr(page: Page, ocr: Ocr): Promise<PageText> {
  const png = await sharp(page.rgba, { raw: { width: page.width, height: page.height, channels: 4 } }).png().toBuffer();
  const { text, confidence } = await ocr.read(png);
  return { page: page.index, text, source: 'ocr', confidence };
}
