// detection → measurements. Everything a rule may ask about one logo is measured here, once:
// geometry from the registration, colours per element and palette entry, presence, texts,
// foreign marks, clear space. Rules then only read the frozen result.
import sharp from 'sharp';
import pixelmatch from 'pixelmatch';
import { ELEMENT_IDS, type Charter, type ElementId } from '../charter/schema.ts';
import type {
  AdditionRegion,
  BBox,
  ClearSpaceMeasurement,
  ColourMeasurement,
  Detection,
  ElementMeasurement,
  LogoMeasurement,
  Page,
  TextMeasurement,
} from '../types.ts';
import { correlation, invert, multiply, project } from '../detect/raster.ts';
import { REF_SCALE, type ReferenceModel, type VariantRaster } from '../detect/reference.ts';
import { sampleGridRgb, type ScoreGrid } from '../detect/register.ts';
import { deltaE2000, hexToLab, hexToRgb, medianColour, rgbToHex, rgbToLab } from './colour.ts';
import { decompose } from './geometry.ts';
import { judgeText, type ApprovedText, type Ocr } from './text.ts';

/**
 * Worst-tile correlation with an approved text's artwork (see tileLikeness) above which the text is
 * taken as that one without OCR. It grows with the logo's width, since small logos blur every text
 * alike. Measured on rendered logos, JPEG q40–90, white ground:
 *   width   right text     one word changed   next-best badge   misspelt badge
 *   130 px  0.74–0.87      0.54–0.58          0.30–0.45         0.44–0.45
 *   160 px  0.75–0.89      0.59–0.60          0.29–0.42         0.43
 *   250 px  0.92–0.96      0.66–0.67          0.26–0.36         0.40–0.41
 *   520 px  0.97–0.99      0.70               0.20–0.33         0.38
 * A change of accent alone (Télécoms → Telecoms) stays within the right text's range: OCR cannot
 * be afforded on every logo to catch it.
 */
function textThreshold(widthPx: number): number {
  return Math.min(0.85, Math.max(0.65, 0.5 + 0.0015 * widthPx));
}
/** …and the best approved text must beat every other one by this much. */
const TEXT_MARGIN = 0.15;
/** Colours are sampled this many page pixels away from any edge (anti-aliasing, JPEG chroma). */
const COLOUR_MARGIN_PX = 2;
/** Edge strength (blurred |dx|+|dy| of luma) of a mark's outline; JPEG q40 blocking stays under 15. */
const MARK_EDGE = 30;
/** Artwork edge strength under which a place counts as blank in the artwork. */
const KNOWN_EDGE = 10;
/** Fewest differing pixels (reference raster) a mark is made of. */
const MIN_MARK_PIXELS = 30;
/** A mark pixel within this CIEDE2000 of a text's own ink is drawn in that ink… */
const OWN_INK = 15;
/**
 * …and a mark with this share of such pixels is the text's wording changed. Measured on generated
 * sets: changed words 0.27–0.70 of their marks' pixels, stars, stickers and scribbles in foreign
 * inks 0.00.
 */
const OWN_INK_SHARE = 0.15;
/** Fewest edge-free pixels a colour is judged on. */
const MIN_COLOUR_SAMPLES = 30;
/** A chroma (C*ab) under this is neutral ink: grey, black or white. */
const NEUTRAL_CHROMA = 12;

export interface PartnerLogo {
  gray: Float32Array;
  width: number;
  height: number;
}

export interface Inspector {
  measure(page: Page, detection: Detection): Promise<LogoMeasurement>;
}

