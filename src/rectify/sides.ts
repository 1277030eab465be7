// The page from its four sides, whatever is printed on it: the second way of finding a page, for
// when it is not paper-white (a full-bleed photo or colour, tinted paper) or lies among white
// things (a white table, a bright sky behind). Among the long straight colour edges of the photo
// (straight.ts), the four that bound the page close into a convex quadrilateral along whose whole
// perimeter, up to its corners, the edge is present, and whose proportions, seen through the
// camera (Zhang & He, aspect.ts), are a paper size. Candidates are tried largest first: a panel,
// a photo or a band printed inside the page is bounded partly by the page's own sides, is smaller,
// and has corners past which those sides run on (corners.ts); a desk's straight line carried past
// the page's corner is not present along the stretch beyond the page. The first candidate whose
// sides, re-measured at full resolution, are straight edges and still make a paper size is the page.
import type { Page } from '../types.ts';
import { estimateAspect } from './aspect.ts';
import { fitEdge, intersect, type EdgeFit } from './edges.ts';
import { polygonArea, type Point, type Quad } from '../image/homography.ts';
import { clockwiseFromTopLeft } from './quad.ts';
import { cornerEvidence, MAX_RUNS_ON } from './corners.ts';
import { MIN_COVERAGE, MIN_SUPPORT } from './screen.ts';
import { along, colourEdges, colourPlane, presence, straightEdges, type StraightEdge } from './straight.ts';

export interface SidedOutline {
  /** TL, TR, BR, BL in photo pixels (continuous coordinates). */
  quad: Quad;
  /** The weakest side's support (see EdgeFit) and colour step across it (RGB distance). */
  support: number;
  contrast: number;
  /** Share of the weakest side's length, on the downscaled photo, where its straight edge is present. */
  presence: number;
  /** The largest share of places past a corner where a side's line is still an edge (see corners.ts). */
  runsOn: number;
}

/** A page side is present along at least this share of its length on the downscaled photo. */
const MIN_PRESENCE = 0.6;
/** ...and along at least this share of the END_SHARE of it at each end. */
const MIN_END_PRESENCE = 0.25;
const END_SHARE = 0.1;
/**
 * At most this many open corners (see Candidate): a textured desk now and then passes for a
 * line carried on past one corner; a panel printed on the page leaves two.
 */
const MAX_OPEN_CORNERS = 1;
/** A side's line present along more than this share of END_SHARE past a corner runs on past it. */
const MAX_CONTINUATION = 0.6;
/** Opposite sides of a page seen up to ~20° off-axis stay within this angle of each other, degrees. */
const MAX_OPPOSITE_ANGLE = 35;
/** Straight edges considered (a cluttered desk has dozens), and the fewest edge pixels (share of the plane's short side) a Hough peak needs. */
const MAX_EDGES = 90;
const MIN_VOTES = 0.05;
/** Candidates (largest first) re-measured at full resolution before giving up. */
const MAX_REFINED = 6;
/**
 * A side of a page spanning half the photo's short side, foreshortened by a 20° tilt and seen
 * narrow side on, is about a fifth of the photo's short side; edges shorter than that are not sides.
 */
const MIN_SIDE_SHARE = 0.2;

export function findPageBySides(page: Page): SidedOutline | null {
  const plane = colourPlane(page);
  const edges = colourEdges(plane);
  const short = Math.min(plane.width, plane.height);
  const lines = straightEdges(edges, MIN_VOTES * short, MIN_SIDE_SHARE * MIN_PRESENCE * short, MAX_EDGES);
  const { step } = plane;
  let tried = 0;
  for (const candidate of quadrilaterals(lines, plane.width, plane.height)) {
    if (candidate.openCorners > MAX_OPEN_CORNERS) continue;
    const quad = candidate.corners.map(([x, y]) => [x * step, y * step]) as Quad;
    if (!estimateAspect(quad, page.width, page.height).paper) continue;
    if (tried++ >= MAX_REFINED) break;
    const refined = refine(page, quad, step);
    // Re-measured, the sides must still be straight edges and still make a paper size, and no
    // side may run on past a corner.
    if (!refined || refined.support < MIN_SUPPORT || !estimateAspect(refined.quad, page.width, page.height).paper) continue;
    const runsOn = Math.max(...cornerEvidence(page, refined.quad).runsOn);
    if (runsOn > MAX_RUNS_ON) continue;
    return { ...refined, presence: candidate.presence, runsOn };
  }
  return null;
}

interface Candidate {
  /** TL, TR, BR, BL in plane pixels. */
  corners: Point[];
  area: number;
  presence: number;
  /**
   * Corners past which one of the two sides' lines runs on: none at a page's corners (the desk
   * lies beyond), two where a panel printed on the page meets the page's sides, which go on.
   */
  openCorners: number;
}

/**
 * Every convex quadrilateral two pairs of roughly opposite edges close, covering at least
 * MIN_COVERAGE of the plane, with its corners inside it and each side present along at least
 * MIN_PRESENCE of its length; largest first.
 */
