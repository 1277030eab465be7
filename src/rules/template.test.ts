import { describe, expect, it } from 'vitest';
import { fillTemplate, formatDate, formatNumber, joinList, percent, placeholders, quoted } from './template.ts';

describe('formatNumber', () => {
  it.each([
    [42.13, '42,1', '42.1'],
    [10, '10', '10'],
    [0.4, '0,4', '0.4'],
    [1234.56, '1234,6', '1234.6'],
    [-0.04, '0', '0'],
    [-2.5, '-2,5', '-2.5'],
  ])('%d → « %s » / "%s"', (value, fr, en) => {
    expect(formatNumber(value, 'fr')).toBe(fr);
    expect(formatNumber(value, 'en')).toBe(en);
  });
});

describe('formatDate', () => {
  it('writes whole UTC days, with the French ordinal for the first of the month', () => {
    expect(formatDate(new Date('2006-11-01T23:30:00Z'), 'fr')).toBe('1er novembre 2006');
    expect(formatDate(new Date('2008-12-31T00:00:00Z'), 'fr')).toBe('31 décembre 2008');
    expect(formatDate(new Date('2006-11-01T00:00:00Z'), 'en')).toBe('1 November 2006');
  });
});

describe('fillTemplate', () => {
  it('fills numbers, texts, dates and localised texts for the language', () => {
    const data = { n: 3.14159, s: '#E1000F', d: new Date('2009-01-01T00:00:00Z'), l: { fr: 'rouge', en: 'red' } };
    expect(fillTemplate('{{n}} {{s}} {{d}} {{ l }}', data, 'fr')).toBe('3,1 #E1000F 1er janvier 2009 rouge');
    expect(fillTemplate('{{n}} {{s}} {{d}} {{ l }}', data, 'en')).toBe('3.1 #E1000F 1 January 2009 red');
  });
  it('throws, naming the placeholder and the data given, when data is missing', () => {
    expect(() => fillTemplate('ΔE {{deltaE}}', { tolerance: 10 }, 'fr')).toThrow(/\{\{deltaE\}\}.*given: tolerance/);
  });
});

describe('helpers', () => {
  it('lists placeholders', () => {
    expect(placeholders('{{a}} et {{ b-c }}')).toEqual(['a', 'b-c']);
  });
  it('joins lists as each language does', () => {
    const items = [{ fr: 'gauche', en: 'left' }, { fr: 'haut', en: 'top' }, { fr: 'bas', en: 'bottom' }];
    expect(joinList(items)).toEqual({ fr: 'gauche, haut et bas', en: 'left, top and bottom' });
    expect(joinList(items.slice(0, 2), 'or')).toEqual({ fr: 'gauche ou haut', en: 'left or top' });
    expect(joinList(items.slice(0, 1))).toEqual({ fr: 'gauche', en: 'left' });
    expect(joinList([])).toEqual({ fr: '', en: '' });
  });
  it('quotes as each language does', () => {
    expect(quoted('offre')).toEqual({ fr: '« offre »', en: '“offre”' });
  });
  it('turns shares into percentages without binary noise', () => {
    expect(percent(0.979)).toBe(97.9);
    expect(percent(0.004)).toBe(0.4);
  });
});
