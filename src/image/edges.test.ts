import { describe, expect, it } from 'vitest';
import { edgeMap } from './edges.ts';

describe('edgeMap', () => {
  it('is strong on a step, zero on flat ground, NaN within two pixels of the image border', () => {
    // 8×5: black left half, white right half.
    const w = 8;
    const gray = Float32Array.from({ length: w * 5 }, (_, i) => (i % w < 4 ? 0 : 255));
    const e = edgeMap(gray, w, 5);
    const at = (x: number, y: number) => e[y * w + x];
    // Central differences are 255 at x = 3 and x = 4; the 3×3 box blur spreads them over x = 2..5.
    expect(at(3, 2)).toBeCloseTo((6 * 255) / 9, 3);
    expect(at(4, 2)).toBeCloseTo((6 * 255) / 9, 3);
    expect(at(2, 2)).toBeCloseTo((3 * 255) / 9, 3);
    expect(at(5, 2)).toBeCloseTo((3 * 255) / 9, 3);
    // The gradient is undefined on the border, so its blur is too one pixel further in.
    expect(at(1, 2)).toBeNaN();
    expect(at(3, 1)).toBeNaN();
  });
  it('is zero on flat ground', () => {
    const e = edgeMap(new Float32Array(36).fill(90), 6, 6);
    expect(e[2 * 6 + 2]).toBe(0);
  });
  it('is NaN wherever its 3×3 window reaches an off-page (NaN) input', () => {
    const gray = new Float32Array(25).fill(100);
    gray[12] = NaN;
    const e = edgeMap(gray, 5, 5);
    expect(e.filter((v) => !Number.isNaN(v)).length).toBe(0);
  });
});
