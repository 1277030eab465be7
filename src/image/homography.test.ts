import { describe, expect, it } from 'vitest';
import { invert, multiply, project } from './homography.ts';

describe('homography', () => {
  const h = [2, 0.5, 10, -0.3, 1.5, 4, 0.001, 0.002, 1];

  it('projects with the perspective divide', () => {
    const [x, y] = project(h, 10, 20);
    const w = 0.001 * 10 + 0.002 * 20 + 1;
    expect(x).toBeCloseTo((2 * 10 + 0.5 * 20 + 10) / w, 10);
    expect(y).toBeCloseTo((-0.3 * 10 + 1.5 * 20 + 4) / w, 10);
  });
  it('inverts: h · h⁻¹ is the identity and a point goes there and back', () => {
    const id = multiply(h, invert(h));
    [1, 0, 0, 0, 1, 0, 0, 0, 1].forEach((v, i) => expect(id[i]).toBeCloseTo(v, 10));
    const [x, y] = project(invert(h), ...project(h, 3, 7));
    expect(x).toBeCloseTo(3, 10);
    expect(y).toBeCloseTo(7, 10);
  });
  it('refuses a singular matrix', () => {
    expect(() => invert([1, 2, 0, 2, 4, 0, 0, 0, 1])).toThrow(/singular/);
  });
});
