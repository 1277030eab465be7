import { describe, expect, it } from 'vitest';
import { beyond, correlation, normalCdf, shiftedCorrelation } from './stats.ts';

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

describe('confidence', () => {
  it('normalCdf matches the table', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1)).toBeCloseTo(0.841345, 5);
    expect(normalCdf(-1.96)).toBeCloseTo(0.025, 4);
    expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
  });

  it('is certain far beyond the limit and a coin toss at it', () => {
    expect(beyond(20, 10, 2)).toBe(1);
    expect(beyond(10, 10, 2)).toBe(0.5);
    expect(beyond(11, 10, 2)).toBe(0.69);
    expect(beyond(4, 10, 2)).toBe(0);
  });

  it('treats an exact measurement as certain either way', () => {
    expect(beyond(3, 2, 0)).toBe(1);
    expect(beyond(1, 2, 0)).toBe(0);
  });
});

describe('shiftedCorrelation', () => {
  // A 1-D "image" with a step, and the same step one sample later.
  const a = [0, 0, 0, 9, 9, 9, 9, 0];
  const b = [0, 0, 9, 9, 9, 9, 0, 0];
  const tile = [1, 2, 3, 4, 5, 6];
  it('finds the copy at the offset that undoes the shift', () => {
    expect(shiftedCorrelation(a, b, tile, 1)).toBeCloseTo(1, 10);
    expect(shiftedCorrelation(a, b, tile, 0)).toBeLessThan(0.7);
  });
  it('leaves out NaN samples and those past the end', () => {
    const holes = [0, 0, NaN, 9, 9, 9, 9, 0];
    expect(shiftedCorrelation(holes, b, tile, 1)).toBeCloseTo(1, 10);
    expect(shiftedCorrelation(a, b, [5, 6, 7], 5)).toBe(0);
  });
});