export function createInspector(ref: ReferenceModel, grid: ScoreGrid, ocr: Ocr, partnerLogo?: PartnerLogo): Inspector {
  const charter = ref.charter;
  const badges: ApprovedText[] = charter.badges.map((b) => ({ id: b.id, text: b.text }));
  const taglines: ApprovedText[] = [{ id: 'tagline', text: charter.tagline.text }];
  const palette = Object.fromEntries(Object.entries(charter.palette).map(([k, v]) => [k, { ...v, lab: hexToLab(v.hex) }]));
  // Presence is judged on outlines: they survive recolouring, greyscale and inversion, and vanish
  // with the element (an arrow deleted from the @ leaves flat blue, which its luma alone would not show).
  const meanGray = new Float32Array(ref.width * ref.height);
  for (const v of ref.variants) for (let i = 0; i < meanGray.length; i++) meanGray[i] += v.gray.data[i] / ref.variants.length;
  const refEdges = edgeMap(meanGray, ref.width, ref.height);
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

  async function measure(page: Page, detection: Detection): Promise<LogoMeasurement> {
    const pageFromArtwork = detection.homography;
    const pageFromRef = multiply(pageFromArtwork, [1 / REF_SCALE, 0, 0, 0, 1 / REF_SCALE, 0, 0, 0, 1]);
    const geometry = decompose(pageFromArtwork, charter.artwork, page.dpi);
    const [R, G, B, L] = sampleGridRgb(page.rgba, page.width, page.height, pageFromRef, ref.width, ref.height, 1);
    const n = ref.width * ref.height;
    const registered = new Uint8Array(n * 4);
    const onPage = new Uint8Array(n);
    let visible = 0;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(L[i])) continue;
      onPage[i] = 1;
      visible++;
      registered[i * 4] = R[i];
      registered[i * 4 + 1] = G[i];
      registered[i * 4 + 2] = B[i];
      registered[i * 4 + 3] = 255;
    }
    const visibleFraction = visible / n;
    const pageEdges = edgeMap(L, ref.width, ref.height);

    const refPerPagePx = ref.width / Math.max(1, geometry.widthPx);
    const minDepth = Math.max(1.5, COLOUR_MARGIN_PX * refPerPagePx);
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

    // 1. Inks, from what every badge variant shares: enough to know how the logo is coloured.
    const clearSpace = measureClearSpace(page, pageFromArtwork);
    const ground = clearSpace.plain ? clearSpace.ground : null;
    const outlines = foreignOutlines(pageEdges, onPage, ground !== null, refPerPagePx);
    measureColours(elements, registered, onPage, dilate(outlines, ref.width, ref.height, 3), ref.colourDepth['*'], minDepth, null);

    // 2. Foreign marks: outlines the artwork does not have, and pixels that differ from the
    // artwork drawn in the inks just measured (a recoloured logo then raises none).
    const marks = foreignMarks(registered, onPage, outlines, elements, ground, refPerPagePx, null);
    // Marks in a text's own ink are its wording changed, not something added on top: the text is
    // judged with them; marks in any other ink are set aside so the text under them is still read.
    const markZone = dilate(foreignInkPixels(marks, registered, elements), ref.width, ref.height, 2);

    // 3. Texts, judged around the marks. A text whose wording changed no longer looks like the
    // artwork, yet it is there: if OCR reads something close to an approved text, it is present.
    const texts = { badge: nothing(), tagline: nothing() };
    for (const [id, approved] of [
      ['badge', badges],
      ['tagline', taglines],
    ] as const) {
      const element = elements[id];
      if (element.visibleFraction <= 0.25) continue;
      const read = await readText(id, page, pageFromArtwork, registered, onPage, markZone, approved, geometry.widthPx);
      if (!element.present && read.text !== null && read.similarity >= charter.text.minSimilarity) element.present = true;
      if (element.present) texts[id] = read;
    }
    const { badge, tagline } = texts;

    // 4. Inks again, now that the badge's own strokes are known; an altered text has no known
    // strokes, so only what every variant shares is sampled there, and an altered tagline not at all.
    measureColours(elements, registered, onPage, markZone, ref.colourDepth[badge.match ?? '*'], minDepth, tagline.match ? null : 'tagline');

    // 5. Marks another rule already explains are not additions: an altered text, a removed element.
    const explained: ElementId[] = ELEMENT_IDS.filter((id) => !elements[id].present);
    if (elements.badge.present && !badge.match) explained.push('badge');
    if (elements.tagline.present && !tagline.match) explained.push('tagline');
    const variant = ref.variants.find((v) => v.id === badge.match) ?? null;
    const finalMarks = variant ? foreignMarks(registered, onPage, outlines, elements, ground, refPerPagePx, variant) : marks;
    const additions = toAdditions(finalMarks, explained, registered, pageFromRef, page.dpi ?? charter.minSize.assumedDpi);

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
    };
  }

  async function readText(
    id: 'badge' | 'tagline',
    page: Page,
    pageFromArtwork: number[],
    registered: Uint8Array,
    onPage: Uint8Array,
    marked: Uint8Array,
    approved: ApprovedText[],
    widthPx: number,
  ): Promise<TextMeasurement> {
    const [bx, by, bw, bh] = charter.elements[id].box;
    // 1. The PDF's own text, when runs fall inside the element's box.
    const artworkFromPage = invert(pageFromArtwork);
    const runs = page.textRuns
      .filter((run) => {
        const [x, y] = project(artworkFromPage, run.bbox[0] + run.bbox[2] / 2, run.bbox[1] + run.bbox[3] / 2);
        return x >= bx && x <= bx + bw && y >= by && y <= by + bh;
      })
      .sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
    if (runs.length) return judgeText(runs.map((r) => r.text).join(' '), 'pdf-text', approved);

    // 2. The approved artwork itself: the registered pixels correlate with one approved text.
    const inset = 4 * REF_SCALE;
    const box = new Uint8Array(ref.width * ref.height);
    for (let y = Math.ceil((by * REF_SCALE) + inset); y < Math.floor((by + bh) * REF_SCALE - inset); y++) {
      for (let x = Math.ceil(bx * REF_SCALE + inset); x < Math.floor((bx + bw) * REF_SCALE - inset); x++) {
        if (onPage[y * ref.width + x] && !marked[y * ref.width + x]) box[y * ref.width + x] = 1;
      }
    }
    const luma = lumaOf(registered);
    const scores = approved.map((text) => {
      const variant = id === 'badge' ? ref.variants.find((v) => v.id === text.id)! : ref.variants[0];
      return { text, score: tileLikeness(luma, variant.gray.data, box, ref.width) };
    });
    scores.sort((a, b) => b.score - a.score);
    if (scores[0].score >= textThreshold(widthPx) && (scores.length < 2 || scores[0].score - scores[1].score > TEXT_MARGIN)) {
      return { ...judgeText(scores[0].text.text, 'artwork', approved), similarity: 1 };
    }

    // 3. OCR of the element, resampled with dark text on light. A badge is read inside its box,
    // whose edges would otherwise come out as a stray "|"; the tagline, with a margin around it.
    const area = id === 'badge' ? [bx + 12, by + 6, bw - 24, bh - 12] : [bx - 8, by - 8, bw + 16, bh + 16];
    const crop = await textImage(page, pageFromArtwork, area);
    const read = await ocr.read(crop);
    return judgeText(read || null, read ? 'ocr' : null, approved);
  }

  async function textImage(page: Page, pageFromArtwork: number[], [bx, by, bw, bh]: number[]): Promise<Buffer> {
    const scale = 1.5;
    const w = Math.round(bw * scale);
    const h = Math.round(bh * scale);
    const offset = [1 / scale, 0, bx, 0, 1 / scale, by, 0, 0, 1];
    const [, , , L] = sampleGridRgb(page.rgba, page.width, page.height, multiply(pageFromArtwork, offset), w, h, 1);
    const gray = new Uint8Array(w * h);
    let sum = 0;
    for (let i = 0; i < gray.length; i++) sum += Number.isNaN(L[i]) ? 255 : L[i];
    // Tesseract reads dark text on a light ground; the badge is light text on a dark box.
    const flip = sum / gray.length < 128;
    for (let i = 0; i < gray.length; i++) {
      const v = Number.isNaN(L[i]) ? 255 : L[i];
      gray[i] = flip ? 255 - v : v;
    }
    const pad = 20;
    return sharp(gray, { raw: { width: w, height: h, channels: 1 } })
      .normalise()
      .extend({ top: pad, bottom: pad, left: pad, right: pad, background: '#ffffff' })
      // Tesseract reads the resolution from the file and warns on stderr when there is none.
      .withMetadata({ density: 300 })
      .png()
      .toBuffer();
  }

  /** The band around the logo the charter keeps clear, and the colour of the ground there. */
  function measureClearSpace(page: Page, pageFromArtwork: number[]): ClearSpaceMeasurement & { plain: boolean; ground: number[] } {
    const { width, height } = charter.artwork;
    const margin = charter.clearSpace.marginRatio * height;
    const samples: number[][] = [];
    const step = Math.max(2, margin / 8);
    for (let y = -margin; y <= height + margin; y += step) {
      for (let x = -margin; x <= width + margin; x += step) {
        if (x > 0 && x < width && y > 0 && y < height) continue;
        const [px, py] = project(pageFromArtwork, x, y);
        const ix = Math.round(px);
        const iy = Math.round(py);
        if (ix < 0 || iy < 0 || ix >= page.width || iy >= page.height) continue;
        const k = (iy * page.width + ix) * 4;
        samples.push([page.rgba[k], page.rgba[k + 1], page.rgba[k + 2]]);
      }
    }
    const marginPx = Math.round(margin * Math.hypot(pageFromArtwork[3], pageFromArtwork[4]) * 10) / 10;
    if (samples.length === 0) return { marginPx, occupiedFraction: 0, plain: true, ground: [255, 255, 255] };
    const median = [0, 1, 2].map((c) => samples.map((s) => s[c]).sort((a, b) => a - b)[samples.length >> 1]);
    // Another colour than the surrounding ground, by more than a printing tolerance, is content.
    const occupied = samples.filter((s) => Math.hypot(s[0] - median[0], s[1] - median[1], s[2] - median[2]) > 40).length;
    const occupiedFraction = Math.round((occupied / samples.length) * 1000) / 1000;
    return { marginPx, occupiedFraction, plain: occupiedFraction < 0.1, ground: median };
  }

  function measureColours(
    elements: Record<ElementId, ElementMeasurement>,
    registered: Uint8Array,
    onPage: Uint8Array,
    avoid: Uint8Array,
    depths: Record<ElementId, Record<string, Float32Array>>,
    minDepth: number,
    skip: ElementId | null,
  ): void {
    const n = ref.width * ref.height;
    for (const id of ELEMENT_IDS) {
      elements[id].colours = [];
      if (!elements[id].present || id === skip) continue;
      for (const name of charter.elements[id].colours) {
        const depth = depths[id][name];
        const sample = new Uint8Array(n);
        for (let i = 0; i < n; i++) if (depth[i] >= minDepth && onPage[i] && !avoid[i]) sample[i] = 1;
        const { rgb, samples } = medianColour(registered, sample);
        // Too few pixels lie clear of edges (thin strokes on a small logo): no reliable colour.
        if (samples < MIN_COLOUR_SAMPLES) continue;
        const lab = rgbToLab(rgb);
        elements[id].colours.push({
          expected: name,
          measured: roundLab(lab),
          measuredHex: rgbToHex(rgb),
          deltaE: Math.round(deltaE2000(lab, palette[name].lab) * 10) / 10,
          tolerance: palette[name].tolerance,
          samples,
        });
      }
    }
  }

  /** Strong page outlines with no artwork outline within the registration tolerance. */
  function foreignOutlines(pageEdges: Float32Array, onPage: Uint8Array, plainGround: boolean, refPerPagePx: number): Uint8Array {
    const n = ref.width * ref.height;
    // A small logo is upsampled into the reference frame: its outlines spread over more pixels.
    const known = maxFilter(refEdges, ref.width, ref.height, Math.max(3, Math.round(2.5 * refPerPagePx)));
    const pixels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (!onPage[i] || !(pageEdges[i] > MARK_EDGE)) continue;
      // On a busy ground (a photo behind the logo) only marks over the inks can be told apart.
      if (!plainGround && !inkZone[i]) continue;
      if (known[i] < KNOWN_EDGE) pixels[i] = 1;
    }
    return pixels;
  }

  /**
   * Pixels of marks drawn on the logo: foreign outlines, plus pixels that differ (pixelmatch) from
   * the approved artwork drawn in the inks measured on the page and on the page's ground. Where the
   * badge variants disagree (their texts) nothing is compared until the text is known.
   */
  function foreignMarks(
    registered: Uint8Array,
    onPage: Uint8Array,
    outlines: Uint8Array,
    elements: Record<ElementId, ElementMeasurement>,
    ground: number[] | null,
    refPerPagePx: number,
    variant: VariantRaster | null,
  ): { pixels: Uint8Array; regions: Region[] } {
    const { width, height } = ref;
    const n = width * height;
    const dontCare = variant ? null : variantText;
    // Pixel differences are trusted only for a logo in the charter's inks: a recoloured one is
    // resampled through inks measured with some error everywhere, and judged on its outlines alone.
    const offPalette = Object.values(elements).some((e) => e.colours.some((c) => c.deltaE > c.tolerance));
    if (offPalette) return { pixels: outlines, regions: components(dilate(outlines, width, height, 4), width, height, outlines) };
    const expected = recolour((variant ?? ref.variants[0]).rgba, elements, ref);
    if (ground) {
      for (let i = 0; i < n; i++) if (ref.emptyMask[i]) [expected[i * 4], expected[i * 4 + 1], expected[i * 4 + 2]] = ground;
    }
    const page = new Uint8Array(n * 4);
    for (let i = 0; i < n; i++) {
      const compare = onPage[i] && !dontCare?.[i] && (ground !== null || inkZone[i]);
      for (let c = 0; c < 4; c++) page[i * 4 + c] = compare ? registered[i * 4 + c] : expected[i * 4 + c];
    }
    const diff = new Uint8Array(n * 4);
    pixelmatch(page, expected, diff, width, height, { threshold: 0.2, includeAA: false, diffMask: true, diffColor: [255, 0, 0], aaColor: [0, 0, 0] });
    let differs: Uint8Array = new Uint8Array(n);
    for (let i = 0; i < n; i++) differs[i] = diff[i * 4] === 255 && diff[i * 4 + 1] === 0 && diff[i * 4 + 3] > 0 ? 1 : 0;
    // Registration and resampling blur outlines over about a page pixel: differences that thin
    // along the artwork's edges are not marks. An opening of that width removes them.
    const r = Math.max(1, Math.round(refPerPagePx));
    differs = dilate(erodeMask(differs, width, height, r), width, height, r);
    const pixels = new Uint8Array(n);
    for (let i = 0; i < n; i++) pixels[i] = differs[i] || outlines[i] ? 1 : 0;
    // The strokes of one mark (the glyphs of « -20 % ») make one region.
    return { pixels, regions: components(dilate(pixels, width, height, 4), width, height, pixels) };
  }

  /**
   * Mark pixels, less the regions drawn in the ink of the text element they lie in. A changed word
   * differs from the artwork both where new letters are (in the text's ink) and where old ones were
   * (in the ground's colour): a region with a good share of the text's own ink is a change of wording.
   */
  function foreignInkPixels(marks: { pixels: Uint8Array; regions: Region[] }, registered: Uint8Array, elements: Record<ElementId, ElementMeasurement>): Uint8Array {
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
      let total = 0;
      let own = 0;
      for (let y = r.y0; y <= r.y1; y++) {
        for (let x = r.x0; x <= r.x1; x++) {
          const i = y * ref.width + x;
          if (!marks.pixels[i]) continue;
          total++;
          const lab = rgbToLab({ r: registered[i * 4], g: registered[i * 4 + 1], b: registered[i * 4 + 2] });
          if (inks.some((ink) => deltaE2000(lab, ink) < OWN_INK)) own++;
        }
      }
      if (total && own / total >= OWN_INK_SHARE) {
        for (let y = r.y0; y <= r.y1; y++) for (let x = r.x0; x <= r.x1; x++) out[y * ref.width + x] = 0;
      }
    }
    return out;
  }

  function toAdditions(marks: { pixels: Uint8Array; regions: Region[] }, explained: ElementId[], registered: Uint8Array, pageFromRef: number[], dpi: number): AdditionRegion[] {
    const n = ref.width * ref.height;
    const minSidePx = (charter.addition.minSideMm / 25.4) * dpi;
    const out: AdditionRegion[] = [];
    for (const r of marks.regions) {
      // A mark is as large as the part of the logo it covers (its box), as a reader sees it; its
      // own pixels are often only an outline (a star in the logo's blue shows only where it
      // leaves the blue). Specks of a few pixels are noise, whatever their box.
      const areaFraction = ((r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1)) / n;
      if (areaFraction < charter.addition.minAreaFraction || r.area < MIN_MARK_PIXELS) continue;
      const cx = (r.x0 + r.x1) / 2 / REF_SCALE;
      const cy = (r.y0 + r.y1) / 2 / REF_SCALE;
      if (explained.some((id) => inside(charter.elements[id].box, cx, cy))) continue;
      const corners = [
        [r.x0, r.y0],
        [r.x1 + 1, r.y0],
        [r.x1 + 1, r.y1 + 1],
        [r.x0, r.y1 + 1],
      ].map(([x, y]) => project(pageFromRef, x - 0.5, y - 0.5));
      const xs = corners.map((p) => p[0]);
      const ys = corners.map((p) => p[1]);
      const bbox: BBox = [Math.round(Math.min(...xs)), Math.round(Math.min(...ys)), Math.round(Math.max(...xs) - Math.min(...xs)), Math.round(Math.max(...ys) - Math.min(...ys))];
      // Too small to see on the printed page: resampling noise on a small logo, not a mark.
      if (Math.min(bbox[2], bbox[3]) < minSidePx) continue;
      out.push({ bbox, areaFraction: Math.round(areaFraction * 10000) / 10000, partnerLogo: isPartnerLogo(registered, r) });
    }
    return out;
  }

  function isPartnerLogo(registered: Uint8Array, r: Region): boolean {
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

  return { measure };
}

