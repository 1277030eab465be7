// What inspection compares every logo with, computed once per checker from the reference model:
// the artwork's outlines, each element's region, where the inks are, where the badge texts differ,
// and the palette in L*a*b*. The measurement steps read it and never change it.
import { REF_SCALE, type ReferenceModel } from '../charter/reference.ts';
import { ELEMENT_IDS, type Charter, type ElementId, type PaletteEntry } from '../charter/schema.ts';
import { hexToLab } from '../image/colour.ts';
import { findUpperParts, glyphMask, glyphsOf, medianHeight, type UpperPart } from './glyphs.ts';
import { dilate } from '../image/morphology.ts';
import { inNegative } from '../image/raster.ts';
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
  /** The same with the logo's inks in negative and the paper as it is: how an inverted logo looks. */
  negativeLadder: Float32Array[];
  /** Each badge variant's grey in negative on its paper (inNegative), by variant id: how its inverted texts look. */
  negativeVariants: Record<string, Float32Array>;
  /** Each element's visible area, dilated by 3 reference pixels: where its outlines are judged. */
  regions: Record<ElementId, Uint8Array>;
  /** The logo's inked area, dilated by 1: where marks show on a busy ground. */
  inkZone: Uint8Array;
  /** Where the badge variants' pixels disagree (their texts), dilated by 2. */
  variantText: Uint8Array;
  /** Height of the lowercase letters of each text element, in artwork units. */
  letterHeight: Record<'badge' | 'tagline', number>;
  /** Where any approved text draws its letters (glyphs.ts), per text element. */
  textGlyphs: Record<'badge' | 'tagline', Uint8Array>;
  /** Each approved text's accents, dots and letter tops (glyphs.ts), by badge variant id and 'tagline'. */
  upperParts: Record<string, UpperPart[]>;
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
  const { grays: negativeLadder } = blurredArtwork(inNegative(meanGray, ref.emptyMask), ref.width, ref.height);
  const negativeVariants = Object.fromEntries(ref.variants.map((v) => [v.id, inNegative(v.gray.data, ref.emptyMask)]));
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
  const upperParts: Record<string, UpperPart[]> = { tagline: findUpperParts(glyphsOf(ref, 'tagline', ref.variants[0].gray)) };
  for (const v of ref.variants) upperParts[v.id] = findUpperParts(glyphsOf(ref, 'badge', v.gray));
  const textGlyphs = { tagline: glyphMask(ref, 'tagline', ref.variants[0].gray), badge: new Uint8Array(ref.width * ref.height) };
  for (const v of ref.variants) glyphMask(ref, 'badge', v.gray).forEach((g, i) => (textGlyphs.badge[i] ||= g));
  return { ref, charter, badges, taglines, palette, refEdges, regions, inkZone, variantText, artworkLadder, edgeLadder, negativeLadder, negativeVariants, letterHeight, textGlyphs, upperParts, partnerLogo };
}

/**
 * The smallest median glyph height of a text element over the badge variants, in artwork units:
 * about its x-height, which decides whether OCR can read it.
 */
function letterHeightOf(ref: ReferenceModel, id: 'badge' | 'tagline'): number {
  const heights = ref.variants.map((v) => medianHeight(glyphsOf(ref, id, v.gray))).filter((h) => h > 0);
  return heights.length ? Math.min(...heights) / REF_SCALE : 0;
}
