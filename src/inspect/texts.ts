// Reading the badge and the tagline, and comparing what was read with the approved texts: the
// PDF's own text when it has it, else the approved artwork itself when the pixels match one text
// closely, else OCR (see ocr.ts).
import sharp from 'sharp';
import { REF_SCALE } from '../charter/reference.ts';
import type { ElementId } from '../charter/schema.ts';
import { invert, multiply, project } from '../image/homography.ts';
import { blurPlane } from '../image/blur.ts';
import { dilate } from '../image/morphology.ts';
import { lumaOf } from '../image/raster.ts';
import { sampleGridRgb } from '../image/sample.ts';
import { beyond, shiftedCorrelation } from '../image/stats.ts';
import type { ElementMeasurement, Page, TextMeasurement, TextSource, Unverifiable } from '../types.ts';
import { letterTopEvidence, type TopEvidence } from './letter-tops.ts';
import type { InspectionModel } from './model.ts';
import type { Ocr } from './ocr.ts';

/**
 * Worst-tile correlation with an approved text's artwork, blurred as the capture is (blur.ts), above
 * which the text is taken as that one without OCR. Small logos fall short of 1 through resampling.
 * Measured on a generated set of 133 files (seed 33: clean, scan, web, small pages, JPEG q40–95):
 *   width       right text: min, 10th percentile, median     one word changed     accents removed
 *   100–150 px  0.894  0.919  0.954                          —                    0.970
 *   150–200 px  0.961  0.961  0.980                          0.776 (175 px)       —
 *   200–300 px  0.970  0.970  0.983 (one recoloured 0.749)   —                    0.975–0.989
 *   300–500 px  0.978  0.983  0.990                          0.941 (308 px)       0.976
 * Accents removed stay within the right text's range.
 */
export function textThreshold(widthPx: number): number {
  return Math.min(0.97, 0.86 + 0.0005 * widthPx);
}
/** Reference pixels a tile may be off where one homography puts it (see tileLikeness). */
const TILE_SLACK = 1;
/** Share of a tile that must show (not hidden, on the page) for it to be judged. */
const TILE_SHOWN = 0.95;
/** …and the best approved text must beat every other one by this much (next-best badge ≤ 0.61). */
const TEXT_MARGIN = 0.15;
/**
 * How sure the artwork comparison alone is that a text is none of the approved ones: the right
 * text falls under the threshold by up to ~0.03 (a small logo on a scan); a changed word by 0.03
 * to 0.8, a replaced badge by more (see the table above).
 */
const CAPTURE_SHORTFALL = 0.03;
const SHORTFALL_SIGMA = 0.02;
/**
 * A letter top standing apart from its letter (an accent, a dot) is there when its likeness to
 * the blurred artwork reaches TOP_PRESENT. Measured (133 generated files): present ones 0.69–1.00
 * (0.69 on 120 px logos, ≥ 0.9 from 200 px), removed accents 0.00–0.43.
 */
const TOP_PRESENT = 0.6;
const TOP_SIGMA = 0.1;
/**
 * One touching its letter at this resolution is gone when the drawing without it explains the
 * page better than the drawing with it, by this much.
 */
const TOP_MARGIN = 0.05;
const TOP_MARGIN_SIGMA = 0.05;

/** How sure it is that at least one letter top is missing: from the surest of them. */
function missingTops(evidence: TopEvidence[]): number {
  const known = evidence.filter((e) => !Number.isNaN(e.withTop));
  const missing = known.map((e) => (e.apart ? beyond(TOP_PRESENT - e.withTop, 0, TOP_SIGMA) : beyond(e.withoutTop - e.withTop, TOP_MARGIN, TOP_MARGIN_SIGMA)));
  return missing.length ? Math.max(...missing) : 0;
}

/**
 * A capture softer than this blur (σ, page pixels), or letters shorter than this, is read by OCR
 * with confident-looking mistakes (« numerique », « choix» »): OCR alone then counts for at most
 * SOFT_OCR_CONFIDENCE. Crisp files (design software exports) measure 0.2–0.5 px; scans and
 * phone photos 0.8–2.
 */
const SOFT_BLUR_PX = 0.8;
const SHARP_TEXT_PX = 6;
const SOFT_OCR_CONFIDENCE = 0.8;
/** Below this OCR confidence, and with no artwork evidence either, a reading proves nothing. */
const MIN_OCR_CONFIDENCE = 0.5;

