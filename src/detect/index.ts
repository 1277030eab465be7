// page → detections. Anchors (solid shapes of the logo) give candidate places; each is turned into a
// whole-logo transform, refined, and kept when the whole logo is there.
import type { Charter } from '../charter/schema.ts';
import type { BBox, Detection, Page } from '../types.ts';
import { buildReference, REF_SCALE, type ReferenceModel } from '../charter/reference.ts';
import { hexToRgb } from '../image/colour.ts';
import { mapBox, multiply, project, roundBox, type Matrix } from '../image/homography.ts';
import { rgbaToGray, type Gray } from '../image/raster.ts';
import { findAnchors, type Anchor, type AnchorLimits, type RectangleAnchor } from './anchors.ts';
import {
  buildScoreGrid,
  ellipseHypotheses,
  OPEN_SIDE_FACTORS,
  stretchOpenSides,
  rectangleHypotheses,
  referencePolar,
  refine,
  scoreLogo,
  type Hypothesis,
  type LogoScore,
} from './register.ts';

/** Smallest whole-logo width, in page pixels, the detector looks for (well under the charter minimum). */
const MIN_LOGO_WIDTH = 80;
/** Grey-level spread (standard deviation) inside a box that holds text; an empty box has ~0. */
const MIN_BOX_CONTRAST = 20;
/** A disc whose polar profile correlates less than this with the reference is not the @. */
const MIN_POLAR_SCORE = 0.45;
/**
 * Turns proposed for a disc cut by the page edge, whose arc alone leaves its rotation in doubt; all
 * are refined, since the coarse score of the right one suffers most from the arc's rough fit (the
 * tagline a few pixels off scores lower than a wrong turn that puts it off the page).
 */
const CUT_DISC_TURNS = 4;
/** Placements refined for a box cut by the page edge (one for a whole anchor). */
const CUT_BOX_TRIES = 2;
/** Coarse support within which a whole anchor's second-best turn is refined as well as its best. */
const CLOSE_SUPPORT = 0.1;
/**
 * Least share of the logo on the page: logos cut by the page edge are reported up to 60 % off it;
 * a transform that puts less on the page is a shape at the edge blown up to fit, not a logo.
 */
const MIN_ON_PAGE = 0.35;

export interface Detector {
  reference: ReferenceModel;
  detect(page: Page, gray?: Gray): Detection[];
}

export interface Candidate {
  pageFromRef: Matrix;
  mirrored: boolean;
  score: LogoScore;
  anchor: Anchor;
}

