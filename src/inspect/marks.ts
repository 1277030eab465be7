// Foreign marks: what is drawn on the logo that the approved artwork does not have. Outlines the
// artwork lacks, and pixels that differ from the artwork redrawn in the inks measured on the page;
// marks in a text's own ink are a change of its wording, not an addition; the partner's own logo
// is the one addition Article X allows.
import pixelmatch from 'pixelmatch';
import { REF_SCALE, type ReferenceModel, type VariantRaster } from '../charter/reference.ts';
import { ELEMENT_IDS, type ElementId } from '../charter/schema.ts';
import { deltaE2000, hexToRgb, medianColour, rgbToLab } from '../image/colour.ts';
import { blurRgba } from '../image/blur.ts';
import { components, groupNearby, type Region } from '../image/components.ts';
import { mapBox, roundBox } from '../image/homography.ts';
import { dilate, erodeMask, maxFilter } from '../image/morphology.ts';
import { correlation } from '../image/stats.ts';
import { beyond } from '../image/stats.ts';
import type { AdditionRegion, BBox, ElementMeasurement, Lab } from '../types.ts';
import type { InspectionModel } from './model.ts';

/** Edge strength (blurred |dx|+|dy| of luma) of a mark's outline; JPEG q40 blocking stays under 15. */
const MARK_EDGE = 30;
/**
 * Grain alone makes edges too: for noise of σ grey levels, the blurred |dx|+|dy| of pure noise
 * averages 2.3σ with a spread of about 0.5σ, so an outline must pass 5σ to be a mark's.
 */
const MARK_EDGE_PER_NOISE = 5;
/** Grain of σ grey levels clumps into specks of about this many pixels per level (one σ). */
const SPECK_PIXELS_PER_NOISE = 5;
/** Artwork edge strength under which a place counts as blank in the artwork. */
const KNOWN_EDGE = 10;
/** Marks closer than this many times the taller one's height are parts of one addition. */
const MARK_REACH = 0.75;
/** Fewest differing pixels (reference raster) a mark is made of. */
const MIN_MARK_PIXELS = 30;
/** A mark pixel within this CIEDE2000 of a text's own ink, or of its ground, is drawn in it. */
const OWN_INK = 15;
/**
 * A change of wording is made of the text's ink and of bare ground where letters were: at least
 * this share of its pixels are one or the other, and at least LETTERS_GONE of them are letters
 * gone. Stars, stickers and scribbles in foreign inks have neither; a word or a ® added over the
 * ground has ink but no letter gone.
 */
const WORDING_SHARE = 0.5;
const LETTERS_GONE = 0.05;

/** The partner's own logo as grey, resized (see check.ts loadPartnerLogo). */
export interface PartnerLogo {
  gray: Float32Array;
  width: number;
  height: number;
}

/** Pixels of marks on the reference raster, and their regions (one per mark). */
export interface Marks {
  pixels: Uint8Array;
  regions: Region[];
}

/** Strong page outlines with no artwork outline within the registration tolerance. */
export function foreignOutlines(model: InspectionModel, pageEdges: Float32Array, onPage: Uint8Array, plainGround: boolean, refPerPagePx: number, noise: number): Uint8Array {
  const { ref, refEdges, inkZone } = model;
  const n = ref.width * ref.height;
  const markEdge = Math.max(MARK_EDGE, MARK_EDGE_PER_NOISE * noise);
  // A small logo is upsampled into the reference frame: its outlines spread over more pixels.
  const known = maxFilter(refEdges, ref.width, ref.height, Math.max(3, Math.round(2.5 * refPerPagePx)));
  const pixels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!onPage[i] || !(pageEdges[i] > markEdge)) continue;
    // On a busy ground (a photo behind the logo) only marks over the inks can be told apart.
    if (!plainGround && !inkZone[i]) continue;
    if (known[i] < KNOWN_EDGE) pixels[i] = 1;
  }
  return pixels;
}

/**
 * Pixels of marks drawn on the logo: foreign outlines, plus pixels that differ (pixelmatch) from
 * the approved artwork drawn in the inks measured on the page and on the page's ground: from the
 * badge variant read, or until it is, from every approved one.
 */
