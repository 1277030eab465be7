// Accents, the dots of i and j and the tops of tall letters, checked one by one: a whole-text
// comparison cannot see « offre referencee » for « offre référencée », since the missing accents
// are a few pixels of a long text. Each part above the x-height (glyphs.ts) is compared alone with
// the artwork, blurred as the capture is.
import { correlation } from '../image/stats.ts';
import type { UpperPart } from './glyphs.ts';

/** Share of a part's box that must show (on the page, not under a mark) for it to be judged. */
const PART_SHOWN = 0.95;

/**
 * For each part, the correlation of the registered luma with the blurred artwork over the part's
 * box widened by `margin` reference pixels sideways and upwards (not down, where its letter is):
 * near 1 when the part is there, near 0 when the place is blank. NaN where the part is off the
 * page or hidden (`hidden`, e.g. under a foreign mark): nothing to judge.
 */
export function letterTopLikeness(luma: Float32Array, artwork: Float32Array, width: number, parts: UpperPart[], hidden: Uint8Array, margin: number): number[] {
  const height = luma.length / width;
  return parts.map((p) => {
    const mask = new Uint8Array(luma.length);
    let kept = 0;
    let total = 0;
    for (let y = Math.max(0, p.y0 - margin); y <= p.y1; y++) {
      for (let x = Math.max(0, p.x0 - margin); x <= Math.min(width - 1, p.x1 + margin); x++) {
        if (y >= height) continue;
        const i = y * width + x;
        total++;
        if (Number.isNaN(luma[i]) || hidden[i]) continue;
        mask[i] = 1;
        kept++;
      }
    }
    // A part the page edge or a mark cuts into looks unlike the artwork there whatever it is.
    if (kept < PART_SHOWN * total) return NaN;
    return Math.abs(correlation(luma, artwork, mask));
  });
}
