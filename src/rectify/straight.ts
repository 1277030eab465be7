// Long straight colour edges of a photo, for finding a page that is not paper-white (a full-bleed
// photo or colour print, tinted paper): wherever its print, a page's sides are straight steps of
// colour against the desk, sharper than the desk's own (out of focus, or a texture without long
// straight lines).
//
// On a downscaled copy: the colour gradient of Di Zenzo (1986) (the structure tensor summed over
// R, G and B, so edges between colours of equal brightness count, and opposite steps in two
// channels do not cancel), thinned to its ridges, then a Hough transform (Duda & Hart 1972) in
// which each edge pixel votes only near its own gradient direction (O'Gorman & Clowes 1976), each
// peak refined by least squares on its edge pixels. Each line keeps where along it the edge is
// present, so that any stretch of it can be scored in constant time.
import type { Page } from '../types.ts';
import { fitLine, type Line } from './edges.ts';
import type { Point } from '../image/homography.ts';

/** RGB averaged over step × step blocks of the photo. */
export interface ColourPlane {
  width: number;
  height: number;
  /** R, G, B interleaved, block means. */
  rgb: Float32Array;
  /** Photo pixels per plane pixel. */
  step: number;
}

export function colourPlane(page: Page, maxSide = 640): ColourPlane {
  const { width, height, rgba } = page;
  const step = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  const w = Math.floor(width / step);
  const h = Math.floor(height / step);
  const rgb = new Float32Array(w * h * 3);
  const area = step * step;
  for (let by = 0; by < h; by++) {
    const row = by * w * 3;
    for (let y = by * step; y < (by + 1) * step; y++) {
      let k = y * width * 4;
      for (let bx = 0; bx < w; bx++) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let x = 0; x < step; x++, k += 4) {
          r += rgba[k];
          g += rgba[k + 1];
          b += rgba[k + 2];
        }
        rgb[row + bx * 3] += r;
        rgb[row + bx * 3 + 1] += g;
        rgb[row + bx * 3 + 2] += b;
      }
    }
    for (let i = row; i < row + w * 3; i++) rgb[i] /= area;
  }
  return { width: w, height: h, rgb, step };
}

/** Edge pixels of a plane: ridge points of the colour gradient. */
export interface EdgeMap {
  width: number;
  height: number;
  /** Gradient strength (≈ the colour step across the edge, RGB distance), 0 off the ridges. */
  strength: Float32Array;
  /** Direction of the gradient (the edge's normal), radians in [0, π), from the tensor summed over 3 × 3 pixels. */
  normal: Float32Array;
  /** Gradient strength before thinning, and its direction at the pixel alone. */
  magnitude: Float32Array;
  pointNormal: Float32Array;
}

/** A ridge weaker than this colour step (RGB distance) is not taken as an edge. */
const MIN_EDGE = 14;

/**
 * Di Zenzo's colour gradient with Sobel derivatives, thinned by non-maximum suppression across
 * the edge (Canny 1986) so that a blurred step gives one line of pixels.
 */
