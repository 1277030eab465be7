import { describe, expect, it } from 'vitest';
import { letterTopLikeness } from './letter-tops.ts';

describe('letterTopLikeness', () => {
  // A 12 × 8 artwork: a letter body (rows 4–7) and an accent above it (rows 0–1, columns 4–6).
  const width = 12;
  const artwork = Float32Array.from({ length: width * 8 }, (_, i) => {
    const [x, y] = [i % width, Math.floor(i / width)];
    if (y >= 4 && x >= 3 && x <= 8) return 0;
    if (y <= 1 && x >= 4 && x <= 6) return 0;
    return 255;
  });
  const part = { area: 6, x0: 4, y0: 0, x1: 6, y1: 1 };
  const none = new Uint8Array(width * 8);

  it('is 1 where the accent is drawn, whatever the contrast', () => {
    const page = Float32Array.from(artwork, (v) => 30 + v * 0.7);
    expect(letterTopLikeness(page, artwork, width, [part], none, 1)[0]).toBeCloseTo(1, 6);
  });

  it('is about 0 where the accent was removed', () => {
    const page = Float32Array.from(artwork, (v, i) => (Math.floor(i / width) <= 1 ? 250 : v));
    expect(letterTopLikeness(page, artwork, width, [part], none, 1)[0]).toBeLessThan(0.2);
  });

  it('says nothing (NaN) where the accent is hidden or off the page', () => {
    const hidden = new Uint8Array(width * 8).fill(1);
    expect(letterTopLikeness(artwork, artwork, width, [part], hidden, 1)[0]).toBeNaN();
    const offPage = Float32Array.from(artwork, () => NaN);
    expect(letterTopLikeness(offPage, artwork, width, [part], none, 1)[0]).toBeNaN();
  });

  it('says nothing (NaN) where the page edge cuts into the accent (a logo cut by the trim)', () => {
    // Column 4 (the accent's left third) is off the page: what shows would correlate poorly.
    const cut = Float32Array.from(artwork, (v, i) => (i % width <= 4 ? NaN : v));
    expect(letterTopLikeness(cut, artwork, width, [part], none, 1)[0]).toBeNaN();
  });
});