export function quadrilaterals(lines: StraightEdge[], width: number, height: number): Candidate[] {
  const pairs: Array<[number, number]> = [];
  const cosOpposite = Math.cos((MAX_OPPOSITE_ANGLE * Math.PI) / 180);
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i].line.direction;
      const b = lines[j].line.direction;
      if (Math.abs(a[0] * b[0] + a[1] * b[1]) >= cosOpposite) pairs.push([i, j]);
    }
  }
  const minArea = MIN_COVERAGE * width * height;
  const out: Candidate[] = [];
  // A page may touch the photo's border: corners within a plane pixel past it are kept.
  const inside = ([x, y]: Point) => x >= -1 && y >= -1 && x <= width + 1 && y <= height + 1;
  // Where each two lines meet, if inside the plane.
  const n = lines.length;
  const meets: Array<Point | null> = new Array(n * n).fill(null);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const p = intersect(lines[i].line, lines[j].line);
      if (p && inside(p)) meets[i * n + j] = meets[j * n + i] = p;
    }
  }
  for (let p = 0; p < pairs.length; p++) {
    for (let q = p + 1; q < pairs.length; q++) {
      const [a, b] = pairs[p];
      const [c, d] = pairs[q];
      if (a === c || a === d || b === c || b === d) continue;
      const la = lines[a].line;
      const lc = lines[c].line;
      // The two pairs must cross: at least 45° between their directions.
      if (Math.abs(la.direction[0] * lc.direction[0] + la.direction[1] * lc.direction[1]) > Math.SQRT1_2) continue;
      // Around the quadrilateral: a, then d, then b, then c.
      const ring = [a, d, b, c];
      const corners: Point[] = [];
      for (let k = 0; k < 4; k++) {
        const corner = meets[ring[(k + 3) % 4] * n + ring[k]];
        if (!corner) break;
        corners.push(corner);
      }
      if (corners.length < 4 || !isConvex(corners)) continue;
      const area = polygonArea(corners);
      if (area < minArea) continue;
      // Side k runs along ring[k] from corner k to corner k + 1. Its ends must be present too:
      // a side's line carried on past the page's corner over the desk is mostly present still.
      let weakest = 1;
      // continues[k]: whether a side's line runs on past corner k (either of the two lines).
      const continues = [false, false, false, false];
      for (let k = 0; k < 4 && weakest >= MIN_PRESENCE; k++) {
        const edge = lines[ring[k]];
        const from = along(edge.line, corners[k]);
        const to = along(edge.line, corners[(k + 1) % 4]);
        weakest = Math.min(weakest, presence(edge, from, to));
        const end = END_SHARE * (to - from);
        if (presence(edge, from, from + end) < MIN_END_PRESENCE || presence(edge, to - end, to) < MIN_END_PRESENCE) weakest = 0;
        if (presence(edge, from - end, from, true) > MAX_CONTINUATION) continues[k] = true;
        if (presence(edge, to, to + end, true) > MAX_CONTINUATION) continues[(k + 1) % 4] = true;
      }
      if (weakest < MIN_PRESENCE) continue;
      out.push({ corners: clockwiseFromTopLeft(corners), area, presence: weakest, openCorners: continues.filter(Boolean).length });
    }
  }
  return out.sort((x, y) => y.area - x.area);
}

function isConvex(corners: Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < corners.length; i++) {
    const [ax, ay] = corners[i];
    const [bx, by] = corners[(i + 1) % corners.length];
    const [cx, cy] = corners[(i + 2) % corners.length];
    const z = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    if (z === 0) return false;
    if (sign === 0) sign = Math.sign(z);
    else if (Math.sign(z) !== sign) return false;
  }
  return true;
}

/**
 * Each side re-measured at full resolution as the steepest colour step near it (edges.ts), twice:
 * first within a few plane pixels, then polishing; the corners are where the fitted sides meet.
 */
function refine(page: Page, start: Quad, step: number): Omit<SidedOutline, 'presence' | 'runsOn'> | null {
  let quad = start;
  let fits: EdgeFit[] = [];
  for (const range of [1.5 * step + 3, 3]) {
    const next: EdgeFit[] = [];
    for (let i = 0; i < 4; i++) {
      const a = quad[i];
      const b = quad[(i + 1) % 4];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      const inward: Point = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
      const fit = fitEdge(page, a, b, inward, range, 'colour');
      if (!fit) return null;
      next.push(fit);
    }
    const corners: Point[] = [];
    for (let i = 0; i < 4; i++) {
      const corner = intersect(next[(i + 3) % 4].line, next[i].line);
      if (!corner) return null;
      corners.push(corner);
    }
    quad = corners as Quad;
    fits = next;
  }
  return { quad, support: Math.min(...fits.map((f) => f.support)), contrast: Math.min(...fits.map((f) => f.contrast)) };
}
