import { describe, expect, it } from 'vitest';
import { components } from './components.ts';

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
