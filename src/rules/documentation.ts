// Annex 2.2 asks that the documentation of an offer state at least its prices and extra costs, the
// duration of intervention, the base offers and the optional services; Article VII adds the
// guarantee and the base unit of services. The items and their French wordings are the charter's:
// the rule only says which it found (quoted, with the page) and which it did not.
import type { Charter, FindingData, PageText } from '../types.ts';
import type { DocumentRule, Localised } from './rule.ts';
import { joinList, quoted } from './template.ts';
import { charterPattern, findWording, fold } from './wording.ts';

type Item = Charter['documentation']['items'][number];

export interface ItemFound {
  item: string;
  page: number;
  quote: string;
}

/** Where each item is first stated, in page order; items stated nowhere are absent. */
export function findItems(items: readonly Item[], texts: readonly PageText[]): Map<string, ItemFound> {
  const found = new Map<string, ItemFound>();
  for (const page of texts) {
    const folded = fold(page.text);
    for (const item of items) {
      if (found.has(item.id)) continue;
      const wording = findWording(page.text, folded, item.patterns.map(charterPattern));
      if (wording) found.set(item.id, { item: item.id, page: page.page, quote: wording.quote });
    }
  }
  return found;
}

/** An item's name, with the article asking for it when it is not the rule's own (Article VII). */
function itemName(item: Item, charter: Charter): Localised {
  if (item.clause === 'documentation') return item.name;
  const { article } = charter.terms.clauses[item.clause];
  return { fr: `${item.name.fr} (${article})`, en: `${item.name.en} (${article})` };
}

export const documentation: DocumentRule = {
  meta: {
    id: 'documentation',
    kind: 'documentation',
    severity: 'warning',
    clause: 'documentation',
    scope: 'document',
    description: {
      fr: "La documentation de l'offre précise les prix, les frais annexes, la durée d'intervention, les offres de base, les options, la garantie et l'unité de base des prestations.",
      en: 'The offer documentation states prices, extra costs, duration of intervention, base offers, options, guarantee and the base unit of services.',
    },
    messages: {
      missing: {
        fr: "la documentation de l'offre ne précise pas : {{missing}} ({{count}} sur {{total}}) ; trouvé : {{found}}",
        en: 'the offer documentation does not state: {{missing}} ({{count}} of {{total}}); found: {{found}}',
      },
    },
    fix: {
      fr: "ajoutez à la brochure ou à la page de l'offre ce qui manque ({{missing}}), ou un renvoi visible vers la documentation complète",
      en: 'add what is missing ({{missing}}) to the brochure or the offer page, or a visible pointer to the full documentation',
    },
    charterEntries: ['documentation.items', 'documentation.severity', 'terms.clauses.pricing'],
  },
  check({ charter, texts }, report) {
    // A document whose text was not read says nothing either way about its documentation.
    if (!texts) return;
    const { items, severity } = charter.documentation;
    const found = findItems(items, texts);
    const missing = items.filter((item) => !found.has(item.id));
    if (!missing.length) return;
    const quotes = [...found.values()];
    const foundWords: Localised = quotes.length
      ? joinList(
          quotes.map(({ item, page, quote }) => {
            const name = items.find((i) => i.id === item)!.name;
            const q = quoted(quote);
            return { fr: `${name.fr} p. ${page} ${q.fr}`, en: `${name.en} p. ${page} ${q.en}` };
          }),
        )
      : { fr: 'rien', en: 'nothing' };
    const details: FindingData = { missing: missing.map((item) => item.id), found: quotes.map((q) => ({ ...q })) };
    report({
      messageId: 'missing',
      data: { missing: joinList(missing.map((item) => itemName(item, charter))), count: missing.length, total: items.length, found: foundWords },
      severity,
      measured: quotes.map((q) => q.item).join(', ') || null,
      expected: items.map((item) => item.id).join(', '),
      // OCR may have missed the words that were there: the verdict is as sure as the reading.
      confidence: Math.min(1, ...texts.map((t) => t.confidence)),
      details,
    });
  },
};