/**
 * Gradient magnitude (central differences, |dx| + |dy|), box-blurred over 3×3 so that outlines a
 * pixel off still overlap; NaN where any input is off the page.
 */
export function edgeMap(gray: ArrayLike<number>, width: number, height: number): Float32Array {
  const grad = new Float32Array(width * height).fill(NaN);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      grad[i] = Math.abs(gray[i + 1] - gray[i - 1]) + Math.abs(gray[i + width] - gray[i - width]);
    }
  }
  const out = new Float32Array(width * height).fill(NaN);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const v = grad[(y + dy) * width + x + dx];
          if (!Number.isNaN(v)) (sum += v), count++;
        }
      }
      if (count === 9) out[y * width + x] = sum / 9;
    }
  }
  return out;
}

interface Region {
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * 4-connected regions of a binary mask, with their boxes; `count` (default: the mask itself) says
 * which pixels make up a region's area.
 */
export function components(mask: Uint8Array, width: number, height: number, count: Uint8Array = mask): Region[] {
  const seen = new Uint8Array(mask.length);
  const out: Region[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const r: Region = { area: 0, x0: width, y0: height, x1: 0, y1: 0 };
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      if (count[i]) r.area++;
      r.x0 = Math.min(r.x0, x);
      r.x1 = Math.max(r.x1, x);
      r.y0 = Math.min(r.y0, y);
      r.y1 = Math.max(r.y1, y);
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1]) {
        if (j >= 0 && mask[j] && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    out.push(r);
  }
  return out;
}

/** Separable maximum filter over a (2r+1)² window; NaN counts as 0. */
export function maxFilter(values: Float32Array, width: number, height: number, r: number): Float32Array {
  const rows = new Float32Array(values.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let m = 0;
      for (let k = Math.max(0, x - r); k <= Math.min(width - 1, x + r); k++) {
        const v = values[y * width + k];
        if (v > m) m = v;
      }
      rows[y * width + x] = m;
    }
  }
  const out = new Float32Array(values.length);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      let m = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(height - 1, y + r); k++) {
        const v = rows[k * width + x];
        if (v > m) m = v;
      }
      out[y * width + x] = m;
    }
  }
  return out;
}

