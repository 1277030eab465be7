// Evens out the light on the rectified page. A phone photo's paper is darker at the corners
// (vignetting) and on one side (the lamp, the window), and the colour check downstream compares
// inks with the charter's palette within ΔE2000 10: a blue in the dim corner would read as navy.
//
// The paper's white is modelled as a smooth surface — a cubic polynomial in x and y, fitted to
// the brightest grey pixels of each cell of a coarse grid, as an upper envelope so that cells of
// ink (a grey panel, a photo) do not drag it down — as in retrospective shading correction by surface fitting
// (Tomaževič, Likar & Pernuš, "Comparative evaluation of retrospective shading correction
// methods", J. Microscopy 2002). A morphological closing would follow the light as well but
// cannot bridge a coloured band wider than its kernel; a polynomial interpolates across it.
// Each pixel is divided by the surface with one gain for R, G and B, so an ink keeps its
// proportions to the paper white: the hue is unchanged, only the light is.

/** Where the paper's 95th percentile of luma lands after flattening: white, not clipped. */
export const PAPER_WHITE = 248;
/** Cells across the page's long side. */
const CELLS = 40;
/** Pixels whose channels spread more than this (0–255) are ink, not paper. */
const MAX_PAPER_CHROMA = 40;
/** A cell with fewer grey pixels than this share is left out of the fit. */
const MIN_PAPER_SHARE = 0.2;
const DEGREE = 3;
/** Share of the cells that must hold grey paper (MIN_PAPER_SHARE of their pixels) for the light to be modelled. */
const MIN_PAPER_CELLS = 0.25;
/** Largest ratio of the fitted light between two places of the page. */
const MAX_LIGHT_SPREAD = 2.5;
/** Weight of cells above the fitted surface in the asymmetric fit (those below get 1 − this). */
const ENVELOPE = 0.95;
/**
 * A cell this far (share of the surface) below it is ink, once the fit follows the light:
 * paper cells sit within a few percent of a smooth surface, a grey tint panel 10 % or more below.
 */
const INK_DEPTH = 0.08;

export interface Flattening {
  /** Smallest and largest gain applied (1 = unchanged). */
  gainRange: [number, number];
  /** Cells of paper the surface was fitted to. */
  cells: number;
}

