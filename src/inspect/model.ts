// What inspection compares every logo with, computed once per checker from the reference model:
// the artwork's outlines, each element's region, where the inks are, where the badge texts differ,
// and the palette in L*a*b*. The measurement steps read it and never change it.
import { REF_SCALE, type ReferenceModel } from '../charter/reference.ts';
import { ELEMENT_IDS, type Charter, type ElementId, type PaletteEntry } from '../charter/schema.ts';
import { hexToLab } from '../image/colour.ts';
import { components } from '../image/components.ts';
import { dilate } from '../image/morphology.ts';
import type { Lab } from '../types.ts';
import { blurredArtwork } from './blur.ts';
import type { PartnerLogo } from './marks.ts';
import type { ApprovedText } from './texts.ts';

export interface InspectionModel {
  ref: ReferenceModel;
  charter: Charter;
  /** The approved badge texts, and the tagline, as texts are judged against them. */
  badges: ApprovedText[];
  taglines: ApprovedText[];
  /** The charter's palette with each entry's colour in L*a*b*. */
  palette: Record<string, PaletteEntry & { lab: Lab }>;
  /** Outline strength of the mean badge variant (see edgeMap). */
  refEdges: Float32Array;
  /** The mean badge variant blurred at each step of BLUR_LADDER, and its outlines (see blur.ts). */
  artworkLadder: Float32Array[];
  edgeLadder: Float32Array[];
  /** Each element's visible area, dilated by 3 reference pixels: where its outlines are judged. */
  regions: Record<ElementId, Uint8Array>;
  /** The logo's inked area, dilated by 1: where marks show on a busy ground. */
  inkZone: Uint8Array;
  /** Where the badge variants' pixels disagree (their texts), dilated by 2. */
  variantText: Uint8Array;
  /** Height of the lowercase letters of each text element, in artwork units (see letterHeight). */
  letterHeight: Record<'badge' | 'tagline', number>;
  /** The partner's own logo, the one addition Article X allows. */
  partnerLogo?: PartnerLogo;
}

export function buildInspectionModel(ref: ReferenceModel, partnerLogo?: PartnerLogo): InspectionModel {
  const charter = ref.charter;
  const badges: ApprovedText[] = charter.badges.map((b) => ({ id: b.id, text: b.text }));
  const taglines: ApprovedText[] = [{ id: 'tagline', text: charter.tagline.text }];
  const palette = Object.fromEntries(Object.entries(charter.palette).map(([k, v]) => [k, { ...v, lab: hexToLab(v.hex) }]));
  // Presence is judged on outlines: they survive recolouring, greyscale and inversion, and vanish
  // with the element (an arrow deleted from the @ leaves flat blue, which its luma alone would not show).
  const meanGray = new Float32Array(ref.width * ref.height);
  for (const v of ref.variants) for (let i = 0; i < meanGray.length; i++) meanGray[i] += v.gray.data[i] / ref.variants.length;
  const { grays: artworkLadder, edges: edgeLadder } = blurredArtwork(meanGray, ref.width, ref.height);
  const refEdges = edgeLadder[0];
  const regions = Object.fromEntries(ELEMENT_IDS.map((id) => [id, dilate(ref.elementMasks[id], ref.width, ref.height, 3)])) as Record<ElementId, Uint8Array>;
  const inkZone = dilate(ref.emptyMask.map((v) => (v ? 0 : 1)), ref.width, ref.height, 1);
  // Where the badge variants' pixels disagree: their texts, unknown until the badge is read.
  const variantText = new Uint8Array(ref.width * ref.height);
  for (let i = 0; i < variantText.length; i++) {
    const g = ref.variants.map((v) => v.gray.data[i]);
    if (Math.max(...g) - Math.min(...g) > 24) variantText[i] = 1;
  }
  const variantZone = dilate(variantText, ref.width, ref.height, 2);
  variantText.set(variantZone);
  const letterHeight = { badge: letterHeightOf(ref, 'badge'), tagline: letterHeightOf(ref, 'tagline') };
  return { ref, charter, badges, taglines, palette, refEdges, regions, inkZone, variantText, artworkLadder, edgeLadder, letterHeight, partnerLogo };
}

/**
 * The median height of the glyphs of a text element, over its badge variants (the smallest), in
 * artwork units: most glyphs of a French text are lowercase, so this is about its x-height, which
 * decides whether OCR can read it. Glyphs are the pixels of the element's box far from the box's
 * median grey: dark letters on a white ground for the tagline, white ones on the blue badge.
 */
function letterHeightOf(ref: ReferenceModel, id: 'badge' | 'tagline'): number {
  const [bx, by, bw, bh] = ref.charter.elements[id].box.map((v) => v * REF_SCALE);
  const x0 = Math.max(0, Math.ceil(bx));
  const y0 = Math.max(0, Math.ceil(by));
  const w = Math.min(ref.width, Math.floor(bx + bw)) - x0;
  const h = Math.min(ref.height, Math.floor(by + bh)) - y0;
  let smallest = Infinity;
  for (const variant of ref.variants) {
    const grey = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) grey[y * w + x] = variant.gray.data[(y0 + y) * ref.width + x0 + x];
    const median = [...grey].sort((a, b) => a - b)[grey.length >> 1];
    const glyphs = grey.map((v) => (Math.abs(v - median) > 64 ? 1 : 0));
    const heights = components(glyphs, w, h)
      .filter((r) => r.area >= 4)
      .map((r) => r.y1 - r.y0 + 1)
      .sort((a, b) => a - b);
    if (heights.length) smallest = Math.min(smallest, heights[heights.length >> 1]);
  }
  return Number.isFinite(smallest) ? smallest / REF_SCALE : 0;
}