export async function createDetector(charter: Charter, reference?: ReferenceModel): Promise<Detector> {
  const ref = reference ?? (await buildReference(charter));
  const grid = buildScoreGrid(ref);
  // ECC converges only from a few pixels away: a coarser pass first widens its reach.
  const coarseGrid = buildScoreGrid(ref, 4);
  const anchors = charter.detection.anchors;
  const polar = new Map(anchors.filter((a) => a.shape === 'ellipse').map((a) => [a.element, referencePolar(ref, a.element)]));
  const minConfidence = charter.detection.minConfidence;

  const limits = anchorLimits(charter);

  function candidate(page: Page, gray: Gray, hypothesis: Hypothesis, anchor: Anchor): Candidate {
    const coarse = scoreLogo(page, hypothesis.pageFromRef, grid);
    const refined = refine(gray, refine(gray, hypothesis.pageFromRef, coarseGrid, coarse.inverted, 20), grid, coarse.inverted, 10);
    const score = scoreLogo(page, refined, grid);
    // ECC can slide onto a neighbour; keep whichever transform explains the logo better.
    return score.confidence >= coarse.confidence
      ? { pageFromRef: refined, mirrored: hypothesis.mirrored, score, anchor }
      : { pageFromRef: hypothesis.pageFromRef, mirrored: hypothesis.mirrored, score: coarse, anchor };
  }

  function detect(page: Page, pageGray?: Gray): Detection[] {
    const gray = pageGray ?? rgbaToGray(page.rgba, page.width, page.height);
    const found: Candidate[] = [];
    const all = findAnchors(page, limits, gray);
    // Discs first: they fix rotation and mirroring on their own; rectangles only fill the gaps.
    // Shapes cut by the page edge last: a whole one of the same logo says more.
    const rank = (a: Anchor) => (a.touchesEdge ? 2 : 0) + (a.shape === 'ellipse' ? 0 : 1);
    const ordered = [...all].sort((a, b) => rank(a) - rank(b));
    for (const anchor of ordered) {
      const point = anchorCentre(anchor);
      // An anchor inside a logo already found from a whole anchor is part of it; one found from a
      // cut anchor is less sure (a shape at the edge can be blown up around the real logo), so the
      // anchors inside it get their own say and suppression keeps the better.
      if (found.some((c) => !c.anchor.touchesEdge && insideLogo(c.pageFromRef, ref, point))) continue;
      for (const spec of anchors.filter((a) => a.shape === anchor.shape)) {
        let hyps: Hypothesis[];
        let floor: number;
        if (anchor.shape === 'ellipse') {
          hyps = ellipseHypotheses(gray, anchor, spec.element, ref, polar.get(spec.element)!, anchor.touchesEdge ? CUT_DISC_TURNS : 1).filter((h) => h.anchorScore >= MIN_POLAR_SCORE);
          // A quick look on the coarse grid first: most discs on a page are not the @.
          floor = minConfidence * 0.6;
        } else {
          // A badge box holds text: an empty box (a form field, a frame) is not worth registering.
          if (!holdsMarks(gray, anchor)) continue;
          hyps = rectangleHypotheses(anchor, spec.element, ref);
          floor = minConfidence * 0.75;
        }
        // A whole anchor leaves only its turn in doubt, which the coarse score settles; one cut by
        // the page edge leaves its turn or size roughly known, so its best few are refined. The
        // length of a cut box along its open sides is a guess: the floor applies once it is searched.
        const openBox = anchor.shape === 'rectangle' && anchor.open ? anchor : null;
        const ranked = hyps
          .map((h) => ({ h, s: scoreLogo(page, h.pageFromRef, coarseGrid) }))
          .filter((t) => openBox || t.s.confidence >= floor)
          .sort((a, b) => b.s.support - a.s.support);
        const tries = ranked
          .slice(0, !anchor.touchesEdge ? 1 : anchor.shape === 'ellipse' ? CUT_DISC_TURNS : CUT_BOX_TRIES)
          // A box's turns differ by little when only it and part of the tagline are on the page
          // (the rest cut off or changed): the runner-up close behind is refined too.
          .concat(!anchor.touchesEdge && ranked.length > 1 && ranked[0].s.support - ranked[1].s.support < CLOSE_SUPPORT ? [ranked[1]] : [])
          .flatMap((t) => (openBox ? alongOpenSides(page, openBox, t) : [t]))
          .filter((t) => t.s.confidence >= floor);
        let best: Candidate | null = null;
        for (const { h } of tries) {
          const c = candidate(page, gray, h, anchor);
          if (plausible(c, ref) && (!best || c.score.support > best.score.support)) best = c;
        }
        // The elements on the page must, together, match better than chance: one element that
        // matches beside others that do not is a look-alike (a blown-up transform of a page shape).
        if (best && best.score.confidence >= minConfidence && best.score.support > 0) found.push(best);
      }
    }
    return suppress(found, ref).map((c) => toDetection(c, ref));
  }

  /**
   * The length along a cut box's open sides that the whole-logo score prefers, and the one its
   * proportions give: the coarse score of a logo a pixel or two off is too rough to choose between
   * lengths 10 % apart, so both go on to be refined.
   */
  function alongOpenSides(page: Page, anchor: RectangleAnchor, start: { h: Hypothesis; s: LogoScore }): Array<{ h: Hypothesis; s: LogoScore }> {
    let best = start;
    for (const factor of OPEN_SIDE_FACTORS) {
      const h = { ...start.h, pageFromRef: stretchOpenSides(anchor, start.h.pageFromRef, factor) };
      const s = scoreLogo(page, h.pageFromRef, coarseGrid);
      if (s.support > best.s.support) best = { h, s };
    }
    return best === start ? [start] : [best, start];
  }

  return { reference: ref, detect };
}

export function anchorLimits(charter: Charter): AnchorLimits {
  const scaleOf = (id: keyof Charter['elements']) => {
    const [, , w, h] = charter.elements[id].box;
    return Math.max(w, h) / charter.artwork.width;
  };
  const smallest = Math.min(...charter.detection.anchors.map((a) => scaleOf(a.element)));
  const rectangles = charter.detection.anchors
    .filter((a) => a.shape === 'rectangle')
    .map((a) => charter.elements[a.element].box)
    .map(([, , w, h]) => Math.max(w, h) / Math.min(w, h));
  // Shapes may be stretched by the very distortions the tool must report: accept ±60 %.
  const aspect: [number, number] = rectangles.length ? [Math.min(...rectangles) / 1.6, Math.max(...rectangles) * 1.6] : [1, 1];
  const inks = [...new Set(charter.detection.anchors.map((a) => charter.elements[a.element].colours[0]))].map((name) => {
    const { r, g, b } = hexToRgb(charter.palette[name].hex);
    return [r, g, b] as [number, number, number];
  });
  return { minSize: Math.floor(MIN_LOGO_WIDTH * smallest), maxSize: 20000, rectangleAspect: aspect, ellipseAspect: 1.7, inks };
}

