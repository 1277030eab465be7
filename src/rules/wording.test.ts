import { describe, expect, it } from 'vitest';
import { findWording, fold, quoteAround } from './wording.ts';

describe('fold', () => {
  it('lowers, drops accents and typographic apostrophes, keeps where each character came from', () => {
    const folded = fold('Frais  de DÉPLACEMENT l’été');
    expect(folded.folded).toBe("frais de deplacement l'ete");
    expect(folded.origin[folded.folded.indexOf('deplacement')]).toBe('Frais  de DÉPLACEMENT'.indexOf('DÉPLACEMENT'));
  });
});

describe('quoteAround', () => {
  it('starts on a word, after the last sentence or line before the words', () => {
    const text = 'Die normale Mitgliedschaft kostet für Mitglieder 70€ pro Jahr';
    // 30 characters before « 70€ » fall inside « Mitgliedschaft »: the quote starts on the next word.
    expect(quoteAround(text, text.indexOf('70€'), text.indexOf('70€') + 3)).toBe('kostet für Mitglieder 70€ pro Jahr');
    const lines = 'Tarifs\nInstallation : 350 € HT. Déplacement offert';
    expect(quoteAround(lines, lines.indexOf('350'), lines.indexOf('350') + 5)).toBe('350 € HT');
  });
});

describe('findWording', () => {
  it('quotes the first place any pattern matches, as written', () => {
    const text = 'Intervention sur site : FRAIS DE DÉPLACEMENT inclus.';
    expect(findWording(text, fold(text), [/frais de deplacement/u])?.quote).toBe('FRAIS DE DÉPLACEMENT inclus');
    expect(findWording(text, fold(text), [/frais de deplacement/u, /intervention/u])?.quote).toBe('Intervention sur site : FRAIS DE');
  });
});
