// Presence of each element, judged on outlines: they survive recolouring, greyscale and inversion,
// and vanish with the element. An element is present when enough of it lies on the page and its
// outlines correlate with the artwork's — or, for a text, when other words stand in its place.
import { ELEMENT_IDS, type ElementId } from '../charter/schema.ts';
import { correlation } from '../image/stats.ts';
import type { ElementMeasurement } from '../types.ts';
import type { InspectionModel } from './model.ts';

/**
 * Outline energy, over the artwork's, above which a text whose outlines do not match is another
 * wording in its place, not a deletion. Measured on seed 83 (scan, web, photo, small, cut):
 * texts removed 0.00–0.02, texts replaced or reworded 0.68–0.92, approved texts 0.86–1.13.
 */
const OTHER_WORDS = 0.35;
const TEXTS: readonly ElementId[] = ['tagline', 'badge'];

/**
 * `pageEdges` is the edgeMap of the registered logo's luma; `blurStep` the capture's blur (an
 * index in BLUR_LADDER), at which the artwork's outlines are compared: a soft capture's outlines
 * are wide and faint, and would hardly correlate with crisp ones. On a busy ground (`plainGround`
 * false) the outlines of what lies behind the logo could pass for other words: there a text is
 * present only by likeness.
 */
export function measureElements(model: InspectionModel, onPage: Uint8Array, pageEdges: Float32Array, blurStep: number, plainGround: boolean): Record<ElementId, ElementMeasurement> {
  const { ref, charter, regions, variantText } = model;
  const refEdges = model.edgeLadder[blurStep];
  const n = ref.width * ref.height;
  const elements = {} as Record<ElementId, ElementMeasurement>;
  for (const id of ELEMENT_IDS) {
    const mask = ref.elementMasks[id];
    let total = 0;
    let seen = 0;
    for (let i = 0; i < n; i++) if (mask[i]) (total++, onPage[i] && seen++);
    const region = new Uint8Array(n);
    // The badge's words are unknown until it is read: its presence is judged on what every variant
    // shares, its box. (An inverted badge's box outline is faint and its letters strong: judged
    // with the mean of every variant's words, it correlated with nothing.)
    for (let i = 0; i < n; i++) region[i] = regions[id][i] && !variantText[i] && !Number.isNaN(pageEdges[i]) ? 1 : 0;
    const likeness = Math.max(0, correlation(pageEdges, refEdges, region));
    const strength = outlineStrength(pageEdges, refEdges, region);
    const elementVisible = total ? seen / total : 0;
    const otherWords = plainGround && TEXTS.includes(id) && strength >= OTHER_WORDS;
    const present = elementVisible > 0.25 && (likeness >= charter.presence.minLikeness || otherWords);
    elements[id] = { id, visibleFraction: round(elementVisible), likeness: round(likeness), outlineStrength: round(strength), present, colours: [] };
  }
  return elements;
}

/** Outline energy of the page over the artwork's in a region: 0 where the page is blank there. */
export function outlineStrength(pageEdges: ArrayLike<number>, refEdges: ArrayLike<number>, region: Uint8Array): number {
  let page = 0;
  let artwork = 0;
  for (let i = 0; i < region.length; i++) {
    if (!region[i]) continue;
    page += pageEdges[i];
    artwork += refEdges[i];
  }
  return artwork > 0 ? page / artwork : 0;
}

export const round = (v: number) => Math.round(v * 1000) / 1000;
