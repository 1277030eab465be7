// Running text of a page for the checks of documentation and of the operation's name: a PDF's
// own text layer when it has one, else (when asked) OCR of the rendered page.
import sharp from 'sharp';
import type { Ocr } from '../inspect/ocr.ts';
import type { BBox, Page, PageText } from '../types.ts';

/** Fewer letters than this on a page is a logo's or a page number's text, not running text. */
export const MIN_RUNNING_LETTERS = 20;

/** Letters (not spaces, digits or punctuation) in a text. */
export function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** Whether the centre of a run lies in one of the boxes. */
function inside(run: BBox, boxes: readonly BBox[]): boolean {
  const x = run[0] + run[2] / 2;
  const y = run[1] + run[3] / 2;
  return boxes.some(([bx, by, bw, bh]) => x >= bx && x <= bx + bw && y >= by && y <= by + bh);
}

/**
 * The text layer as lines in reading order, without the runs inside `exclude` (the logos found).
 * pdf.js gives runs in content-stream order, which for most brochures is reading order already;
 * runs on the same baseline are joined with a space.
 */
export function textLayer(page: Page, exclude: readonly BBox[] = []): PageText {
  const lines: string[] = [];
  let line = '';
  let lastY: number | undefined;
  for (const run of page.textRuns) {
    if (inside(run.bbox, exclude)) continue;
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

/** OCR of the whole page, for pages whose text is only drawn (scans, flattened PDFs, images); the logos found are blanked first. */
export async function readByOcr(page: Page, ocr: Ocr, exclude: readonly BBox[] = []): Promise<PageText> {
  const rgba = exclude.length ? blanked(page, exclude) : page.rgba;
  const png = await sharp(rgba, { raw: { width: page.width, height: page.height, channels: 4 } }).png().toBuffer();
  const { text, confidence } = await ocr.read(png);
  return { page: page.index, text, source: 'ocr', confidence };
}

/** A copy of the page with the boxes painted white. */
function blanked(page: Page, boxes: readonly BBox[]): Uint8Array {
  const rgba = Uint8Array.from(page.rgba);
  for (const [bx, by, bw, bh] of boxes) {
    const x0 = Math.max(0, Math.floor(bx));
    const y0 = Math.max(0, Math.floor(by));
    const x1 = Math.min(page.width, Math.ceil(bx + bw));
    const y1 = Math.min(page.height, Math.ceil(by + bh));
    for (let y = y0; y < y1; y++) rgba.fill(255, (y * page.width + x0) * 4, (y * page.width + x1) * 4);
  }
  return rgba;
}
