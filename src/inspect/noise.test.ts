import { describe, expect, it } from 'vitest';
import { measureNoise } from './noise.ts';

/** A seeded Gaussian source (Box–Muller over a linear congruential generator). */
function gaussian(seed: number) {
  let s = seed;
  const uniform = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 1) / 2147483649;
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

describe('measureNoise', () => {
  const width = 64;
  const height = 64;
  const flat = new Uint8Array(width * height).fill(1);

  it('is 0 on flat ink', () => {
    expect(measureNoise(new Float32Array(width * height).fill(120), width, flat)).toBe(0);
  });

  it('recovers the σ of Gaussian grain within 15 %', () => {
    for (const sigma of [2, 6, 12]) {
      const g = gaussian(sigma);
      const luma = Float32Array.from({ length: width * height }, () => 128 + sigma * g());
      expect(measureNoise(luma, width, flat)).toBeGreaterThan(sigma * 0.85);
      expect(measureNoise(luma, width, flat)).toBeLessThan(sigma * 1.15);
    }
  });

  it('ignores slow shading (uneven light) and pixels outside the flat mask', () => {
    const luma = Float32Array.from({ length: width * height }, (_, i) => 60 + (i % width) * 0.5 + Math.floor(i / width));
    expect(measureNoise(luma, width, flat)).toBeLessThanOrEqual(0.6);
    const edges = new Float32Array(width * height).map((_, i) => (i % 2 ? 0 : 255));
    const none = new Uint8Array(width * height);
    expect(measureNoise(edges, width, none)).toBe(0);
  });
});