/** Lower case, without accents, punctuation or spaces: what OCR reads reliably of a small text. */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

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
  if (read === null) return { text: null, source, match: null, similarity: 0, closest: null, confidence: 1 };
  const text = normaliseText(read);
  let closest: ApprovedText | null = null;
  let best = -1;
  for (const candidate of approved) {
    const s = similarity(text, normaliseText(candidate.text));
    if (s > best) [best, closest] = [s, candidate];
  }
  const match = closest && normaliseText(closest.text) === text ? closest.id : null;
  return { text, source, match, similarity: Math.round(best * 1000) / 1000, closest: closest?.id ?? null, confidence: 1 };
}

/**
 * Reads the badge and the tagline, judged around the marks (`marked`). A text whose wording changed
 * no longer looks like the artwork, yet it is there: if OCR reads something close to an approved
 * text, its element is set present.
 */
export async function readTexts(
  model: InspectionModel,
  ocr: Ocr,
  page: Page,
  pageFromArtwork: number[],
  elements: Record<ElementId, ElementMeasurement>,
  registered: Uint8Array,
  onPage: Uint8Array,
  marked: Uint8Array,
  widthPx: number,
  blur: number,
): Promise<{ badge: TextMeasurement; tagline: TextMeasurement; unverifiable: Unverifiable[] }> {
  const texts = { badge: nothing(), tagline: nothing() };
  const unverifiable: Unverifiable[] = [];
  for (const [id, approved] of [
    ['badge', model.badges],
    ['tagline', model.taglines],
  ] as const) {
    const element = elements[id];
    if (element.visibleFraction <= 0.25) continue;
    const { reading: read, doubt } = await readText(model, ocr, id, page, pageFromArtwork, registered, onPage, marked, approved, widthPx, blur, element.visibleFraction >= model.charter.crop.minVisibleFraction);
    if (!element.present && read.text !== null && read.similarity >= model.charter.text.minSimilarity) element.present = true;
    if (!element.present) continue;
    texts[id] = read;
    if (doubt) unverifiable.push({ check: id === 'badge' ? 'badge-text' : 'tagline-text', element: id, ...doubt });
  }
  return { ...texts, unverifiable };
}

type Doubt = Pick<Unverifiable, 'reason' | 'textHeightPx'>;

