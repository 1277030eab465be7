// Page rectification, between ingest and detect: a phone photo of a printed page becomes the page
// as if scanned flat, so that detection never mistakes the camera's perspective for a distorted
// or rotated logo. Anything else (a scan, a rendered PDF page, a screenshot) passes unchanged.
//
//   photo → quickReject (cheap: size, flat tone, paper border)
//         → findPageOutline (segment the paper, fit its four sides at sub-pixel accuracy)
//         → judgeOutline (is it a page lying at an angle, with background around it?)
//         → extendOverBleed (sides stopped short by print running to the page's edge)
//         → estimateAspect (the page's true proportions, which must be a paper size's)
//         → cornerEvidence (no side runs on past a corner: the page, not a part of it)
//   else  → findPageBySides (four long straight colour edges closing into a paper-size page:
//           full-bleed print, tinted paper, white things around; the same two tests)
//         → judgeSides
//         → warpPage → flattenIllumination
import type { Homography, Page } from '../types.ts';
import { estimateAspect, type AspectEstimate } from './aspect.ts';
import { extendOverBleed } from './bleed.ts';
import { cornerEvidence, MAX_RUNS_ON } from './corners.ts';
import { polygonArea, rectangleToQuad, type Quad } from '../image/homography.ts';
import { flattenIllumination } from './illumination.ts';
import { findPageOutline } from './quad.ts';
import { judgeOutline, judgeSides, quickReject } from './screen.ts';
import { findPageBySides } from './sides.ts';
import { warpPage } from './warp.ts';
import { whitenessPlane } from './whiteness.ts';

export interface Rectification {
  /** The page as if scanned flat: RGBA sRGB, no text layer. */
  page: Page;
  /** 3×3 row-major homography mapping rectified-page pixels → pixels of the file as given (the photo). */
  fileFromPage: Homography;
  /** The page quadrilateral found in the photo (TL, TR, BR, BL), photo pixels. */
  quad: [number, number][];
  /** Share of the photo covered by the quad. */
  coverage: number;
  /** Angle between the page's normal and the camera's axis, degrees. */
  tiltDeg: number;
  /** Width / height of the page as measured, before snapping to a paper size. */
  measuredAspect: number;
  /** Paper size the proportions were snapped to ("A4", "US Letter"): a page of no paper size is not rectified. */
  paper: string;
}

/** Why a raster was left as it is. */
export interface Unrectified {
  reason: string;
}

/** null when the raster is not a photo of a page (a scan, a rendered PDF page, a screenshot, a plain image): the page is then checked as is. */
export function rectifyPage(page: Page): Rectification | null {
  const result = attemptRectification(page);
  return 'reason' in result ? null : result;
}

/** rectifyPage, saying why when it declines (for debugging and tests). */
export function attemptRectification(page: Page): Rectification | Unrectified {
  const quick = quickReject(page);
  if (quick) return { reason: quick };

  // First way: the page as the largest paper-white region (most pages, fast, and tested most).
  const plane = whitenessPlane(page);
  const outline = findPageOutline(page, plane);
  let white: string;
  if (!outline) white = 'no page outline';
  else {
    const verdict = judgeOutline(outline, plane, page);
    if (verdict.reason) white = verdict.reason;
    else {
      // A band printed to the page's edge stops the paper short of it: move such sides out.
      const bleed = extendOverBleed(page, outline.quad);
      const quad = bleed?.quad ?? outline.quad;
      const estimate = estimateAspect(quad, page.width, page.height);
      const runsOn = runsOnPastCorner(page, quad);
      if (!estimate.paper) white = unknownProportions(estimate.measured);
      else if (runsOn) white = runsOn;
      else return rectifyTo(page, quad, estimate, bleed ? polygonArea(quad) / (page.width * page.height) : verdict.coverage);
    }
  }

  // Second way: the page as four straight sides, whatever is printed on it and whatever lies around.
  const sided = findPageBySides(page);
  if (!sided) return { reason: `${white}; no four straight sides of a paper size` };
  const verdict = judgeSides(sided, page);
  if (verdict.reason) return { reason: `${white}; four sides, but ${verdict.reason}` };
  return rectifyTo(page, sided.quad, estimateAspect(sided.quad, page.width, page.height), verdict.coverage);
}

/**
 * Proportions that match no paper size: in photos, such a quadrilateral is almost always a part of
 * the page (a white text panel beside a full-bleed photo, a photo printed on it), and rectifying
 * to it would crop the page and lose what lies outside. An unusual card is declined with them:
 * left as photographed, its perspective may be reported, which is the lesser harm.
 */
function unknownProportions(measured: number): string {
  return `proportions ${measured.toFixed(3)} are no paper size`;
}

/**
 * Why a quadrilateral is a part of the page rather than the page, from its corners: a side that
 * runs on past one (corners.ts). A white panel beside a full-bleed band may well have a paper's
 * proportions.
 */
function runsOnPastCorner(page: Page, quad: Quad): string | null {
  const { runsOn } = cornerEvidence(page, quad);
  const worst = runsOn.indexOf(Math.max(...runsOn));
  if (runsOn[worst] <= MAX_RUNS_ON) return null;
  return `a side runs on past the ${['top-left', 'top-right', 'bottom-right', 'bottom-left'][worst]} corner: a part of the page`;
}

function rectifyTo(page: Page, quad: Quad, estimate: AspectEstimate, coverage: number): Rectification | Unrectified {
  if (!estimate.paper) return { reason: unknownProportions(estimate.measured) };
  const side = (a: number, b: number) => Math.hypot(quad[b][0] - quad[a][0], quad[b][1] - quad[a][1]);
  // About the photo's own resolution: the nearer (longer) of the top and bottom sides.
  const width = Math.max(1, Math.round(Math.max(side(0, 1), side(3, 2))));
  const height = Math.max(1, Math.round(width / estimate.aspect));
  const fileFromPage = rectangleToQuad(width, height, quad);
  const rgba = warpPage(page, fileFromPage, width, height);
  flattenIllumination(rgba, width, height);
  const mm = width > height ? estimate.paper.longMm : estimate.paper.shortMm;
  const dpi = width / (mm / 25.4);
  return {
    page: { index: page.index, width, height, rgba, dpi, textRuns: [] },
    fileFromPage,
    quad: quad.map(([x, y]) => [x, y]),
    coverage,
    tiltDeg: estimate.tiltDeg,
    measuredAspect: estimate.measured,
    paper: estimate.paper.name,
  };
}
