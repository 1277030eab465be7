import { describe, expect, it } from 'vitest';
import { correlation } from './stats.ts';

describe('correlation', () => {
  it('is 1 for an affine copy, -1 for an inverted one, 0 for a flat one', () => {
    const a = [1, 2, 3, 4];
    expect(correlation(a, [3, 5, 7, 9])).toBeCloseTo(1, 10);
    expect(correlation(a, [4, 3, 2, 1])).toBeCloseTo(-1, 10);
    expect(correlation(a, [5, 5, 5, 5])).toBe(0);
  });
  it('uses only the masked samples', () => {
    expect(correlation([1, 2, 3, 100], [1, 2, 3, -100], [1, 1, 1, 0])).toBeCloseTo(1, 10);
  });
});