async function readText(
  model: InspectionModel,
  ocr: Ocr,
  id: 'badge' | 'tagline',
  page: Page,
  pageFromArtwork: number[],
  registered: Uint8Array,
  onPage: Uint8Array,
  marked: Uint8Array,
  approved: ApprovedText[],
  widthPx: number,
  blur: number,
  whole: boolean,
): Promise<{ reading: TextMeasurement; doubt?: Doubt }> {
  const { ref, charter } = model;
  const [bx, by, bw, bh] = charter.elements[id].box;
  // 1. The PDF's own text, when runs fall inside the element's box.
  const artworkFromPage = invert(pageFromArtwork);
  const runs = page.textRuns
    .filter((run) => {
      const [x, y] = project(artworkFromPage, run.bbox[0] + run.bbox[2] / 2, run.bbox[1] + run.bbox[3] / 2);
      return x >= bx && x <= bx + bw && y >= by && y <= by + bh;
    })
    .sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  if (runs.length) return { reading: judgeText(runs.map((r) => r.text).join(' '), 'pdf-text', approved) };

  // 2. The approved artwork itself: the registered pixels correlate with one approved text.
  const inset = 4 * REF_SCALE;
  const box = new Uint8Array(ref.width * ref.height);
  for (let y = Math.ceil((by * REF_SCALE) + inset); y < Math.floor((by + bh) * REF_SCALE - inset); y++) {
    for (let x = Math.ceil(bx * REF_SCALE + inset); x < Math.floor((bx + bw) * REF_SCALE - inset); x++) {
      if (onPage[y * ref.width + x] && !marked[y * ref.width + x]) box[y * ref.width + x] = 1;
    }
  }
  const luma = lumaOf(registered);
  const scores = approved.map((text) => {
    const variant = id === 'badge' ? ref.variants.find((v) => v.id === text.id)! : ref.variants[0];
    const artwork = blurPlane(variant.gray.data, ref.width, ref.height, blur);
    // An inverted logo flips its inks against each other, not against the paper: where a badge's
    // rounded corners let the paper into its box, only the artwork in negative on its paper matches.
    const negative = blurPlane(model.negativeVariants[variant.id], ref.width, ref.height, blur);
    return { text, score: Math.max(tileLikeness(luma, artwork, box, ref.width, TILE_SLACK), tileLikeness(luma, negative, box, ref.width, TILE_SLACK)) };
  });
  scores.sort((a, b) => b.score - a.score);
  const threshold = textThreshold(widthPx);
  const best = scores[0];
  const alike = best.score >= threshold && (scores.length < 2 || best.score - scores[1].score > TEXT_MARGIN);
  // The text as a whole looks approved; its accents, dots and letter tops are checked one by one
  // (a text cut by the page edge is the cropped rule's, and is not).
  // Letter tops under a mark, or within two page pixels of the page edge (resampled against
  // nothing, or whatever the trim left), are not judged.
  let unjudgedMask: Uint8Array | undefined;
  const unjudged = () => (unjudgedMask ??= unjudgedArea(onPage, marked, ref.width, ref.height, widthPx));
  const tops = (text: ApprovedText) => {
    const crisp = (id === 'badge' ? ref.variants.find((v) => v.id === text.id)! : ref.variants[0]).gray.data;
    const lk = letterTopEvidence(luma, crisp, model.textGlyphs[id], ref.width, model.upperParts[text.id], unjudged(), 1 + Math.round(blur), blur);
    return missingTops(lk);
  };
  // Letters shorter than this have accents of a pixel or less: whether they are there cannot be seen.
  const textHeightPx = Math.round(model.letterHeight[id] * (widthPx / charter.artwork.width) * 10) / 10;
  const tiny = textHeightPx < charter.verdict.minTextHeightPx;
  const topsMissing = alike && whole && !tiny ? tops(best.text) : 0;
  if (alike && topsMissing < 0.5) {
    const reading = { ...judgeText(best.text.text, 'artwork', approved), similarity: 1 };
    return whole && tiny ? { reading, doubt: { reason: 'accents-too-small', textHeightPx } } : { reading };
  }
  // How sure the pixels alone are that this is no approved text at all.
  const unlike = Math.max(topsMissing, beyond(threshold - best.score, CAPTURE_SHORTFALL, SHORTFALL_SIGMA));

  // A text cut by the page edge is not judged: OCR would read a truncated text, always different
  // from the approved one, and what shows of it is aligned less surely. The cut is the cropped rule's.
  if (!whole) return { reading: alike ? { ...judgeText(best.text.text, 'artwork', approved), similarity: 1 } : unread(best.text.id) };

  // 3. Letters too small for OCR: only the artwork comparison can speak, and only when it is clear.
  if (textHeightPx < charter.verdict.minTextHeightPx) {
    if (unlike >= 0.5) return { reading: { ...judgeText(null, null, approved), confidence: unlike } };
    return { reading: unread(best.text.id), doubt: { reason: 'too-small', textHeightPx } };
  }

  // 4. OCR of the element, resampled with dark text on light. A badge is read inside its box,
  // whose edges would otherwise come out as a stray "|"; the tagline, with a margin around it.
  const area = id === 'badge' ? [bx + 12, by + 6, bw - 24, bh - 12] : [bx - 8, by - 8, bw + 16, bh + 16];
  const crop = await textImage(page, pageFromArtwork, area);
  const read = await ocr.read(crop);
  const reading = judgeText(read.text || null, read.text ? 'ocr' : null, approved);
  // OCR may restore an accent the page lacks (its French model expects one there); the pixels win.
  if (reading.match && topsMissing >= 0.5) return { reading: { ...unread(best.text.id), confidence: topsMissing } };
  if (reading.match) return { reading };
  // OCR drops accents and apostrophes on small or soft letters: a reading that differs from an
  // approved text by those alone is judged on the pixels of its accents, dots and letter tops.
  const twin = approved.find((text) => folded(text.text) === folded(read.text));
  if (twin && whole) {
    const missing = tops(twin);
    if (missing < 0.5) return { reading: { ...judgeText(twin.text, 'ocr', approved), similarity: 1 } };
    return { reading: { ...reading, confidence: missing } };
  }
  // Two independent witnesses that the text was changed: the pixels, and what OCR is sure it read.
  // Tesseract's own confidence stays high on soft or small letters it misreads, so on such a
  // capture OCR alone cannot make a verdict certain: the pixels must show the change too.
  const blurPagePx = (blur * widthPx) / ref.width;
  const soft = blurPagePx >= SOFT_BLUR_PX || textHeightPx < SHARP_TEXT_PX;
  const ocrWitness = read.text ? (soft ? Math.min(read.confidence, SOFT_OCR_CONFIDENCE) : read.confidence) : 0;
  const confidence = Math.round((1 - (1 - unlike) * (1 - ocrWitness)) * 100) / 100;
  if (unlike < 0.5 && read.confidence < MIN_OCR_CONFIDENCE) {
    return { reading: unread(best.text.id), doubt: { reason: 'too-blurred', textHeightPx } };
  }
  return { reading: { ...reading, confidence } };
}

