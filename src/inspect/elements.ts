// Presence of each element, judged on outlines: they survive recolouring, greyscale and inversion,
// and vanish with the element. An element is present when enough of it lies on the page and its
// outlines correlate with the artwork's.
import { ELEMENT_IDS, type ElementId } from '../charter/schema.ts';
import { correlation } from '../image/stats.ts';
import type { ElementMeasurement } from '../types.ts';
import type { InspectionModel } from './model.ts';

/**
 * `pageEdges` is the edgeMap of the registered logo's luma; `blurStep` the capture's blur (an
 * index in BLUR_LADDER), at which the artwork's outlines are compared: a soft capture's outlines
 * are wide and faint, and would hardly correlate with crisp ones.
 */
export function measureElements(model: InspectionModel, onPage: Uint8Array, pageEdges: Float32Array, blurStep: number): Record<ElementId, ElementMeasurement> {
  const { ref, charter, regions } = model;
  const refEdges = model.edgeLadder[blurStep];
  const n = ref.width * ref.height;
  const elements = {} as Record<ElementId, ElementMeasurement>;
  for (const id of ELEMENT_IDS) {
    const mask = ref.elementMasks[id];
    let total = 0;
    let seen = 0;
    for (let i = 0; i < n; i++) if (mask[i]) (total++, onPage[i] && seen++);
    const region = new Uint8Array(n);
    for (let i = 0; i < n; i++) region[i] = regions[id][i] && !Number.isNaN(pageEdges[i]) ? 1 : 0;
    const likeness = Math.max(0, correlation(pageEdges, refEdges, region));
    const elementVisible = total ? seen / total : 0;
    const present = elementVisible > 0.25 && likeness >= charter.presence.minLikeness;
    elements[id] = { id, visibleFraction: round(elementVisible), likeness: round(likeness), present, colours: [] };
  }
  return elements;
}

export const round = (v: number) => Math.round(v * 1000) / 1000;
