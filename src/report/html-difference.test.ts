import { describe, expect, it } from 'vitest';
import { DIFFERENCE, differenceMap, differenceShares, paintDifference } from './html-difference.ts';

const W = 8;
const H = 8;
const WHITE = { r: 255, g: 255, b: 255 };
type Rgba = [number, number, number, number];

/** An RGBA raster filled with one colour, then with `paint` applied to the pixels it lists. */
function raster(fill: Rgba, paint: Array<[number, number, Rgba]> = []): Uint8Array {
  const out = new Uint8Array(W * H * 4);
  for (let i = 0; i < W * H; i++) out.set(fill, i * 4);
  for (const [x, y, c] of paint) out.set(c, (y * W + x) * 4);
  return out;
}

/** Every pixel of the 4×4 square at (2, 2). */
const square = (c: Rgba): Array<[number, number, Rgba]> => Array.from({ length: 16 }, (_, k) => [2 + (k % 4), 2 + Math.floor(k / 4), c]);

const BLUE: Rgba = [0, 85, 164, 255];
const RED: Rgba = [225, 0, 15, 255];
const PAPER: Rgba = [255, 255, 255, 255];
const NONE: Rgba = [0, 0, 0, 0];

const codesAt = (codes: Uint8Array, x: number, y: number) => codes[y * W + x];
const base = { width: W, height: H, ground: WHITE, threshold: 10, blur: 0 };

describe('difference between a logo and its artwork', () => {
  it('finds nothing when the logo is the artwork on white paper', () => {
    const codes = differenceMap({ ...base, logo: raster(PAPER, square(BLUE)), artwork: raster(NONE, square(BLUE)) });
    expect([...codes].every((c) => c === DIFFERENCE.same)).toBe(true);
  });

  it('marks ink where the artwork draws nothing as added', () => {
    const codes = differenceMap({ ...base, logo: raster(PAPER, square(RED)), artwork: raster(NONE) });
    expect(codesAt(codes, 3, 3)).toBe(DIFFERENCE.added);
    expect(codesAt(codes, 0, 0)).toBe(DIFFERENCE.same);
    expect(differenceShares(codes).added).toBeCloseTo(16 / 64);
  });

  it('marks paper where the artwork draws ink as removed', () => {
    const codes = differenceMap({ ...base, logo: raster(PAPER), artwork: raster(NONE, square(BLUE)) });
    expect(codesAt(codes, 4, 4)).toBe(DIFFERENCE.removed);
  });

  it('marks ink of another colour as changed', () => {
    const codes = differenceMap({ ...base, logo: raster(PAPER, square(RED)), artwork: raster(NONE, square(BLUE)) });
    expect(codesAt(codes, 2, 5)).toBe(DIFFERENCE.changed);
    expect(differenceShares(codes)).toEqual({ added: 0, removed: 0, changed: 16 / 64 });
  });

  it('takes the ground from the paper the logo sits on, not white', () => {
    const cream: Rgba = [250, 240, 200, 255];
    const codes = differenceMap({ ...base, ground: { r: 250, g: 240, b: 200 }, logo: raster(cream, square(BLUE)), artwork: raster(NONE, square(BLUE)) });
    expect([...codes].every((c) => c === DIFFERENCE.same)).toBe(true);
  });

  it('drops lines two pixels wide (a registration a pixel off), keeps a blot', () => {
    const line: Array<[number, number, Rgba]> = Array.from({ length: 8 }, (_, y) => [1, y, RED]);
    const codes = differenceMap({ ...base, logo: raster(PAPER, [...line, ...line.map(([, y, c]) => [2, y, c] as [number, number, Rgba])]), artwork: raster(NONE) });
    expect([...codes].every((c) => c === DIFFERENCE.same)).toBe(true);
  });

  it('says which part lies off the page, and counts shares over the part on it', () => {
    const logo = raster(PAPER, square(RED));
    for (let y = 0; y < H; y++) logo.set(NONE, (y * W + 7) * 4);
    const codes = differenceMap({ ...base, logo, artwork: raster(NONE) });
    expect(codesAt(codes, 7, 0)).toBe(DIFFERENCE.offPage);
    expect(differenceShares(codes).added).toBeCloseTo(16 / 56);
  });

  it('paints the differences in full colour over the faded artwork', () => {
    const codes = new Uint8Array(W * H);
    codes[0] = DIFFERENCE.added;
    const painted = paintDifference(codes, raster(NONE, square(BLUE)), W, H);
    expect([...painted.slice(0, 4)]).toEqual([0xc0, 0x00, 0xd8, 255]);
    // The artwork's blue is faded to a light grey, white stays the lightest.
    const faded = painted[(3 * W + 3) * 4];
    expect(faded).toBeGreaterThan(190);
    expect(faded).toBeLessThan(painted[(7 * W + 7) * 4]);
  });
});
