// How sure a finding is: the chance that the true value lies beyond the limit, given what was
// measured and the measurement's standard deviation (a normal error model). A ΔE of 20 against a
// tolerance of 10, measured ±2, is certain; a ΔE of 11 measured ±2 is a coin toss.

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