export function foreignMarks(
  model: InspectionModel,
  registered: Uint8Array,
  onPage: Uint8Array,
  outlines: Uint8Array,
  elements: Record<ElementId, ElementMeasurement>,
  ground: number[] | null,
  refPerPagePx: number,
  variant: VariantRaster | null,
  blur: number,
): Marks {
  const { ref } = model;
  const { width, height } = ref;
  const n = width * height;
  // Pixel differences are trusted only for a logo in the charter's inks: a recoloured one is
  // resampled through inks measured with some error everywhere, and judged on its outlines alone.
  const offPalette = Object.values(elements).some((e) => e.colours.some((c) => c.deltaE > c.tolerance));
  if (offPalette) return { pixels: outlines, regions: components(dilate(outlines, width, height, 4), width, height, outlines) };
  // Until the badge is read, a pixel differs when it differs from every approved badge: a mark
  // over the badge's text shows, its wording does not.
  const differs = new Uint8Array(n).fill(1);
  for (const v of variant ? [variant] : ref.variants) {
    const d = differences(model, v, registered, onPage, elements, ground, blur);
    for (let i = 0; i < n; i++) differs[i] &= d[i];
  }
  // Registration and resampling blur outlines over about a page pixel: differences that thin
  // along the artwork's edges are not marks. An opening of that width removes them there; away
  // from the artwork's edges a thin stroke (a pen scribble) is a mark all the same.
  const r = Math.max(1, Math.round(refPerPagePx));
  const opened = dilate(erodeMask(differs, width, height, r), width, height, r);
  const nearEdge = maxFilter(model.refEdges, width, height, r + 1);
  for (let i = 0; i < n; i++) differs[i] = opened[i] || (differs[i] && !(nearEdge[i] >= KNOWN_EDGE)) ? 1 : 0;
  const pixels = new Uint8Array(n);
  for (let i = 0; i < n; i++) pixels[i] = differs[i] || outlines[i] ? 1 : 0;
  // The strokes of one mark (the glyphs of « -20 % ») make one region.
  return { pixels, regions: components(dilate(pixels, width, height, 4), width, height, pixels) };
}

/**
 * Pixels that differ (pixelmatch) from the approved artwork of one badge variant, drawn in the inks
 * measured on the page, on the page's ground, as soft as the capture.
 */
function differences(
  model: InspectionModel,
  variant: VariantRaster,
  registered: Uint8Array,
  onPage: Uint8Array,
  elements: Record<ElementId, ElementMeasurement>,
  ground: number[] | null,
  blur: number,
): Uint8Array {
  const { ref, inkZone } = model;
  const { width, height } = ref;
  const n = width * height;
  const inked = recolour(variant.rgba, elements, ref);
  if (ground) {
    for (let i = 0; i < n; i++) if (ref.emptyMask[i]) [inked[i * 4], inked[i * 4 + 1], inked[i * 4 + 2]] = ground;
  }
  // As soft as the capture shows it: crisp artwork would differ along every blurred stroke.
  const expected = blurRgba(inked, width, height, blur);
  const page = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    // On a busy ground (a photo behind the logo) only marks over the inks can be told apart.
    const compare = onPage[i] && (ground !== null || inkZone[i]);
    for (let c = 0; c < 4; c++) page[i * 4 + c] = compare ? registered[i * 4 + c] : expected[i * 4 + c];
  }
  const diff = new Uint8Array(n * 4);
  // Anti-aliased pixels count: a thin pen stroke is all anti-aliasing, and the blurred artwork
  // already accounts for soft edges.
  pixelmatch(page, expected, diff, width, height, { threshold: 0.2, includeAA: true, diffMask: true, diffColor: [255, 0, 0] });
  const differs = new Uint8Array(n);
  for (let i = 0; i < n; i++) differs[i] = diff[i * 4] === 255 && diff[i * 4 + 1] === 0 && diff[i * 4 + 3] > 0 ? 1 : 0;
  return differs;
}

