// How noisy the capture is, measured where the artwork is flat: inside the inks, away from edges.
// A scan or a phone photo adds grain that a file from design software does not; every judgement
// that compares pixels (colours, foreign marks, texts) must allow for it.
import type { ElementId } from '../charter/schema.ts';

/**
 * Noise as one standard deviation in grey levels: the median absolute difference between
 * horizontally adjacent pixels that both lie deep inside one ink area, scaled to σ
 * (for Gaussian noise a − b has σ√2, and |a − b| a median of 0.6745·σ√2 = 0.954·σ). Differences of neighbours cancel the slow
 * shading of uneven light, which a plain spread would count as noise.
 */
export function measureNoise(luma: Float32Array, width: number, flat: Uint8Array): number {
  const diffs: number[] = [];
  for (let i = 0; i < luma.length - 1; i++) {
    if (!flat[i] || !flat[i + 1] || (i + 1) % width === 0) continue;
    diffs.push(Math.abs(luma[i] - luma[i + 1]));
  }
  if (diffs.length < 30) return 0;
  diffs.sort((a, b) => a - b);
  const median = diffs[diffs.length >> 1];
  return Math.round((median / 0.954) * 10) / 10;
}

/** Pixels at least `minDepth` inside any ink area of any element: where the artwork is flat. */
export function flatInk(depths: Record<ElementId, Record<string, Float32Array>>, onPage: Uint8Array, minDepth: number): Uint8Array {
  const flat = new Uint8Array(onPage.length);
  for (const byInk of Object.values(depths)) {
    for (const depth of Object.values(byInk)) for (let i = 0; i < flat.length; i++) if (onPage[i] && depth[i] >= minDepth) flat[i] = 1;
  }
  return flat;
}