/** Whether the middle of a rectangle anchor has contrast (text), sampled on a 24×6 grid. */
function holdsMarks(gray: Gray, anchor: Anchor & { shape: 'rectangle' }): boolean {
  const [p0, p1, , p3] = anchor.corners;
  const values: number[] = [];
  for (let j = 0; j < 6; j++) {
    for (let i = 0; i < 24; i++) {
      const u = 0.1 + (0.8 * i) / 23;
      const v = 0.25 + (0.5 * j) / 5;
      const x = Math.round(p0[0] + u * (p1[0] - p0[0]) + v * (p3[0] - p0[0]));
      const y = Math.round(p0[1] + u * (p1[1] - p0[1]) + v * (p3[1] - p0[1]));
      if (x >= 0 && y >= 0 && x < gray.width && y < gray.height) values.push(gray.data[y * gray.width + x]);
    }
  }
  if (values.length < 20) return false;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return sd >= MIN_BOX_CONTRAST;
}

/** Whether a candidate's logo is one the detector looks for: large enough, mostly on the page. */
function plausible(c: Candidate, ref: ReferenceModel): boolean {
  const [a, b, , d, e] = c.pageFromRef;
  // The width of an undistorted logo of the same area.
  const width = Math.sqrt(Math.abs(a * e - b * d)) * ref.width;
  return width >= MIN_LOGO_WIDTH && c.score.onPage >= MIN_ON_PAGE;
}

function anchorCentre(anchor: Anchor): [number, number] {
  if (anchor.shape === 'ellipse') return [anchor.cx, anchor.cy];
  const xs = anchor.corners.map((c) => c[0]);
  const ys = anchor.corners.map((c) => c[1]);
  return [xs.reduce((a, b) => a + b) / 4, ys.reduce((a, b) => a + b) / 4];
}

function corners(pageFromRef: Matrix, ref: ReferenceModel): Array<[number, number]> {
  return [
    [0, 0],
    [ref.width, 0],
    [ref.width, ref.height],
    [0, ref.height],
  ].map(([x, y]) => project(pageFromRef, x, y));
}

function insideLogo(pageFromRef: Matrix, ref: ReferenceModel, [px, py]: [number, number]): boolean {
  const quad = corners(pageFromRef, ref);
  let inside = false;
  for (let i = 0, j = 3; i < 4; j = i++) {
    const [xi, yi] = quad[i];
    const [xj, yj] = quad[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function boxOf(pageFromRef: Matrix, ref: ReferenceModel): BBox {
  return roundBox(mapBox(pageFromRef, [0, 0, ref.width, ref.height]));
}

/** Shared area over the smaller box's area. */
function overlap(a: BBox, b: BBox): number {
  const x = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const y = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  return (x * y) / Math.min(a[2] * a[3], b[2] * b[3]);
}

/**
 * One detection per logo: the disc and the badge of the same logo both propose it, and a shape at
 * the page edge blown up around a logo contains it. Logos do not overlap, so of two candidates
 * sharing a good part of the smaller one's box, the one that explains more of the page is kept.
 */
function suppress(found: Candidate[], ref: ReferenceModel): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of [...found].sort((a, b) => b.score.support - a.score.support)) {
    const box = boxOf(c.pageFromRef, ref);
    if (kept.every((k) => overlap(boxOf(k.pageFromRef, ref), box) < 0.3)) kept.push(c);
  }
  return kept;
}

function toDetection(c: Candidate, ref: ReferenceModel): Detection {
  const refFromArtwork = [REF_SCALE, 0, 0, 0, REF_SCALE, 0, 0, 0, 1];
  const homography = multiply(c.pageFromRef, refFromArtwork);
  return {
    bbox: boxOf(c.pageFromRef, ref),
    homography,
    confidence: Math.round(c.score.confidence * 1000) / 1000,
    mirrored: c.pageFromRef[0] * c.pageFromRef[4] - c.pageFromRef[1] * c.pageFromRef[3] < 0,
    anchor: c.anchor.shape === 'ellipse' ? 'at' : 'badge',
  };
}