/**
 * Mark pixels, less the regions that are a change of wording. A changed word differs from the
 * artwork both where new letters are (in the text's ink) and where old ones were (letters gone):
 * a region with a good share of the text's own ink and some of the artwork's letters gone is a
 * change of wording. Ink added over the ground with no letter gone (a ® after the tagline, in its
 * blue) is an addition.
 */
export function foreignInkPixels(model: InspectionModel, marks: Marks, registered: Uint8Array, elements: Record<ElementId, ElementMeasurement>): Uint8Array {
  const { ref, charter, palette, textGlyphs } = model;
  const out = new Uint8Array(marks.pixels);
  // An ink too thin to measure on the text itself is taken where the same palette entry was measured.
  const measuredAnywhere = (name: string) => Object.values(elements).flatMap((e) => e.colours).find((c) => c.expected === name)?.measured;
  for (const r of marks.regions) {
    const cx = (r.x0 + r.x1) / 2 / REF_SCALE;
    const cy = (r.y0 + r.y1) / 2 / REF_SCALE;
    const id = (['tagline', 'badge'] as const).find((e) => inside(charter.elements[e].box, cx, cy));
    if (!id) continue;
    const inks = charter.elements[id].colours.map(
      (name) => elements[id].colours.find((c) => c.expected === name)?.measured ?? measuredAnywhere(name) ?? palette[name].lab,
    );
    const ground = groundColour(model, id, registered, marks.pixels);
    let total = 0;
    let own = 0;
    let gone = 0;
    for (let y = r.y0; y <= r.y1; y++) {
      for (let x = r.x0; x <= r.x1; x++) {
        const i = y * ref.width + x;
        if (!marks.pixels[i]) continue;
        total++;
        const lab = rgbToLab({ r: registered[i * 4], g: registered[i * 4 + 1], b: registered[i * 4 + 2] });
        if (inks.some((ink) => deltaE2000(lab, ink) < OWN_INK)) own++;
        // Where the artwork has a letter, the page shows the bare ground: that letter is gone.
        if (textGlyphs[id][i] && deltaE2000(lab, ground) < OWN_INK) gone++;
      }
    }
    if (total && gone >= LETTERS_GONE * total && own + gone >= WORDING_SHARE * total) {
      for (let y = r.y0; y <= r.y1; y++) for (let x = r.x0; x <= r.x1; x++) out[y * ref.width + x] = 0;
    }
  }
  return out;
}

/** Median colour of the ground between a text's letters on the page, away from marks. */
function groundColour(model: InspectionModel, id: 'badge' | 'tagline', registered: Uint8Array, marked: Uint8Array): Lab {
  const { ref, charter, textGlyphs } = model;
  const [bx, by, bw, bh] = charter.elements[id].box.map((v) => v * REF_SCALE);
  const ground = new Uint8Array(ref.width * ref.height);
  for (let y = Math.max(0, Math.ceil(by)); y < Math.min(ref.height, Math.floor(by + bh)); y++) {
    for (let x = Math.max(0, Math.ceil(bx)); x < Math.min(ref.width, Math.floor(bx + bw)); x++) {
      const i = y * ref.width + x;
      if (!marked[i] && !textGlyphs[id][i] && registered[i * 4 + 3]) ground[i] = 1;
    }
  }
  return rgbToLab(medianColour(registered, ground).rgb);
}

