// How soft the capture is: the Gaussian blur that, applied to the approved artwork, looks most like
// the registered logo. Scans, web downscales and registration itself all soften outlines; the
// artwork is then compared at that softness, so that only what is really drawn differently stands
// out (foreign marks, altered texts), not every stroke's edge.
import { blurPlane } from '../image/blur.ts';
import { correlation } from '../image/stats.ts';
import { ELEMENT_IDS } from '../charter/schema.ts';
import { edgeMap } from '../image/edges.ts';
import type { InspectionModel } from './model.ts';

/** Blurs tried, in reference pixels: from crisp to a scan of a small logo at σ 1.2 page px. */
export const BLUR_LADDER = [0, 0.4, 0.7, 1, 1.4, 1.9, 2.5, 3.2];

/** The artwork (mean of the badge variants) blurred at each step of the ladder, and its outlines. */
export function blurredArtwork(meanGray: Float32Array, width: number, height: number): { grays: Float32Array[]; edges: Float32Array[] } {
  const grays = BLUR_LADDER.map((sigma) => blurPlane(meanGray, width, height, sigma));
  return { grays, edges: grays.map((g) => edgeMap(g, width, height)) };
}

/** An element whose best blurred likeness stays under this is missing or defaced: it says nothing of the blur. */
const MIN_ELEMENT_LIKENESS = 0.5;

/**
 * Index in BLUR_LADDER of the blur that makes the artwork look most like the registered luma:
 * for each element, the step whose blurred artwork correlates best over its inks and surroundings
 * where every badge variant agrees; then the median over the elements that look like themselves
 * (a removed element's flat ground favours any blur). The sign is dropped and the artwork is also
 * tried in negative on its paper: an inverted logo is as sharp as the original, but its inks flip
 * against each other and not against the paper, which no sign of the positive artwork matches.
 */
export function measureBlur(model: InspectionModel, luma: Float32Array, onPage: Uint8Array): number {
  const { ref, variantText, inkZone, regions, artworkLadder, negativeLadder } = model;
  const steps: number[] = [];
  for (const id of ELEMENT_IDS) {
    const mask = new Uint8Array(ref.width * ref.height);
    for (let i = 0; i < mask.length; i++) mask[i] = onPage[i] && inkZone[i] && regions[id][i] && !variantText[i] && !Number.isNaN(luma[i]) ? 1 : 0;
    let best = 0;
    let bestScore = -Infinity;
    artworkLadder.forEach((artwork, k) => {
      const score = Math.max(Math.abs(correlation(luma, artwork, mask)), Math.abs(correlation(luma, negativeLadder[k], mask)));
      if (score > bestScore) [best, bestScore] = [k, score];
    });
    if (bestScore >= MIN_ELEMENT_LIKENESS) steps.push(best);
  }
  if (!steps.length) return 0;
  steps.sort((a, b) => a - b);
  return steps[(steps.length - 1) >> 1];
}
