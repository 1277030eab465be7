import { describe, expect, it } from 'vitest';
import { bilinear, interpolate, interpolateRgb, sampleGridRgb } from './sample.ts';

const identity = [1, 0, 0, 0, 1, 0, 0, 0, 1];

describe('bilinear', () => {
  it('interpolates between pixel centres and is NaN off the image', () => {
    const data = new Uint8Array([0, 100, 200, 100]);
    expect(bilinear(data, 2, 2, 0.5, 0)).toBe(50);
    expect(bilinear(data, 2, 2, 0.5, 0.5)).toBe(100);
    expect(bilinear(data, 2, 2, 1.5, 0)).toBeNaN();
  });
});

describe('sampleGridRgb', () => {
  // 2×1 RGBA: pure red, then pure blue.
  const rgba = new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255]);

  it('samples R, G, B and Rec. 601 luma through the transform', () => {
    const [R, G, B, L] = sampleGridRgb(rgba, 2, 1, identity, 2, 1, 1);
    expect(Array.from(R)).toEqual([255, 0]);
    expect(Array.from(G)).toEqual([0, 0]);
    expect(Array.from(B)).toEqual([0, 255]);
    expect(L[0]).toBeCloseTo(0.299 * 255, 3);
    expect(L[1]).toBeCloseTo(0.114 * 255, 3);
  });
  it('blends neighbours at half-pixel positions and gives NaN off the page', () => {
    const halfway = [1, 0, 0.5, 0, 1, 0, 0, 0, 1];
    const [R, , B] = sampleGridRgb(rgba, 2, 1, halfway, 2, 1, 1);
    expect(R[0]).toBeCloseTo(127.5, 3);
    expect(B[0]).toBeCloseTo(127.5, 3);
    expect(R[1]).toBeNaN();
  });

  it('interpolates between pixel centres at i + ½ and holds the edge values beyond them', () => {
    const data = [0, 100, 200, 40];
    expect(interpolate(2, 2, 1, 0.5, (i) => data[i])).toBe(50);
    expect(interpolate(2, 2, 1, 1, (i) => data[i])).toBe(85);
    expect(interpolate(2, 2, -3, 0.2, (i) => data[i])).toBe(0);
    expect(interpolate(2, 2, 9, 9, (i) => data[i])).toBe(40);
    const rgba = [10, 20, 30, 255, 30, 40, 50, 255];
    expect(interpolateRgb(rgba, 2, 1, 1, 0.5)).toEqual([20, 30, 40]);
  });
});