/** Mark regions large enough to see, as additions on the page, less those another rule explains. */
export function toAdditions(model: InspectionModel, marks: Marks, explained: ElementId[], registered: Uint8Array, pageFromRef: number[], dpi: number, noise: number): AdditionRegion[] {
  const { ref, charter } = model;
  const n = ref.width * ref.height;
  const minSidePx = (charter.addition.minSideMm / 25.4) * dpi;
  const out: AdditionRegion[] = [];
  const unexplained = marks.regions.filter((r) => !explained.some((id) => inside(charter.elements[id].box, (r.x0 + r.x1) / 2 / REF_SCALE, (r.y0 + r.y1) / 2 / REF_SCALE)));
  // The glyphs of a « -20 % » sticker are one addition: a reader sees one mark, not one per glyph.
  for (const r of groupNearby(unexplained, MARK_REACH)) {
    // A mark is as large as the part of the logo it covers (its box), as a reader sees it; its
    // own pixels are often only an outline (a star in the logo's blue shows only where it
    // leaves the blue). Specks of a few pixels are noise, whatever their box.
    const areaFraction = ((r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1)) / n;
    if (areaFraction < charter.addition.minAreaFraction || r.area < MIN_MARK_PIXELS) continue;
    // Reference pixel centres sit on integers: the region's area starts half a pixel before x0.
    const bbox = roundBox(mapBox(pageFromRef, [r.x0 - 0.5, r.y0 - 0.5, r.x1 - r.x0 + 1, r.y1 - r.y0 + 1]));
    // Too small to see on the printed page: resampling noise on a small logo, not a mark.
    if (Math.min(bbox[2], bbox[3]) < minSidePx) continue;
    // A mark a few times larger than the specks this grain makes is certainly drawn.
    const confidence = beyond(r.area, MIN_MARK_PIXELS, 4 + SPECK_PIXELS_PER_NOISE * noise);
    out.push({ bbox, areaFraction: Math.round(areaFraction * 10000) / 10000, partnerLogo: isPartnerLogo(model, registered, r), confidence });
  }
  return out;
}

/** Whether a mark region looks like the partner's own logo (grey correlation). */
function isPartnerLogo(model: InspectionModel, registered: Uint8Array, r: Region): boolean {
  const { ref, partnerLogo } = model;
  if (!partnerLogo) return false;
  const w = r.x1 - r.x0 + 1;
  const h = r.y1 - r.y0 + 1;
  if (w < 4 || h < 4) return false;
  const page = new Float32Array(w * h);
  const logo = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const k = ((r.y0 + y) * ref.width + r.x0 + x) * 4;
      page[y * w + x] = 0.299 * registered[k] + 0.587 * registered[k + 1] + 0.114 * registered[k + 2];
      const lx = Math.min(partnerLogo.width - 1, Math.floor((x / w) * partnerLogo.width));
      const ly = Math.min(partnerLogo.height - 1, Math.floor((y / h) * partnerLogo.height));
      logo[y * w + x] = partnerLogo.gray[ly * partnerLogo.width + lx];
    }
  }
  return correlation(page, logo) > 0.6;
}

const hexBytes = (hex: string) => {
  const { r, g, b } = hexToRgb(hex);
  return [r, g, b];
};

/**
 * The approved artwork with each palette colour replaced by the colour measured for it on that
 * element, so a recoloured logo is compared shape for shape and only foreign marks stand out.
 */
function recolour(expected: Uint8Array, elements: Record<ElementId, ElementMeasurement>, ref: ReferenceModel): Uint8Array {
  const out = new Uint8Array(expected);
  const palette = Object.entries(ref.charter.palette).map(([name, p]) => ({ name, rgb: hexBytes(p.hex) }));
  // An ink too thin to measure on one element (the badge's white text on a small logo) takes the
  // colour the same palette entry has elsewhere: recolouring tools change an ink everywhere.
  const everywhere = new Map<string, number[]>();
  for (const id of ELEMENT_IDS) for (const c of elements[id].colours) if (!everywhere.has(c.expected)) everywhere.set(c.expected, hexBytes(c.measuredHex));
  const n = ref.width * ref.height;
  for (const id of ELEMENT_IDS) {
    const measured = new Map(elements[id].colours.map((c) => [c.expected, hexBytes(c.measuredHex)]));
    const mask = ref.elementMasks[id];
    for (let i = 0; i < n; i++) {
      if (!mask[i]) continue;
      const px = [expected[i * 4], expected[i * 4 + 1], expected[i * 4 + 2]];
      // Anti-aliased pixels belong to no palette entry and keep their colour.
      const entry = palette.find((p) => Math.hypot(px[0] - p.rgb[0], px[1] - p.rgb[1], px[2] - p.rgb[2]) < 24);
      const to = entry && (measured.get(entry.name) ?? everywhere.get(entry.name));
      if (to) [out[i * 4], out[i * 4 + 1], out[i * 4 + 2]] = to;
    }
  }
  return out;
}

function inside([x, y, w, h]: readonly number[], px: number, py: number): boolean {
  return px >= x && px <= x + w && py >= y && py <= y + h;
}