export function colourEdges(plane: ColourPlane, minEdge = MIN_EDGE): EdgeMap {
  const { width: w, height: h, rgb } = plane;
  const n = w * h;
  const jxx = new Float32Array(n);
  const jyy = new Float32Array(n);
  const jxy = new Float32Array(n);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const k = y * w + x;
      let xx = 0;
      let yy = 0;
      let xy = 0;
      for (let c = 0; c < 3; c++) {
        const up = (k - w) * 3 + c;
        const mid = k * 3 + c;
        const down = (k + w) * 3 + c;
        // Sobel, divided by 4 so that a sharp step of s levels gives about s.
        const gx = (rgb[up + 3] + 2 * rgb[mid + 3] + rgb[down + 3] - rgb[up - 3] - 2 * rgb[mid - 3] - rgb[down - 3]) / 4;
        const gy = (rgb[down - 3] + 2 * rgb[down] + rgb[down + 3] - rgb[up - 3] - 2 * rgb[up] - rgb[up + 3]) / 4;
        xx += gx * gx;
        yy += gy * gy;
        xy += gx * gy;
      }
      jxx[k] = xx;
      jyy[k] = yy;
      jxy[k] = xy;
    }
  }
  const magnitude = new Float32Array(n);
  const normal = new Float32Array(n);
  const pointNormal = new Float32Array(n);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const k = y * w + x;
      const half = (jxx[k] - jyy[k]) / 2;
      magnitude[k] = Math.sqrt((jxx[k] + jyy[k]) / 2 + Math.sqrt(half * half + jxy[k] * jxy[k]));
      if (magnitude[k] < minEdge / 2) continue;
      let own = 0.5 * Math.atan2(2 * jxy[k], jxx[k] - jyy[k]);
      if (own < 0) own += Math.PI;
      pointNormal[k] = own;
      // The direction from the tensor summed over 3 × 3 pixels: a single pixel's is biased by the
      // staircase a slanted edge makes on the pixel grid.
      let sxx = 0;
      let syy = 0;
      let sxy = 0;
      for (let dy = -w; dy <= w; dy += w) {
        for (let dx = -1; dx <= 1; dx++) {
          sxx += jxx[k + dy + dx];
          syy += jyy[k + dy + dx];
          sxy += jxy[k + dy + dx];
        }
      }
      let angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
      if (angle < 0) angle += Math.PI;
      normal[k] = angle;
    }
  }
  const strength = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const k = y * w + x;
      const m = magnitude[k];
      if (m < minEdge) continue;
      // Neighbours across the edge, the normal quantised to one of four directions.
      const a = normal[k];
      const sector = Math.round(a / (Math.PI / 4)) % 4;
      const [dx, dy] = sector === 0 ? [1, 0] : sector === 1 ? [1, 1] : sector === 2 ? [0, 1] : [-1, 1];
      const before = magnitude[k - dy * w - dx];
      const after = magnitude[k + dy * w + dx];
      if (m >= before && m > after) strength[k] = m;
    }
  }
  return { width: w, height: h, strength, normal, magnitude, pointNormal };
}

/** A straight edge of the plane and where along it the edge is present. */
export interface StraightEdge {
  /** In plane pixel coordinates (continuous: pixel (i, j) has its centre at (i + ½, j + ½)). */
  line: Line;
  /** Parameter along line.direction of the first entry of `present`. */
  start: number;
  /** prefix[i]: how many of the first i unit steps along the line have the edge present. */
  prefix: Uint32Array;
  /**
   * The same for a strict test, a ridge pixel of agreeing direction within a pixel of the line:
   * an out-of-focus textured desk passes the lenient test at many places, a straight line
   * carried on over it passes this one where it is really there.
   */
  ridgePrefix: Uint32Array;
}

/** Hough resolution: angle bins per π. */
const ANGLE_BINS = 360;
/** An edge pixel votes for angles this close to its gradient direction, in bins (±3°). */
const VOTE_SPREAD = 6;
/** Edge pixels within this distance of a line (plane px) and this angle (rad) belong to it. */
const NEAR = 1.5;
const NORMAL_AGREEMENT = (10 * Math.PI) / 180;
/**
 * Where along a line the edge is present: a pixel within NEAR of it whose gradient, before
 * thinning (texture beside a side can out-vote it there), is strong enough and within this
 * angle of the line's normal.
 */
const PRESENCE_AGREEMENT = (15 * Math.PI) / 180;

/**
 * The straight edges of the map: Hough peaks of at least `minVotes` edge pixels, each present
 * along at least `minPresent` plane pixels (see trace); at most `count`, the longest in ridges first.
 */