function inside([x, y, w, h]: readonly number[], px: number, py: number): boolean {
  return px >= x && px <= x + w && py >= y && py <= y + h;
}

export function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < width && yy < height) out[yy * width + xx] = 1;
        }
      }
    }
  }
  return out;
}

export function erodeMask(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const inverse = mask.map((v) => (v ? 0 : 1));
  return dilate(inverse, width, height, radius).map((v) => (v ? 0 : 1));
}

/**
 * The approved artwork with each palette colour replaced by the colour measured for it on that
 * element, so a recoloured logo is compared shape for shape and only foreign marks stand out.
 */
const hexBytes = (hex: string) => {
  const { r, g, b } = hexToRgb(hex);
  return [r, g, b];
};

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


/**
 * Likeness of a text box to an approved text's artwork, as the worst of its tiles: a whole-box
 * correlation hardly moves when one word of three lines changes, the tile holding that word does.
 * Tiles are a 4-column grid over each band of rows; tiles the artwork leaves blank are skipped.
 */
export function tileLikeness(page: Float32Array, artwork: Uint8Array, box: Uint8Array, width: number): number {
  let x0 = Infinity;
  let x1 = -1;
  let y0 = Infinity;
  let y1 = -1;
  for (let i = 0; i < box.length; i++) {
    if (!box[i]) continue;
    const x = i % width;
    const y = (i - x) / width;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (x1 < 0) return 0;
  const rows = Math.max(1, Math.round((y1 - y0 + 1) / ((x1 - x0 + 1) / 6)));
  const cols = 4;
  let worst = 1;
  const tile = new Uint8Array(box.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      tile.fill(0);
      const ty0 = y0 + Math.floor(((y1 - y0 + 1) * r) / rows);
      const ty1 = y0 + Math.floor(((y1 - y0 + 1) * (r + 1)) / rows);
      const tx0 = x0 + Math.floor(((x1 - x0 + 1) * c) / cols);
      const tx1 = x0 + Math.floor(((x1 - x0 + 1) * (c + 1)) / cols);
      let min = 255;
      let max = 0;
      let kept = 0;
      for (let y = ty0; y < ty1; y++) {
        for (let x = tx0; x < tx1; x++) {
          const i = y * width + x;
          if (!box[i]) continue;
          kept++;
          tile[i] = 1;
          min = Math.min(min, artwork[i]);
          max = Math.max(max, artwork[i]);
        }
      }
      // A tile that is blank in the artwork, or mostly hidden by a mark, says nothing.
      if (max - min < 64 || kept * 2 < (ty1 - ty0) * (tx1 - tx0)) continue;
      worst = Math.min(worst, Math.abs(correlation(page, artwork, tile)));
    }
  }
  return worst;
}

