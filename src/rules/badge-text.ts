// Article II lists the only badge texts allowed; any other wording is a modification under
// Article X. A text read with little likeness to any approved one is reported as unreadable
// rather than quoted, since quoting OCR noise back to the partner would only confuse them.
import type { LogoRule } from './rule.ts';
import { joinList, quoted } from './template.ts';

export const badgeText: LogoRule = {
  meta: {
    id: 'badge-text',
    kind: 'modification',
    severity: 'error',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: 'La mention de catégorie reprend mot pour mot un des textes approuvés.',
      en: 'The category badge shows one of the approved texts, word for word.',
    },
    messages: {
      altered: {
        fr: '{{element}} : on lit « {{read}} » au lieu du texte approuvé « {{expected}} »',
        en: '{{element}}: it reads “{{read}}” instead of the approved text “{{expected}}”',
      },
      unreadable: {
        fr: '{{element}} : texte illisible ou remplacé ; le texte approuvé le plus proche est « {{expected}} »',
        en: '{{element}}: text unreadable or replaced; the closest approved text is “{{expected}}”',
      },
      unreadableAny: {
        fr: "{{element}} : texte illisible ou remplacé ; il doit s'agir d'un des textes approuvés : {{expected}}",
        en: '{{element}}: text unreadable or replaced; it must be one of the approved texts: {{expected}}',
      },
    },
    fix: {
      fr: 'utilisez le logo fourni avec la mention de votre catégorie, sans retoucher son texte (logo-check artwork --badge {{variant}})',
      en: 'use the supplied logo with the badge of your category, without editing its text (logo-check artwork --badge {{variant}})',
    },
    charterEntries: ['crop.minVisibleFraction', 'badges', 'text.minSimilarity', 'elements.badge.name'],
  },
  check({ charter, logo, category }, report) {
    const { badge } = logo;
    if (!logo.elements.badge?.present || badge.match !== null) return;
    // A text cut by the page edge is the cropped rule's, as for missing-element.
    if (logo.elements.badge.visibleFraction < charter.crop.minVisibleFraction) return;
    // Letters too small or blurred to read are the unverifiable rule's, never an alteration.
    if (logo.unverifiable.some((u) => u.check === 'badge-text')) return;
    const element = charter.elements.badge.name;
    const closest = charter.badges.find((variant) => variant.id === (badge.closest ?? category));
    if (!closest) {
      report({
        messageId: 'unreadableAny',
        data: { element, expected: joinList(charter.badges.map((variant) => quoted(variant.text)), 'or') },
        element: 'badge',
        measured: badge.text,
        expected: null,
        confidence: badge.confidence,
      });
      return;
    }
    const read = badge.text !== null && badge.similarity >= charter.text.minSimilarity ? badge.text : null;
    report({
      messageId: read === null ? 'unreadable' : 'altered',
      data: { element, expected: closest.text, ...(read === null ? {} : { read }) },
      element: 'badge',
      measured: badge.text,
      expected: closest.text,
      confidence: badge.confidence,
    });
  },
};
