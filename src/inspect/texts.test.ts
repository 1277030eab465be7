import { describe, expect, it } from 'vitest';
import { editDistance, judgeText, normaliseText, similarity } from './texts.ts';

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
