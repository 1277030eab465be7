import { describe, expect, it } from 'vitest';
import { components, groupNearby } from './components.ts';

const mask = (rows: string[]) => Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0));

describe('components', () => {
  it('finds 4-connected regions with their boxes and areas', () => {
    const m = mask(['##..#', '#...#', '.....', '..#..', '.#...']);
    expect(components(m, 5, 5)).toEqual([
      { area: 3, x0: 0, y0: 0, x1: 1, y1: 1 },
      { area: 2, x0: 4, y0: 0, x1: 4, y1: 1 },
      // Diagonal neighbours are separate regions.
      { area: 1, x0: 2, y0: 3, x1: 2, y1: 3 },
      { area: 1, x0: 1, y0: 4, x1: 1, y1: 4 },
    ]);
  });
  it('counts area on `count` while connecting on the mask', () => {
    const m = mask(['###', '...', '...']);
    const count = mask(['#.#', '...', '...']);
    expect(components(m, 3, 3, count)).toEqual([{ area: 2, x0: 0, y0: 0, x1: 2, y1: 0 }]);
  });
});

describe('groupNearby', () => {
  const box = (x0: number, y0: number, x1: number, y1: number, area = 10) => ({ area, x0, y0, x1, y1 });
  it('merges the glyphs of one word, spaced less than the reach times their height', () => {
    // « -20 % »: three glyphs 10 px tall, 4 px apart, then a % 6 px further on.
    const glyphs = [box(0, 0, 5, 9), box(10, 0, 15, 9), box(20, 0, 25, 9), box(32, 0, 37, 9)];
    expect(groupNearby(glyphs, 0.75)).toEqual([box(0, 0, 37, 9, 40)]);
  });
  it('keeps marks apart when the gap is larger than the reach', () => {
    const apart = [box(0, 0, 9, 9), box(30, 0, 39, 9)];
    expect(groupNearby(apart, 0.75)).toHaveLength(2);
  });
  it('measures the gap along either axis and merges transitively', () => {
    const column = [box(0, 0, 9, 9), box(0, 15, 9, 24), box(0, 30, 9, 39), box(100, 100, 101, 101)];
    expect(groupNearby(column, 0.75)).toEqual([box(0, 0, 9, 39, 30), box(100, 100, 101, 101)]);
  });
});
