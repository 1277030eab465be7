// detection → measurements. Everything a rule may ask about one logo is measured here, once:
// geometry from the registration, colours per element and palette entry, presence, texts,
// foreign marks, clear space. Rules then only read the frozen result. This file only orders the
// steps; each measurement lives in its own file.
import { REF_SCALE, type ReferenceModel } from '../charter/reference.ts';
import { ELEMENT_IDS, type ElementId } from '../charter/schema.ts';
import { edgeMap } from '../image/edges.ts';
import { multiply } from '../image/homography.ts';
import { dilate } from '../image/morphology.ts';
import type { Detection, LogoMeasurement, Page } from '../types.ts';
import { measureClearSpace } from './clear-space.ts';
import { croppedEdges, registerLogo } from './crop.ts';
import { measureElements, round } from './elements.ts';
import { decompose } from './geometry.ts';
import { isMonochrome, measureColours, minSampleDepth } from './inks.ts';
import { foreignInkPixels, foreignMarks, foreignOutlines, toAdditions, type PartnerLogo } from './marks.ts';
import { buildInspectionModel } from './model.ts';
import { BLUR_LADDER, measureBlur } from './blur.ts';
import { flatInk, measureNoise } from './noise.ts';
import type { Ocr } from './ocr.ts';
import { readTexts } from './texts.ts';

export type { PartnerLogo };

export interface Inspector {
  measure(page: Page, detection: Detection): Promise<LogoMeasurement>;
}

export function createInspector(ref: ReferenceModel, ocr: Ocr, partnerLogo?: PartnerLogo): Inspector {
  const model = buildInspectionModel(ref, partnerLogo);
  const { charter } = model;

  async function measure(page: Page, detection: Detection): Promise<LogoMeasurement> {
    const pageFromArtwork = detection.homography;
    const pageFromRef = multiply(pageFromArtwork, [1 / REF_SCALE, 0, 0, 0, 1 / REF_SCALE, 0, 0, 0, 1]);
    const geometry = decompose(pageFromArtwork, charter.artwork, page.dpi);
    const { registered, onPage, luma, visibleFraction } = registerLogo(page, pageFromRef, ref);
    const pageEdges = edgeMap(luma, ref.width, ref.height);
    const refPerPagePx = ref.width / Math.max(1, geometry.widthPx);
    const minDepth = minSampleDepth(refPerPagePx);
    const blurStep = measureBlur(model, luma, onPage);
    const blur = BLUR_LADDER[blurStep];
    const clearSpace = measureClearSpace(charter, page, pageFromArtwork);
    const ground = clearSpace.plain ? clearSpace.ground : null;
    const elements = measureElements(model, onPage, pageEdges, blurStep, clearSpace.plain);
    const noise = measureNoise(luma, ref.width, flatInk(ref.colourDepth['*'], onPage, minDepth + 1));

    // 1. Inks, from what every badge variant shares: enough to know how the logo is coloured.
    const outlines = foreignOutlines(model, pageEdges, onPage, ground !== null, refPerPagePx, noise);
    measureColours(model, elements, registered, onPage, dilate(outlines, ref.width, ref.height, 3), ref.colourDepth['*'], minDepth, null, noise);

    // 2. Foreign marks: outlines the artwork does not have, and pixels that differ from the
    // artwork drawn in the inks just measured (a recoloured logo then raises none).
    const marks = foreignMarks(model, registered, onPage, outlines, elements, ground, refPerPagePx, null, blur);
    // Marks in a text's own ink are its wording changed, not something added on top: the text is
    // judged with them; marks in any other ink are set aside so the text under them is still read.
    const markZone = dilate(foreignInkPixels(model, marks, registered, elements), ref.width, ref.height, 2);

    // 3. Texts, judged around the marks.
    const { badge, tagline, unverifiable } = await readTexts(model, ocr, page, pageFromArtwork, elements, registered, onPage, markZone, geometry.widthPx, blur);

    // 4. Inks again, now that the badge's own strokes are known; an altered text has no known
    // strokes, so only what every variant shares is sampled there, and an altered tagline not at all.
    measureColours(model, elements, registered, onPage, markZone, ref.colourDepth[badge.match ?? '*'], minDepth, tagline.match ? null : 'tagline', noise);

    // 5. Marks another rule already explains are not additions: an altered text, a removed element.
    const explained: ElementId[] = ELEMENT_IDS.filter((id) => !elements[id].present);
    if (elements.badge.present && !badge.match) explained.push('badge');
    if (elements.tagline.present && !tagline.match) explained.push('tagline');
    const variant = ref.variants.find((v) => v.id === badge.match) ?? null;
    const finalMarks = variant ? foreignMarks(model, registered, onPage, outlines, elements, ground, refPerPagePx, variant, blur) : marks;
    const additions = toAdditions(model, finalMarks, explained, registered, pageFromRef, page.dpi ?? charter.minSize.assumedDpi, noise);

    return {
      detection,
      geometry,
      elements,
      monochrome: isMonochrome(elements),
      badge,
      tagline,
      additions,
      clearSpace: { marginPx: clearSpace.marginPx, occupiedFraction: clearSpace.occupiedFraction },
      croppedEdges: visibleFraction < 1 ? croppedEdges(pageFromRef, ref, page) : [],
      visibleFraction: round(visibleFraction),
      noise,
      blur: Math.round((blur / refPerPagePx) * 100) / 100,
      unverifiable,
    };
  }

  return { measure };
}
