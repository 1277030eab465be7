// Statistics over sample arrays.

/** Pearson correlation of two equally long sample arrays, restricted to mask (when given). */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>, mask?: ArrayLike<number>): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    if (mask && !mask[i]) continue;
    n++;
    sa += a[i];
    sb += b[i];
  }
  if (n < 2) return 0;
  const ma = sa / n;
  const mb = sb / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    if (mask && !mask[i]) continue;
    const da = a[i] - ma;
    const db = b[i] - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
}

/**
 * Correlation of a[i + offset] with b[i] over the indices given, in one pass: a tile of one image
 * against another shifted by `offset` (dy · width + dx). Samples of `a` that are NaN or past its
 * end are left out.
 */
export function shiftedCorrelation(a: ArrayLike<number>, b: ArrayLike<number>, indices: ArrayLike<number>, offset: number): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const x = a[i + offset];
    if (x === undefined || Number.isNaN(x)) continue;
    const y = b[i];
    n++;
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  if (n < 2) return 0;
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  return va > 0 && vb > 0 ? (sab - (sa * sb) / n) / Math.sqrt(va * vb) : 0;
}

// How sure a measured value is to lie beyond a limit: the chance under a normal error model. A ΔE
// of 20 against a tolerance of 10, measured ±2, is certain; a ΔE of 11 measured ±2 is a coin toss.

/** Standard normal cumulative distribution (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Probability that a quantity measured as `measured` ± `sigma` truly exceeds `limit`, to 2 decimals. */
export function beyond(measured: number, limit: number, sigma: number): number {
  if (!(sigma > 0)) return measured > limit ? 1 : 0;
  return Math.round(normalCdf((measured - limit) / sigma) * 100) / 100;
}
