// How soft the capture is: the Gaussian blur that, applied to the approved artwork, looks most like
// the registered logo. Scans, web downscales and registration itself all soften outlines; the
// artwork is then compared at that softness, so that only what is really drawn differently stands
// out (foreign marks, altered texts), not every stroke's edge.
import { blurPlane } from '../image/blur.ts';
import { correlation } from '../image/stats.ts';
import { ELEMENT_IDS, type ElementId } from '../charter/schema.ts';
import type { ElementMeasurement } from '../types.ts';
import type { InspectionModel } from './model.ts';

/** Blurs tried, in reference pixels: from crisp to a scan of a small logo at σ 1.2 page px. */
export const BLUR_LADDER = [0, 0.4, 0.7, 1, 1.4, 1.9, 2.5, 3.2];

/** The artwork's shared parts (what every badge variant draws) blurred at each step of the ladder. */
export function blurredArtwork(model: Pick<InspectionModel, 'ref'>): Float32Array[] {
  const { ref } = model;
  return BLUR_LADDER.map((sigma) => blurPlane(ref.variants[0].gray.data, ref.width, ref.height, sigma));
}

/**
 * σ (reference pixels) of the ladder step whose blurred artwork correlates best with the
 * registered luma, over the present elements' inks and surroundings, where every variant agrees.
 * The correlation's sign is dropped: an inverted logo is as sharp as the original.
 */
export function measureBlur(model: InspectionModel, luma: Float32Array, onPage: Uint8Array, elements: Record<ElementId, ElementMeasurement>): number {
  const { ref, variantText, inkZone, regions, blurLadder } = model;
  const present = ELEMENT_IDS.filter((id) => elements[id].present);
  const mask = new Uint8Array(ref.width * ref.height);
  for (let i = 0; i < mask.length; i++) {
    mask[i] = onPage[i] && inkZone[i] && !variantText[i] && !Number.isNaN(luma[i]) && present.some((id) => regions[id][i]) ? 1 : 0;
  }
  let best = 0;
  let bestScore = -Infinity;
  blurLadder.forEach((artwork, k) => {
    const score = Math.abs(correlation(luma, artwork, mask));
    if (score > bestScore) [best, bestScore] = [BLUR_LADDER[k], score];
  });
  return best;
}
