import { describe, expect, it } from 'vitest';
import type { Page, TextRun } from '../types.ts';
import { letterCount, textLayer } from './read.ts';

const page = (textRuns: TextRun[]): Page => ({ index: 3, width: 100, height: 100, rgba: new Uint8Array(4 * 100 * 100), textRuns });

describe('textLayer', () => {
  it('joins runs of a baseline with a space and starts a line when the baseline moves', () => {
    const text = textLayer(
      page([
        { text: 'Forfait', bbox: [10, 10, 40, 12] },
        { text: 'installation :', bbox: [55, 10, 60, 12] },
        { text: '350 € HT', bbox: [10, 30, 40, 12] },
        { text: '', bbox: [10, 50, 0, 12] },
      ]),
    );
    expect(text).toEqual({ page: 3, text: 'Forfait installation :\n350 € HT', source: 'pdf-text', confidence: 1 });
  });

  it('leaves out the words inside a logo: they are the tagline, not running text', () => {
    const runs: TextRun[] = [
      { text: 'Entrepreneurs faites le choix du numérique', bbox: [10, 10, 60, 8] },
      { text: 'Offre de base : 350 € HT', bbox: [10, 60, 60, 8] },
    ];
    expect(textLayer(page(runs), [[0, 0, 80, 30]]).text).toBe('Offre de base : 350 € HT');
  });

  it('gives an empty text for a page without a text layer', () => {
    expect(textLayer(page([])).text).toBe('');
  });
});

it('counts letters, accented ones too, not digits or signs', () => {
  expect(letterCount('Durée : 2 h, 45 €')).toBe(6);
});
