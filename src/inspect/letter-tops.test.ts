import { describe, expect, it } from 'vitest';
import { blurPlane } from '../image/blur.ts';
import { letterTopEvidence } from './letter-tops.ts';

describe('letterTopEvidence', () => {
  // A 12 × 10 artwork: a letter body (rows 4–9, columns 3–8) and an accent above it (rows 1–2,
  // columns 4–6), dark on white; `glyphs` marks both.
  const width = 12;
  const height = 10;
  const xy = (i: number) => [i % width, Math.floor(i / width)];
  const isAccent = (x: number, y: number) => y >= 1 && y <= 2 && x >= 4 && x <= 6;
  const isBody = (x: number, y: number) => y >= 4 && x >= 3 && x <= 8;
  const crisp = Float32Array.from({ length: width * height }, (_, i) => (isAccent(...(xy(i) as [number, number])) || isBody(...(xy(i) as [number, number])) ? 0 : 255));
  const glyphs = Uint8Array.from(crisp, (v) => (v === 0 ? 1 : 0));
  const part = { area: 6, x0: 4, y0: 1, x1: 6, y1: 3 };
  const none = new Uint8Array(width * height);
  const withoutAccent = Float32Array.from(crisp, (v, i) => (isAccent(...(xy(i) as [number, number])) ? 255 : v));

  it('prefers the drawing with the accent where the accent is drawn, whatever the contrast', () => {
    const page = Float32Array.from(crisp, (v) => 30 + v * 0.7);
    const [e] = letterTopEvidence(page, crisp, glyphs, width, [part], none, 1, 0);
    expect(e.withTop).toBeCloseTo(1, 6);
    expect(e.withoutTop).toBeLessThan(e.withTop - 0.2);
  });

  it('finds a removed accent unlike the artwork on a crisp capture (its place is then blank)', () => {
    const [e] = letterTopEvidence(withoutAccent, crisp, glyphs, width, [part], none, 1, 0);
    expect(e.apart).toBe(true);
    expect(e.withTop).toBeLessThan(0.3);
  });

  it('prefers the drawing without it where the accent was removed on a blurred capture, where the letter bleeds into its place', () => {
    const page = blurPlane(withoutAccent, width, height, 1);
    const [e] = letterTopEvidence(page, crisp, glyphs, width, [part], none, 1, 1);
    expect(e.apart).toBe(false);
    expect(e.withoutTop).toBeGreaterThan(e.withTop + 0.1);
  });

  it('says nothing (NaN) where the accent is hidden or off the page', () => {
    const hidden = new Uint8Array(width * height).fill(1);
    expect(letterTopEvidence(crisp, crisp, glyphs, width, [part], hidden, 1, 0)[0].withTop).toBeNaN();
    const offPage = Float32Array.from(crisp, () => NaN);
    expect(letterTopEvidence(offPage, crisp, glyphs, width, [part], none, 1, 0)[0].withTop).toBeNaN();
  });

  it('says nothing (NaN) where the page edge cuts into the accent (a logo cut by the trim)', () => {
    // Column 4 (the accent's left third) is off the page: what shows would correlate poorly.
    const cut = Float32Array.from(crisp, (v, i) => (i % width <= 4 ? NaN : v));
    expect(letterTopEvidence(cut, crisp, glyphs, width, [part], none, 1, 0)[0].withTop).toBeNaN();
  });

  it('flags an accent standing apart from its letter, whose erased window is blank', () => {
    const apart = { area: 6, x0: 4, y0: 0, x1: 6, y1: 2 };
    const [e] = letterTopEvidence(crisp, crisp, glyphs, width, [apart], none, 0, 0);
    expect(e.apart).toBe(true);
    expect(e.withTop).toBeCloseTo(1, 6);
  });
  it('takes a flat page where the accent was drawn, with a faint trace of its letter in the artwork, for the accent gone', () => {
    // Blurred artwork bleeds a little of the letter into the accent's window (so the erased drawing
    // is not blank there); the crisp page, its accent removed, is flat: no correlation exists.
    const accentOnly = { area: 6, x0: 4, y0: 1, x1: 6, y1: 2 };
    const [e] = letterTopEvidence(withoutAccent, crisp, glyphs, width, [accentOnly], none, 1, 1);
    expect(e.apart).toBe(false);
    expect(e.withoutTop).toBeGreaterThan(e.withTop + 0.5);
  });
});
