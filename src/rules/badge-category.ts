// Article II ties the badge to the category of the partner's offer: an approved badge of another
// category misleads the public about what was referenced, however faithful its artwork is. So
// the rule cites Article II, not Article X.
import type { Charter } from '../types.ts';
import type { LogoRule } from './rule.ts';

function variant(charter: Charter, id: string) {
  const found = charter.badges.find((badge) => badge.id === id);
  if (!found) {
    throw new Error(`category "${id}" is not a badge variant of the charter; use one of ${charter.badges.map((badge) => badge.id).join(', ')}`);
  }
  return found;
}

export const badgeCategory: LogoRule = {
  meta: {
    id: 'badge-category',
    kind: 'modification',
    severity: 'error',
    clause: 'elements',
    scope: 'logo',
    description: {
      fr: 'La mention de catégorie est celle de la catégorie de votre offre.',
      en: 'The category badge is the one for the category of your offer.',
    },
    messages: {
      wrongCategory: {
        fr: '{{element}} : « {{read}} » ne correspond pas à votre catégorie déclarée, qui demande « {{expected}} » ({{category}})',
        en: '{{element}}: “{{read}}” does not match your declared category, which calls for “{{expected}}” ({{category}})',
      },
    },
    fix: {
      fr: 'utilisez le logo de votre catégorie (logo-check artwork --badge {{variant}})',
      en: 'use the logo for your category (logo-check artwork --badge {{variant}})',
    },
    charterEntries: ['badges', 'elements.badge.name'],
  },
  check({ charter, logo, category }, report) {
    const { match } = logo.badge;
    if (category === undefined || match === null || match === category) return;
    const declared = variant(charter, category);
    report({
      messageId: 'wrongCategory',
      data: {
        element: charter.elements.badge.name,
        read: variant(charter, match).text,
        expected: declared.text,
        category: declared.category,
      },
      element: 'badge',
      measured: match,
      expected: category,
    });
  },
};
