// The name of the operation is part of the logo (Article II); rewording it is a modification
// under Article X. As for the badge, a reading too unlike the name is not quoted back.
import type { LogoRule } from './rule.ts';

export const taglineText: LogoRule = {
  meta: {
    id: 'tagline-text',
    kind: 'modification',
    severity: 'error',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: "La dénomination de l'opération figure dans le logo mot pour mot.",
      en: "The operation's name appears in the logo word for word.",
    },
    messages: {
      altered: {
        fr: '{{element}} : on lit « {{read}} » au lieu de « {{expected}} »',
        en: '{{element}}: it reads “{{read}}” instead of “{{expected}}”',
      },
      unreadable: {
        fr: '{{element}} : texte illisible ou remplacé ; le texte attendu est « {{expected}} »',
        en: '{{element}}: text unreadable or replaced; the expected text is “{{expected}}”',
      },
    },
    fix: {
      fr: 'ne retouchez pas le texte du logo : utilisez le fichier fourni (logo-check artwork --badge {{variant}})',
      en: 'do not edit the text of the logo: use the supplied file (logo-check artwork --badge {{variant}})',
    },
    charterEntries: ['crop.minVisibleFraction', 'tagline.text', 'text.minSimilarity', 'elements.tagline.name'],
  },
  check({ charter, logo }, report) {
    const { tagline } = logo;
    if (!logo.elements.tagline?.present || tagline.match !== null) return;
    // A text cut by the page edge is the cropped rule's, as for missing-element.
    if (logo.elements.tagline.visibleFraction < charter.crop.minVisibleFraction) return;
    // Letters too small or blurred to read are the unverifiable rule's, never an alteration.
    if (logo.unverifiable.some((u) => u.check === 'tagline-text')) return;
    const read = tagline.text !== null && tagline.similarity >= charter.text.minSimilarity ? tagline.text : null;
    report({
      messageId: read === null ? 'unreadable' : 'altered',
      data: { element: charter.elements.tagline.name, expected: charter.tagline.text, ...(read === null ? {} : { read }) },
      element: 'tagline',
      measured: tagline.text,
      expected: charter.tagline.text,
      confidence: tagline.confidence,
    });
  },
};
