import { describe, expect, it } from 'vitest';
import { editDistance, judgeText, normaliseText, similarity, tileLikeness } from './texts.ts';

const approved = [
  { id: 'offre-referencee', text: 'offre référencée' },
  { id: 'equipement-reference', text: 'équipement référencé' },
];

describe('normaliseText', () => {
  it('composes accents, straightens apostrophes and collapses spaces', () => {
    expect(normaliseText('  l\u2019e\u0301conomie\n  nume\u0301rique ')).toBe("l'économie numérique");
  });
});

describe('editDistance and similarity', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['offre', 'ofre', 1],
    ['référencée', 'referencee', 3],
  ])('%j vs %j = %d', (a, b, d) => expect(editDistance(a, b)).toBe(d));
  it('is 1 for equal texts and 0 for disjoint ones', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
  });
});

describe('judgeText', () => {
  it('matches an approved text exactly', () => {
    expect(judgeText('offre  référencée', 'ocr', approved)).toMatchObject({ match: 'offre-referencee', similarity: 1 });
  });
  it('does not match a misspelt text, but names the closest', () => {
    const m = judgeText('offre référencé', 'ocr', approved);
    expect(m.match).toBeNull();
    expect(m.closest).toBe('offre-referencee');
    expect(m.similarity).toBeCloseTo(15 / 16, 3);
  });
  it('reports nothing read as such', () => {
    expect(judgeText(null, null, approved)).toEqual({ text: null, source: null, match: null, similarity: 0, closest: null, confidence: 1 });
  });
});

describe('tileLikeness', () => {
  // A 24 × 8 "text": vertical strokes every 3 pixels.
  const width = 24;
  const artwork = Uint8Array.from({ length: width * 8 }, (_, i) => (i % 3 === 0 ? 0 : 255));
  const all = new Uint8Array(width * 8).fill(1);

  it('is 1 for the artwork itself, whatever the contrast', () => {
    const page = Float32Array.from(artwork, (v) => 40 + v / 2);
    expect(tileLikeness(page, artwork, all, width)).toBeCloseTo(1, 6);
  });

  it('falls when one tile differs', () => {
    const page = Float32Array.from(artwork, (v, i) => (i % width >= 18 ? 255 : v));
    expect(tileLikeness(page, artwork, all, width)).toBeLessThan(0.1);
  });

  it('is 0 when every tile is hidden: nothing shows the text', () => {
    expect(tileLikeness(Float32Array.from(artwork), artwork, new Uint8Array(width * 8), width)).toBe(0);
  });
});
