// Logos cut by the page edge. A crop is stated as the share of the artwork's area beyond one edge,
// whatever the logo's rotation or shear, so the placement is found by bisection on the clipped
// area; a cut that would hide what makes the logo's class (the recoloured arrow, the added mark,
// the misspelt badge…) is not drawn, since no checker could see that class any more.
import type { BBox } from '../../src/types.ts';
import { apply, clipToRect, polygonArea, rectCorners, type Mat3, type Point } from './affine.ts';
import { CHARTER, type Edge, type LogoSpec } from './logo.ts';
import type { Rng } from './random.ts';

export type Crop = NonNullable<LogoSpec['crop']>;

const EDGES: readonly Edge[] = ['left', 'right', 'top', 'bottom'];

/** Points in a frame where the edge is the line x = 0 and the page lies towards +x. */
const acrossFrame = (edge: Edge, [x, y]: Point): Point =>
  edge === 'left' ? [x, y] : edge === 'right' ? [-x, y] : edge === 'top' ? [y, x] : [-y, x];

const boxCorners = ([x, y, w, h]: BBox): Point[] => rectCorners(w, h).map(([u, v]) => [x + u, y + v]);

/** The artwork's corners in that frame, `linear` taking artwork units to page px about the artwork centre. */
const artworkAcross = (linear: Mat3, edge: Edge): Point[] =>
  rectCorners(CHARTER.artwork.width, CHARTER.artwork.height).map((p) => acrossFrame(edge, apply(linear, p)));

/** Share of the artwork beyond the edge when its centre is `depth` px inside it. */
function outsideFraction(points: Point[], depth: number): number {
  const shifted = points.map(([x, y]): Point => [x + depth, y]);
  return polygonArea(clipToRect(shifted, -1e9, -1e9, 0, 1e9)) / polygonArea(shifted);
}

/**
 * How far inside the edge the logo's centre goes so that `fraction` of its area is beyond it:
 * the share outside only shrinks as the logo moves in, so bisection converges on the one answer.
 * `linear` takes artwork units to page px with the artwork centre at the origin.
 */
export function depthForFraction(linear: Mat3, edge: Edge, fraction: number): number {
  const points = artworkAcross(linear, edge);
  const xs = points.map((p) => p[0]);
  let [lo, hi] = [-Math.max(...xs), -Math.min(...xs)];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (outsideFraction(points, mid) > fraction) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The logo centre on the page for a crop: `depth` inside the edge, `along` on the other axis. */
export function cropCentre(edge: Edge, depth: number, along: number, page: [number, number]): Point {
  const [w, h] = page;
  return edge === 'left' ? [depth, along] : edge === 'right' ? [w - depth, along] : edge === 'top' ? [along, depth] : [along, h - depth];
}

/**
 * Artwork boxes of which at least one must stay wholly on the page for the class to be seen: the
 * element left out (its empty place), the added mark, the altered text, or an element painted in
 * a changed colour. Null when the whole logo shows its class (geometry, greyscale, inversion…).
 */
export function evidenceBoxes(spec: LogoSpec): BBox[] | null {
  const { elements, badges } = CHARTER;
  if (spec.omit?.length) return spec.omit.map((id) => elements[id].box as BBox);
  if (spec.addition) return [spec.addition.box];
  const approved = badges.find((b) => b.id === spec.variant)?.text;
  if (spec.violation === 'badge-category' || spec.badgeText !== approved) return [elements.badge.box as BBox];
  if (spec.taglineLines) return [elements.tagline.box as BBox];
  if (spec.colours) {
    const changed = Object.keys(spec.colours);
    return Object.values(elements)
      .filter((e) => e.colours.some((c) => changed.includes(c)))
      .map((e) => e.box as BBox);
  }
  return null;
}

// The @ and the arrow under it: the left part a cut may take whole, leaving the tagline and badge.
const LEFT_PART: BBox[] = [CHARTER.elements.at.box as BBox, CHARTER.elements.arrow.box as BBox];

export interface CutOptions {
  /** Range of the share of the artwork's area beyond the edge. */
  fraction: [number, number];
  /** Chance of trying a cut that takes the @ and the arrow whole. */
  leftPartOff: number;
}

/**
 * A crop for this logo that keeps its class visible. With chance `leftPartOff`, the edge the @
 * faces, with a share outside between what takes the @ and the arrow whole and what still keeps
 * the evidence on the page, when that range is not empty; otherwise any edge that can cut the
 * least share and keep the evidence, and a share up to what the evidence allows.
 */
export function sampleCut(spec: LogoSpec, linear: Mat3, rng: Rng, options: CutOptions): Crop {
  const [minF, maxF] = options.fraction;
  const evidence = evidenceBoxes(spec);
  const across = (edge: Edge, boxes: BBox[]) => boxes.map((b) => boxCorners(b).map((p) => acrossFrame(edge, apply(linear, p))[0]));
  /** The largest share beyond `edge` that keeps one evidence box 3 px inside the page (antialiasing). */
  const mostOff = (edge: Edge) => {
    if (!evidence) return maxF;
    const depth = Math.min(...across(edge, evidence).map((xs) => 3 - Math.min(...xs)));
    return Math.min(maxF, outsideFraction(artworkAcross(linear, edge), depth));
  };
  if (rng.chance(options.leftPartOff)) {
    const [ax, ay] = apply(linear, [150, 150]);
    const facing = EDGES.reduce((best, edge) => (acrossFrame(edge, [ax, ay])[0] < acrossFrame(best, [ax, ay])[0] ? edge : best));
    // Deepest the centre may sit with every corner of the left part 1 px beyond the edge.
    const depth = -Math.max(...across(facing, LEFT_PART).flat()) - 1;
    const least = Math.max(minF, outsideFraction(artworkAcross(linear, facing), depth) + 0.005);
    const most = mostOff(facing);
    if (least < most) return { edge: facing, fraction: rng.range(least, most), leftPartOff: true };
  }
  const edges = EDGES.filter((edge) => mostOff(edge) > minF);
  if (!edges.length) throw new Error(`no edge can cut ${Math.round(minF * 100)} % of a ${spec.violation} logo and leave its evidence on the page`);
  const edge = rng.pick(edges);
  return { edge, fraction: rng.range(minF, mostOff(edge)) };
}
