import { describe, expect, it } from 'vitest';
import type { Homography } from '../types.ts';
import { invert, mapBox, multiply, project, rectangleToQuad, squareToQuad, type Quad } from './homography.ts';

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

const close = (a: [number, number], b: [number, number], eps = 1e-9) => {
  expect(a[0]).toBeCloseTo(b[0], -Math.log10(eps));
  expect(a[1]).toBeCloseTo(b[1], -Math.log10(eps));
};

describe('squareToQuad / rectangleToQuad', () => {
  const perspective: Quad = [
    [120.5, 80.25],
    [910, 130],
    [860.75, 1220],
    [90, 1100.5],
  ];

  it('maps the unit square onto a perspective quadrilateral, corner for corner', () => {
    const h = squareToQuad(perspective);
    const unit: Array<[number, number]> = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    unit.forEach(([u, v], i) => close(project(h, u, v), perspective[i], 1e-6));
  });

  it('handles a parallelogram (no perspective) exactly', () => {
    const quad: Quad = [
      [10, 20],
      [110, 30],
      [100, 230],
      [0, 220],
    ];
    const h = squareToQuad(quad);
    expect(h.slice(6)).toEqual([0, 0, 1]);
    close(project(h, 1, 1), [100, 230]);
  });

  it('maps a width × height rectangle, and its inverse maps back', () => {
    const h = rectangleToQuad(620, 877, perspective);
    close(project(h, 620, 877), perspective[2], 1e-6);
    close(project(h, 0, 877), perspective[3], 1e-6);
    const back = invert(h);
    close(project(back, ...project(h, 311.5, 402.25)), [311.5, 402.25], 1e-6);
  });
});

describe('mapBox', () => {
  it('scales a box with a scaling', () => {
    const h: Homography = [2, 0, 0, 0, 3, 0, 0, 0, 1];
    expect(mapBox(h, [1, 1, 2, 2])).toEqual([2, 3, 4, 6]);
  });

  it('bounds the four projected corners of a turned box', () => {
    // 90° turn about the origin: (x, y) → (−y, x).
    const h: Homography = [0, -1, 0, 1, 0, 0, 0, 0, 1];
    const [x, y, w, hgt] = mapBox(h, [0, 0, 10, 20]);
    expect([x, y, w, hgt].map((v) => v + 0)).toEqual([-20, 0, 20, 10]);
  });

  it('bounds the projected corners under perspective, not just two of them', () => {
    const quad: Quad = [
      [100, 100],
      [500, 60],
      [540, 700],
      [80, 640],
    ];
    const h = rectangleToQuad(400, 600, quad);
    const box = mapBox(h, [100, 100, 200, 300]);
    const corners = [project(h, 100, 100), project(h, 300, 100), project(h, 300, 400), project(h, 100, 400)];
    expect(box[0]).toBeCloseTo(Math.min(...corners.map((c) => c[0])), 9);
    expect(box[1]).toBeCloseTo(Math.min(...corners.map((c) => c[1])), 9);
    expect(box[0] + box[2]).toBeCloseTo(Math.max(...corners.map((c) => c[0])), 9);
    expect(box[1] + box[3]).toBeCloseTo(Math.max(...corners.map((c) => c[1])), 9);
    // The whole page maps onto the quadrilateral's bounding box.
    expect(mapBox(h, [0, 0, 400, 600]).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([80, 60, 460, 640]);
  });
});