/** Flattens the page's light in place. Null (and the page untouched) when too little paper shows. */
export function flattenIllumination(rgba: Uint8Array, width: number, height: number): Flattening | null {
  const { samples, cells } = paperSamples(rgba, width, height);
  // Grey paper must show over a good part of the page for a surface through it to be the light:
  // a full-bleed print or tinted paper leaves only text and white boxes, and a polynomial through
  // a few of them, extrapolated over the page, would be anything.
  if (samples.length < 12 || samples.length < MIN_PAPER_CELLS * cells) return null;
  const coefficients = fitSurface(samples, width, height);
  if (!coefficients) return null;
  // Light falls off by a third at most across a page; a surface spreading more is not the light.
  let low = Infinity;
  let high = 0;
  for (let j = 0; j <= 8; j++) {
    const row = rowPolynomial(coefficients, ((height - 1) * j) / 8, width, height);
    for (let i = 0; i <= 8; i++) {
      const v = evaluateRow(row, ((width - 1) * i) / 8, width);
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  if (!(low > 0) || high / low > MAX_LIGHT_SPREAD) return null;

  // Normalise so the paper's 95th percentile maps to PAPER_WHITE: measured on grey pixels after
  // division by the surface, since the surface sits at the cells' 90th percentile.
  const ratios: number[] = [];
  const stride = Math.max(1, Math.round(Math.sqrt((width * height) / 40000)));
  for (let y = stride >> 1; y < height; y += stride) {
    const row = rowPolynomial(coefficients, y, width, height);
    for (let x = stride >> 1; x < width; x += stride) {
      const k = (y * width + x) * 4;
      if (chroma(rgba, k) > MAX_PAPER_CHROMA) continue;
      const s = evaluateRow(row, x, width);
      if (s > 1) ratios.push(luma(rgba, k) / s);
    }
  }
  if (ratios.length < 100) return null;
  ratios.sort((a, b) => a - b);
  // The 95th percentile of all grey pixels would land on ink in a text-heavy page; paper is the
  // upper part of the ratios (those near 1), so its 95th percentile is taken there.
  const paper = ratios.filter((r) => r > 0.75);
  if (paper.length < 50) return null;
  const scale = PAPER_WHITE / paper[Math.floor(0.95 * (paper.length - 1))];

  let lo = Infinity;
  let hi = -Infinity;
  // A clamped view rounds and clips on assignment, in the engine rather than per call.
  const out = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length);
  for (let y = 0; y < height; y++) {
    const row = rowPolynomial(coefficients, y, width, height);
    for (let x = 0, k = y * width * 4; x < width; x++, k += 4) {
      const gain = scale / Math.max(16, evaluateRow(row, x, width));
      if (gain < lo) lo = gain;
      if (gain > hi) hi = gain;
      out[k] = rgba[k] * gain;
      out[k + 1] = rgba[k + 1] * gain;
      out[k + 2] = rgba[k + 2] * gain;
    }
  }
  return { gainRange: [lo, hi], cells: samples.length };
}

interface CellSample {
  x: number;
  y: number;
  value: number;
  weight: number;
}

/** Per cell: the 90th percentile of grey pixels' luma, the paper under the local light; and how many cells there are. */
function paperSamples(rgba: Uint8Array, width: number, height: number): { samples: CellSample[]; cells: number } {
  const cell = Math.max(4, Math.ceil(Math.max(width, height) / CELLS));
  const stride = Math.max(1, cell >> 3);
  const out: CellSample[] = [];
  let cells = 0;
  const histogram = new Uint32Array(256);
  for (let cy = 0; cy + cell / 2 <= height; cy += cell) {
    for (let cx = 0; cx + cell / 2 <= width; cx += cell) {
      cells++;
      histogram.fill(0);
      let grey = 0;
      let total = 0;
      for (let y = cy; y < Math.min(height, cy + cell); y += stride) {
        for (let x = cx; x < Math.min(width, cx + cell); x += stride) {
          const k = (y * width + x) * 4;
          total++;
          if (chroma(rgba, k) > MAX_PAPER_CHROMA) continue;
          grey++;
          histogram[Math.round(luma(rgba, k))]++;
        }
      }
      if (grey < MIN_PAPER_SHARE * total) continue;
      let acc = 0;
      let p90 = 255;
      for (let i = 0; i < 256; i++) {
        acc += histogram[i];
        if (acc >= 0.9 * grey) {
          p90 = i;
          break;
        }
      }
      const x = Math.min(cx + cell / 2, width);
      const y = Math.min(cy + cell / 2, height);
      out.push({ x, y, value: p90, weight: grey / total });
    }
  }
  return { samples: out, cells };
}

/**
 * The paper is the upper envelope of the cells: a grey panel or a dense block of text lies below
 * the light, never above it. Asymmetric least squares (Eilers & Boelens, "Baseline correction with
 * asymmetric least squares smoothing", 2005) weighs cells above the surface ENVELOPE and those
 * below 1 − ENVELOPE, refitting until the weights settle: a panel covering half the page then
 * pulls the surface down by a few percent of its weight, not half.
 */
function fitSurface(samples: CellSample[], width: number, height: number): Float64Array | null {
  const terms = monomials(DEGREE);
  const rows = samples.map((s) => terms.map(([i, j]) => nx(s.x, width) ** i * nx(s.y, height) ** j));
  const values = samples.map((s) => s.value);
  let side = samples.map(() => 0.5);
  let coefficients: Float64Array | null = null;
  for (let iteration = 0; iteration < 20; iteration++) {
    coefficients = solveWeighted(rows, values, samples.map((s, i) => s.weight * side[i]));
    if (!coefficients) return null;
    const fit = coefficients;
    const next = rows.map((r, i) => {
      const surface = r.reduce((acc, v, t) => acc + v * fit[t], 0);
      // Far below the light is ink whatever its share of the page: out of the fit altogether.
      if (values[i] < (1 - INK_DEPTH) * surface) return 0;
      return values[i] >= surface ? ENVELOPE : 1 - ENVELOPE;
    });
    if (next.every((w, i) => w === side[i])) break;
    side = next;
  }
  return coefficients;
}

function monomials(degree: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i <= degree; i++) for (let j = 0; i + j <= degree; j++) out.push([i, j]);
  return out;
}

/** Coordinates normalised to [-1, 1] keep the normal equations well conditioned. */
const nx = (v: number, size: number) => (2 * v) / size - 1;

/** The surface along one row, as a polynomial in x: coefficient of nx(x)^i at index i. */
function rowPolynomial(coefficients: Float64Array, y: number, width: number, height: number): Float64Array {
  const terms = monomials(DEGREE);
  const row = new Float64Array(DEGREE + 1);
  const v = nx(y + 0.5, height);
  terms.forEach(([i, j], t) => (row[i] += coefficients[t] * v ** j));
  return row;
}

function evaluateRow(row: Float64Array, x: number, width: number): number {
  const u = nx(x + 0.5, width);
  let s = 0;
  for (let i = row.length - 1; i >= 0; i--) s = s * u + row[i];
  return s;
}

/** Normal equations with Gaussian elimination (partial pivoting): 10 unknowns. */
function solveWeighted(rows: number[][], values: number[], weights: number[]): Float64Array | null {
  const n = rows[0].length;
  const a = Array.from({ length: n }, () => new Float64Array(n + 1));
  rows.forEach((r, k) => {
    const w = weights[k];
    if (!w) return;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) a[i][j] += w * r[i] * r[j];
      a[i][n] += w * r[i] * values[k];
    }
  });
  // A little ridge keeps the fit defined when the paper shows in only part of the page.
  for (let i = 0; i < n; i++) a[i][i] += 1e-6 * (a[0][0] || 1);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    if (Math.abs(a[pivot][c]) < 1e-12) return null;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return Float64Array.from({ length: n }, (_, i) => a[i][n] / a[i][i]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/** Rec. 601 luma, as the rest of the pipeline measures grey. */
function luma(rgba: Uint8Array, k: number): number {
  return 0.299 * rgba[k] + 0.587 * rgba[k + 1] + 0.114 * rgba[k + 2];
}

function chroma(rgba: Uint8Array, k: number): number {
  const r = rgba[k];
  const g = rgba[k + 1];
  const b = rgba[k + 2];
  return Math.max(r, g, b) - Math.min(r, g, b);
}
