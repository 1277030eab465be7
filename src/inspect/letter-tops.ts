// Accents, the dots of i and j and the tops of tall letters, checked one by one: a whole-text
// comparison cannot see « offre referencee » for « offre référencée », since the missing accents
// are a few pixels of a long text. Each part above the x-height (glyphs.ts) is judged alone, by
// which of two drawings explains the page better there: the artwork as approved, or the artwork
// with that part erased — both as soft as the capture. On a soft capture the letter under an
// accent bleeds into the accent's place, so the page correlates with the approved drawing even
// where the accent is gone (0.55–0.67 measured on a scan); it correlates with the erased one
// better still.
import { blurPlane } from '../image/blur.ts';
import { correlation } from '../image/stats.ts';
import type { UpperPart } from './glyphs.ts';

/** Share of a part's box that must show (on the page, not under a mark) for it to be judged. */
const PART_SHOWN = 0.95;

/** Grey range under which the erased drawing's window is blank. */
const BLANK_RANGE = 8;
/** Grey range, as a share of the drawn part's, under which a window is flat (nothing drawn there). */
const FLAT_SHARE = 0.2;

/** How alike the page is, around one letter top, to the artwork with it and without it. */
export interface TopEvidence {
  /** |correlation| with the approved drawing; NaN when the place cannot be judged. */
  withTop: number;
  /** |correlation| with the drawing where the part is erased. */
  withoutTop: number;
  /** The part stands apart from its letter: erased, the window is blank and correlates with nothing. */
  apart: boolean;
}

/**
 * For each part, the page's luma compared over the part's box widened by `margin` reference pixels
 * sideways and upwards (not down, where its letter is) with the crisp artwork `crisp` blurred by
 * `blur`, the part drawn and erased (its `glyphs` pixels set to the ground around it). NaN where
 * the part is off the page or hidden (`hidden`, e.g. under a foreign mark): nothing to judge.
 */
export function letterTopEvidence(
  luma: Float32Array,
  crisp: ArrayLike<number>,
  glyphs: Uint8Array,
  width: number,
  parts: UpperPart[],
  hidden: Uint8Array,
  margin: number,
  blur: number,
): TopEvidence[] {
  const height = luma.length / width;
  const pad = Math.ceil(3 * blur) + 1;
  // Each part by a function of its own: V8 compiled a callback made afresh on each call again every time.
  return parts.map((p) => partEvidence(luma, crisp, glyphs, width, height, p, hidden, margin, blur, pad));
}

function partEvidence(
  luma: Float32Array,
  crisp: ArrayLike<number>,
  glyphs: Uint8Array,
  width: number,
  height: number,
  p: UpperPart,
  hidden: Uint8Array,
  margin: number,
  blur: number,
  pad: number,
): TopEvidence {
  const wx0 = Math.max(0, p.x0 - margin);
  const wx1 = Math.min(width - 1, p.x1 + margin);
  const wy0 = Math.max(0, p.y0 - margin);
  const wy1 = Math.min(height - 1, p.y1);
  // The patch the blur needs around the window.
  const px0 = Math.max(0, wx0 - pad);
  const py0 = Math.max(0, wy0 - pad);
  const pw = Math.min(width - 1, wx1 + pad) - px0 + 1;
  const ph = Math.min(height - 1, wy1 + pad) - py0 + 1;
  const drawn = new Float32Array(pw * ph);
  const ground: number[] = [];
  for (let y = 0; y < ph; y++) {
    for (let x = 0; x < pw; x++) {
      const i = (py0 + y) * width + px0 + x;
      drawn[y * pw + x] = crisp[i];
      if (!glyphs[i]) ground.push(crisp[i]);
    }
  }
  const groundValue = ground.length ? ground.sort((a, b) => a - b)[ground.length >> 1] : 255;
  const erased = Float32Array.from(drawn);
  for (let y = p.y0; y <= p.y1; y++) for (let x = p.x0; x <= p.x1; x++) if (glyphs[y * width + x]) erased[(y - py0) * pw + x - px0] = groundValue;
  const soft = [blurPlane(drawn, pw, ph, blur), blurPlane(erased, pw, ph, blur)];
  const page: number[] = [];
  const models: number[][] = [[], []];
  let total = 0;
  for (let y = wy0; y <= wy1; y++) {
    for (let x = wx0; x <= wx1; x++) {
      const i = y * width + x;
      total++;
      if (Number.isNaN(luma[i]) || hidden[i]) continue;
      page.push(luma[i]);
      for (const m of [0, 1]) models[m].push(soft[m][(y - py0) * pw + x - px0]);
    }
  }
  // A part the page edge or a mark cuts into looks unlike the artwork there whatever it is.
  if (page.length < PART_SHOWN * total) return { withTop: NaN, withoutTop: NaN, apart: false };
  const apart = range(models[1]) < BLANK_RANGE;
  // The page flat where the artwork draws the part and hardly anything else: no correlation can
  // be had with a flat patch, yet it is the plainest sign that the part is gone.
  const drawnRange = range(models[0]);
  if (range(page) < FLAT_SHARE * drawnRange && range(models[1]) < FLAT_SHARE * drawnRange) return { withTop: 0, withoutTop: 1, apart };
  return { withTop: Math.abs(correlation(page, models[0])), withoutTop: apart ? 0 : Math.abs(correlation(page, models[1])), apart };
}

function range(values: number[]): number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max - min;
}
