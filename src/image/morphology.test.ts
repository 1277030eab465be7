import { describe, expect, it } from 'vitest';
import { dilate, erodeMask, insideDistance, maxFilter } from './morphology.ts';

// 5×5 masks written row by row.
const mask = (rows: string[]) => Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0));
const show = (m: ArrayLike<number>, w: number) => Array.from({ length: m.length / w }, (_, y) => Array.from({ length: w }, (_, x) => (m[y * w + x] ? '#' : '.')).join(''));

describe('dilate', () => {
  it('grows a pixel into a (2r+1)² square, clipped at the image edge', () => {
    expect(show(dilate(mask(['.....', '.....', '..#..', '.....', '.....']), 5, 5, 1), 5)).toEqual(['.....', '.###.', '.###.', '.###.', '.....']);
    expect(show(dilate(mask(['#....', '.....', '.....', '.....', '.....']), 5, 5, 1), 5)).toEqual(['##...', '##...', '.....', '.....', '.....']);
  });
});

describe('erodeMask', () => {
  it('shrinks a square by r and removes strokes thinner than 2r+1', () => {
    expect(show(erodeMask(mask(['.....', '.###.', '.###.', '.###.', '.....']), 5, 5, 1), 5)).toEqual(['.....', '.....', '..#..', '.....', '.....']);
    expect(show(erodeMask(mask(['.....', '.....', '#####', '.....', '.....']), 5, 5, 1), 5)).toEqual(['.....', '.....', '.....', '.....', '.....']);
  });
  it('does not erode from the image edge (pixels off the image count as set)', () => {
    expect(show(erodeMask(mask(['##...', '##...', '.....', '.....', '.....']), 5, 5, 1), 5)).toEqual(['#....', '.....', '.....', '.....', '.....']);
  });
});

describe('maxFilter', () => {
  it('spreads each maximum over its (2r+1)² window; NaN counts as 0', () => {
    const values = new Float32Array([0, 0, 0, 0, 7, 0, NaN, 0, 0]);
    expect(Array.from(maxFilter(values, 3, 3, 1))).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 7]);
    const row = new Float32Array([5, 0, 0, 0, NaN]);
    expect(Array.from(maxFilter(row, 5, 1, 1))).toEqual([5, 5, 0, 0, 0]);
  });
});

describe('insideDistance', () => {
  it("is 1 on a shape's border, more inside it, 0 outside", () => {
    const d = insideDistance(mask(['.....', '.###.', '.###.', '.###.', '.....']), 5, 5);
    expect(d[0]).toBe(0);
    expect(d[6]).toBe(1);
    expect(d[12]).toBe(2);
  });
});