/** The element's area of the page, resampled at 1.5 px per artwork unit, dark text on light, as PNG. */
async function textImage(page: Page, pageFromArtwork: number[], [bx, by, bw, bh]: number[]): Promise<Buffer> {
  const scale = 1.5;
  const w = Math.round(bw * scale);
  const h = Math.round(bh * scale);
  const offset = [1 / scale, 0, bx, 0, 1 / scale, by, 0, 0, 1];
  const [, , , L] = sampleGridRgb(page.rgba, page.width, page.height, multiply(pageFromArtwork, offset), w, h, 1);
  const gray = new Uint8Array(w * h);
  let sum = 0;
  for (let i = 0; i < gray.length; i++) sum += Number.isNaN(L[i]) ? 255 : L[i];
  // Tesseract reads dark text on a light ground; the badge is light text on a dark box.
  const flip = sum / gray.length < 128;
  for (let i = 0; i < gray.length; i++) {
    const v = Number.isNaN(L[i]) ? 255 : L[i];
    gray[i] = flip ? 255 - v : v;
  }
  const pad = 20;
  return sharp(gray, { raw: { width: w, height: h, channels: 1 } })
    .normalise()
    .extend({ top: pad, bottom: pad, left: pad, right: pad, background: '#ffffff' })
    // Tesseract reads the resolution from the file and warns on stderr when there is none.
    .withMetadata({ density: 300 })
    .png()
    .toBuffer();
}

/**
 * Likeness of a text box to an approved text's artwork, as the worst of its tiles: a whole-box
 * correlation hardly moves when one word of three lines changes, the tile holding that word does.
 * Tiles are a 4-column grid over each band of rows; tiles the artwork leaves blank are skipped.
 * Each tile may sit up to `slack` reference pixels off in each direction: a photo's lens and
 * flattening leave letters a pixel or so from where one homography puts them, and a word that
 * changed stays unlike the artwork however it is shifted.
 */
export function tileLikeness(page: Float32Array, artwork: ArrayLike<number>, box: Uint8Array, width: number, slack = 0): number {
  let x0 = Infinity;
  let x1 = -1;
  let y0 = Infinity;
  let y1 = -1;
  for (let i = 0; i < box.length; i++) {
    if (!box[i]) continue;
    const x = i % width;
    const y = (i - x) / width;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (x1 < 0) return 0;
  const rows = Math.max(1, Math.round((y1 - y0 + 1) / ((x1 - x0 + 1) / 6)));
  const cols = 4;
  let worst = 1;
  let judged = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const ty0 = y0 + Math.floor(((y1 - y0 + 1) * r) / rows);
      const ty1 = y0 + Math.floor(((y1 - y0 + 1) * (r + 1)) / rows);
      const tx0 = x0 + Math.floor(((x1 - x0 + 1) * c) / cols);
      const tx1 = x0 + Math.floor(((x1 - x0 + 1) * (c + 1)) / cols);
      let min = 255;
      let max = 0;
      const tile: number[] = [];
      for (let y = ty0; y < ty1; y++) {
        for (let x = tx0; x < tx1; x++) {
          const i = y * width + x;
          if (!box[i]) continue;
          tile.push(i);
          min = Math.min(min, artwork[i]);
          max = Math.max(max, artwork[i]);
        }
      }
      // A tile that is blank in the artwork, or partly hidden (a foreign mark over it, the page
      // edge through it), says nothing of the wording: what hides it is another rule's finding.
      if (max - min < 64 || tile.length < TILE_SHOWN * (ty1 - ty0) * (tx1 - tx0)) continue;
      let best = 0;
      for (let dy = -slack; dy <= slack; dy++) {
        for (let dx = -slack; dx <= slack; dx++) best = Math.max(best, Math.abs(shiftedCorrelation(page, artwork, tile, dy * width + dx)));
      }
      worst = Math.min(worst, best);
      judged++;
    }
  }
  // Every tile hidden (the text covered by something else, or gone): nothing looks like the text.
  return judged ? worst : 0;
}

function nothing(): TextMeasurement {
  return { text: null, source: null, match: null, similarity: 0, closest: null, confidence: 1 };
}

/**
 * A text that could not be read: no match, so no rule takes the likeliest approved text for
 * certain (a badge category judged on a guess would be a false accusation); `closest` keeps it.
 */
function unread(closest: string): TextMeasurement {
  return { text: null, source: null, match: null, similarity: 0, closest, confidence: 0 };
}

/** The mask of the comment in readText. A function of its own: V8 compiled a closure holding this loop afresh on every text read. */
function unjudgedArea(onPage: Uint8Array, marked: Uint8Array, width: number, height: number, widthPx: number): Uint8Array {
  const mask = dilate(Uint8Array.from(onPage, (v) => 1 - v), width, height, Math.ceil((2 * width) / Math.max(1, widthPx)));
  for (let i = 0; i < mask.length; i++) mask[i] |= marked[i];
  return mask;
}