export function straightEdges(edges: EdgeMap, minVotes: number, minPresent: number, count = 60, minEdge = MIN_EDGE): StraightEdge[] {
  const { width: w, height: h, strength, normal } = edges;
  const cx = w / 2;
  const cy = h / 2;
  const maxRho = Math.ceil(Math.hypot(w, h) / 2) + 2;
  const rhoBins = 2 * maxRho + 1;
  const votes = new Uint16Array(ANGLE_BINS * rhoBins);
  const cos = new Float64Array(ANGLE_BINS);
  const sin = new Float64Array(ANGLE_BINS);
  for (let t = 0; t < ANGLE_BINS; t++) {
    cos[t] = Math.cos((t * Math.PI) / ANGLE_BINS);
    sin[t] = Math.sin((t * Math.PI) / ANGLE_BINS);
  }
  for (let k = 0; k < w * h; k++) {
    if (!strength[k]) continue;
    const x = (k % w) + 0.5 - cx;
    const y = Math.floor(k / w) + 0.5 - cy;
    const centre = Math.round((normal[k] * ANGLE_BINS) / Math.PI);
    for (let d = -VOTE_SPREAD; d <= VOTE_SPREAD; d++) {
      let t = centre + d;
      let sign = 1;
      // θ and θ + π are the same line with ρ negated.
      if (t < 0) [t, sign] = [t + ANGLE_BINS, -1];
      else if (t >= ANGLE_BINS) [t, sign] = [t - ANGLE_BINS, -1];
      const rho = Math.round(sign * (x * cos[t] + y * sin[t])) + maxRho;
      votes[t * rhoBins + rho]++;
    }
  }
  // Peaks: cells with at least minVotes, the largest within ±2° and ±3 px.
  const peaks: Array<{ t: number; r: number; v: number }> = [];
  for (let t = 0; t < ANGLE_BINS; t++) {
    for (let r = 0; r < rhoBins; r++) {
      const v = votes[t * rhoBins + r];
      if (v < minVotes) continue;
      let isPeak = true;
      for (let dt = -4; dt <= 4 && isPeak; dt++) {
        let tt = t + dt;
        let rr = r;
        if (tt < 0 || tt >= ANGLE_BINS) {
          tt = (tt + ANGLE_BINS) % ANGLE_BINS;
          rr = 2 * maxRho - r;
        }
        for (let dr = -3; dr <= 3; dr++) {
          if (!dt && !dr) continue;
          const r2 = rr + dr;
          if (r2 < 0 || r2 >= rhoBins) continue;
          const u = votes[tt * rhoBins + r2];
          // Ties go to the first cell in scan order.
          if (u > v || (u === v && tt * rhoBins + r2 < t * rhoBins + r)) isPeak = false;
        }
      }
      if (isPeak) peaks.push({ t, r, v });
    }
  }
  peaks.sort((a, b) => b.v - a.v);
  const out: StraightEdge[] = [];
  // Marks pixels already taken as members in the current pass.
  const stamp = new Uint32Array(w * h);
  let mark = 0;
  // Twice as many lines as asked for are traced, then the longest runs of ridges kept: on a
  // grained or cluttered desk, Hough votes rank short texture lines above a side of weak contrast.
  for (const peak of peaks) {
    if (out.length >= 2 * count) break;
    const theta = (peak.t * Math.PI) / ANGLE_BINS;
    const rho = peak.r - maxRho;
    // The line x cos θ + y sin θ = ρ in centred coordinates, back in plane coordinates.
    let line: Line = { point: [cx + rho * Math.cos(theta), cy + rho * Math.sin(theta)], direction: [-Math.sin(theta), Math.cos(theta)] };
    // Refined by total least squares on the edge pixels along it that agree with it.
    for (let pass = 0; pass < 2; pass++) {
      const members = membersOf(edges, line, stamp, ++mark);
      if (members.length < 2 || members.length < peak.v / 4) break;
      line = fitLine(members);
    }
    if (out.some((o) => sameLine(o.line, line))) continue;
    const traced = trace(edges, line, minEdge);
    if (traced.prefix[traced.prefix.length - 1] < minPresent) continue;
    out.push(traced);
  }
  const ridges = (e: StraightEdge) => e.ridgePrefix[e.ridgePrefix.length - 1];
  return out.sort((a, b) => ridges(b) - ridges(a)).slice(0, count);
}

/** Edge pixels within NEAR of the line whose direction agrees with it, found by walking along it. */
function membersOf(edges: EdgeMap, line: Line, stamp: Uint32Array, mark: number): Point[] {
  const { width: w, height: h, strength, normal } = edges;
  const [dx, dy] = line.direction;
  const lineNormal = Math.atan2(dx, -dy);
  const { lo, hi } = extent(line, w, h);
  const members: Point[] = [];
  for (let t = lo; t < hi; t += 0.5) {
    const x = line.point[0] + t * dx;
    const y = line.point[1] + t * dy;
    for (let o = -NEAR; o <= NEAR; o += 0.5) {
      const xi = Math.floor(x + o * dy);
      const yi = Math.floor(y - o * dx);
      if (xi < 0 || yi < 0 || xi >= w || yi >= h) continue;
      const k = yi * w + xi;
      if (stamp[k] === mark || !strength[k]) continue;
      stamp[k] = mark;
      const cx = xi + 0.5;
      const cy = yi + 0.5;
      const d = (cx - line.point[0]) * dy - (cy - line.point[1]) * dx;
      if (Math.abs(d) > NEAR || angleBetween(normal[k], lineNormal) > NORMAL_AGREEMENT) continue;
      members.push([cx, cy]);
    }
  }
  return members;
}