function lumaOf(rgba: Uint8Array): Float32Array {
  const out = new Float32Array(rgba.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = 0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2];
  return out;
}

function isMonochrome(elements: Record<ElementId, ElementMeasurement>): boolean {
  const colours = Object.values(elements).flatMap((e) => e.colours);
  if (!colours.length) return false;
  const hues = colours.filter((c) => Math.hypot(c.measured.a, c.measured.b) >= NEUTRAL_CHROMA).map((c) => Math.atan2(c.measured.b, c.measured.a));
  if (hues.length <= 1) return true;
  // One ink in several tints: every hue within 20° of the first.
  return hues.every((h) => Math.abs(Math.atan2(Math.sin(h - hues[0]), Math.cos(h - hues[0]))) < (20 * Math.PI) / 180);
}

function croppedEdges(pageFromRef: number[], ref: ReferenceModel, page: Page): Array<'left' | 'top' | 'right' | 'bottom'> {
  const quad = [
    [0, 0],
    [ref.width, 0],
    [ref.width, ref.height],
    [0, ref.height],
  ].map(([x, y]) => project(pageFromRef, x - 0.5, y - 0.5));
  const edges: Array<'left' | 'top' | 'right' | 'bottom'> = [];
  if (Math.min(...quad.map((p) => p[0])) < 0) edges.push('left');
  if (Math.min(...quad.map((p) => p[1])) < 0) edges.push('top');
  if (Math.max(...quad.map((p) => p[0])) > page.width) edges.push('right');
  if (Math.max(...quad.map((p) => p[1])) > page.height) edges.push('bottom');
  return edges;
}

function nothing(): TextMeasurement {
  return { text: null, source: null, match: null, similarity: 0, closest: null };
}

const round = (v: number) => Math.round(v * 1000) / 1000;
const roundLab = ({ L, a, b }: { L: number; a: number; b: number }) => ({ L: Math.round(L * 10) / 10, a: Math.round(a * 10) / 10, b: Math.round(b * 10) / 10 });

