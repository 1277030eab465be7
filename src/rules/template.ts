// Message templates in the ESLint style ("{{count}}"), filled for one language. Numbers keep one
// decimal at most: the measurements are not more precise than that, and a reader comparing
// "42,1" with "10" needs no more.
import type { Lang } from '../types.ts';
import type { Localised, TemplateValue } from './rule.ts';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

const numberFormats = new Map<Lang, Intl.NumberFormat>();
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

export function formatNumber(value: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (!format) {
    // Grouping would put a narrow no-break space in French pixel counts, which readers copy badly.
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1, useGrouping: false });
    numberFormats.set(lang, format);
  }
  // Rounding -0.04 must not show a minus sign in front of a zero.
  return format.format(value).replace(/^-(0(?:[.,]0)?)$/, '$1');
}

/** A calendar day in words; dates are whole UTC days, like the charter's period. */
export function formatDate(value: Date, lang: Lang): string {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  const text = format.format(value);
  // French writes the first day of a month as an ordinal: « 1er novembre 2006 ».
  return lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

function isLocalised(value: TemplateValue): value is Localised {
  return typeof value === 'object' && !(value instanceof Date);
}

export function formatValue(value: TemplateValue, lang: Lang): string {
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return formatDate(value, lang);
  return value[lang];
}

/**
 * Fills `{{name}}` placeholders. A placeholder without data is a bug in the rule, so it throws
 * rather than letting braces reach a partner's report; the engine reports the rule as failed.
 */
export function fillTemplate(template: string, data: Record<string, TemplateValue>, lang: Lang): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_, name: string) => {
    if (!(name in data)) {
      const given = Object.keys(data).join(', ') || 'none';
      throw new Error(`template « ${template} » uses {{${name}}}, which the data does not give (given: ${given})`);
    }
    return formatValue(data[name], lang);
  });
}

/** Placeholder names a template uses, for the registry's consistency checks. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].map((m) => m[1]);
}

const CONJUNCTIONS: Record<'and' | 'or', Localised> = { and: { fr: 'et', en: 'and' }, or: { fr: 'ou', en: 'or' } };

/** Joins texts as each language writes a list: « a, b et c », "a, b and c". */
export function joinList(items: Localised[], conjunction: 'and' | 'or' = 'and'): Localised {
  const join = (lang: Lang): string => {
    const words = items.map((item) => item[lang]);
    if (words.length <= 1) return words.join('');
    return `${words.slice(0, -1).join(', ')} ${CONJUNCTIONS[conjunction][lang]} ${words[words.length - 1]}`;
  };
  return { fr: join('fr'), en: join('en') };
}

/** A text quoted as each language quotes. */
export function quoted(text: string): Localised {
  return { fr: `« ${text} »`, en: `“${text}”` };
}

/**
 * A share (0..1) as the number shown before a % sign, without binary noise (0.979 × 100 is
 * 97.89999999999999), so drafts compare equal to the numbers a reader would write.
 */
export function percent(fraction: number): number {
  return Math.round(fraction * 1e6) / 1e4;
}