/** Parameter range along the line where it is inside a w × h plane (empty: lo ≥ hi). */
function extent(line: Line, w: number, h: number): { lo: number; hi: number } {
  const [px, py] = line.point;
  const [dx, dy] = line.direction;
  let lo = -Infinity;
  let hi = Infinity;
  for (const [p, d, size] of [[px, dx, w], [py, dy, h]] as const) {
    if (Math.abs(d) < 1e-12) {
      if (p < 0 || p > size) return { lo: 0, hi: -1 };
      continue;
    }
    const a = (0 - p) / d;
    const b = (size - p) / d;
    lo = Math.max(lo, Math.min(a, b));
    hi = Math.min(hi, Math.max(a, b));
  }
  return { lo, hi };
}

/** Angle between two undirected directions, radians in [0, π/2]. */
function angleBetween(a: number, b: number): number {
  let d = Math.abs(a - b) % Math.PI;
  if (d > Math.PI / 2) d = Math.PI - d;
  return d;
}

function sameLine(a: Line, b: Line): boolean {
  const cos = Math.abs(a.direction[0] * b.direction[0] + a.direction[1] * b.direction[1]);
  if (cos < Math.cos((2 * Math.PI) / 180)) return false;
  const d = Math.abs((b.point[0] - a.point[0]) * a.direction[1] - (b.point[1] - a.point[1]) * a.direction[0]);
  return d < 3;
}

/** Walks the line across the plane in unit steps, noting where an agreeing edge pixel lies within NEAR of it. */
function trace(edges: EdgeMap, line: Line, minEdge: number): StraightEdge {
  const { width: w, height: h, magnitude, pointNormal, strength, normal } = edges;
  const [px, py] = line.point;
  const [dx, dy] = line.direction;
  const lineNormal = Math.atan2(dx, -dy);
  const { lo, hi } = extent(line, w, h);
  const n = Math.max(0, Math.floor(hi - lo));
  const prefix = new Uint32Array(n + 1);
  const ridgePrefix = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const t = lo + i + 0.5;
    const x = px + t * dx;
    const y = py + t * dy;
    // The gradient is not known on the plane's outer ring of pixels: a page touching the photo's
    // border is taken as present there, never as carried on.
    let present = x < 1.5 || y < 1.5 || x > w - 1.5 || y > h - 1.5 ? 1 : 0;
    let ridge = 0;
    for (let o = -NEAR; o <= NEAR; o += 0.5) {
      const xi = Math.floor(x + o * dy);
      const yi = Math.floor(y - o * dx);
      if (xi < 0 || yi < 0 || xi >= w || yi >= h) continue;
      const k = yi * w + xi;
      if (magnitude[k] >= minEdge && angleBetween(pointNormal[k], lineNormal) <= PRESENCE_AGREEMENT) present = 1;
      if (Math.abs(o) <= 1 && strength[k] && angleBetween(normal[k], lineNormal) <= NORMAL_AGREEMENT) ridge = 1;
    }
    prefix[i + 1] = prefix[i] + present;
    ridgePrefix[i + 1] = ridgePrefix[i] + ridge;
  }
  return { line, start: lo, prefix, ridgePrefix };
}

/** Share of the stretch between parameters a and b (any order) along the edge where it is present (or a ridge is, if `ridge`). */
export function presence(edge: StraightEdge, a: number, b: number, ridge = false): number {
  const prefix = ridge ? edge.ridgePrefix : edge.prefix;
  const n = prefix.length - 1;
  const i0 = Math.max(0, Math.min(n, Math.floor(Math.min(a, b) - edge.start)));
  const i1 = Math.max(0, Math.min(n, Math.ceil(Math.max(a, b) - edge.start)));
  const length = Math.max(a, b) - Math.min(a, b);
  if (length < 1) return 0;
  return (prefix[i1] - prefix[i0]) / length;
}

/** Parameter of a point's projection on the line. */
export function along(line: Line, p: Point): number {
  return (p[0] - line.point[0]) * line.direction[0] + (p[1] - line.point[1]) * line.direction[1];
}
