// What the capture did not let logo-check judge: letters too small or blurred to read. Saying so is honest; calling a logo that may be compliant non-compliant is not
// (Article X judges what is really on the page). A warning, with what was measured.
import type { LogoRule } from './rule.ts';
import type { Unverifiable } from '../types.ts';
import type { Localised } from './rule.ts';

const CHECKS: Record<Unverifiable['check'], Localised> = {
  'badge-text': { fr: 'le texte de la mention', en: 'the badge text' },
  'tagline-text': { fr: 'le texte de la dénomination', en: 'the tagline text' },
};

/** The same, after « les accents de » / « the accents of ». */
const OF_CHECKS: Record<Unverifiable['check'], Localised> = {
  'badge-text': { fr: 'du texte de la mention', en: 'the badge text' },
  'tagline-text': { fr: 'du texte de la dénomination', en: 'the tagline text' },
};

const both = (items: Unverifiable[]): Localised => ({
  fr: items.map((i) => OF_CHECKS[i.check].fr).join(' et '),
  en: items.map((i) => OF_CHECKS[i.check].en).join(' and '),
});

const MESSAGE = { 'too-small': 'tooSmall', 'too-blurred': 'tooBlurred' } as const;

export const unverifiable: LogoRule = {
  meta: {
    id: 'unverifiable',
    kind: 'unverified',
    severity: 'warning',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: 'Ce que la qualité du fichier ne permet pas de vérifier est signalé, sans conclure à une infraction.',
      en: 'What the quality of the file does not allow to check is reported, without concluding to a breach.',
    },
    messages: {
      tooSmall: {
        fr: "{{check}} n'a pas pu être vérifié : lettres de {{height}} px de haut, il en faut au moins {{min}} pour les lire sûrement",
        en: '{{check}} could not be checked: letters {{height}} px high, at least {{min}} are needed to read them reliably',
      },
      accentsTooSmall: {
        fr: "les accents et les points {{check}} n'ont pas pu être vérifiés : lettres de {{height}} px de haut, il en faut au moins {{min}} ; les mots, eux, sont conformes",
        en: 'the accents and dots of {{check}} could not be checked: letters {{height}} px high, at least {{min}} are needed; the words themselves match',
      },
      tooBlurred: {
        fr: "{{check}} n'a pas pu être vérifié : image trop floue ou trop compressée à cet endroit (lettres de {{height}} px)",
        en: '{{check}} could not be checked: the image is too blurred or compressed there (letters {{height}} px high)',
      },
    },
    fix: {
      fr: 'vérifiez ce point à l’œil, ou fournissez une version plus grande ou plus nette du document (PDF d’origine, numérisation à 300 dpi)',
      en: 'check this by eye, or provide a larger or sharper version of the document (the original PDF, a 300 dpi scan)',
    },
    charterEntries: ['verdict.minTextHeightPx'],
  },
  check({ charter, logo }, report) {
    // Accents too small to see go together: on a small logo both texts have them, and one warning
    // says it (the words themselves matched).
    const accents = logo.unverifiable.filter((i) => i.reason === 'accents-too-small');
    if (accents.length) {
      report({
        messageId: 'accentsTooSmall',
        data: { check: both(accents), height: Math.min(...accents.map((i) => i.textHeightPx)), min: charter.verdict.minTextHeightPx },
        ...(accents.length === 1 && { element: accents[0].element }),
        measured: 'accents-too-small',
        expected: null,
      });
    }
    for (const item of logo.unverifiable.filter((i) => i.reason !== 'accents-too-small')) {
      report({
        messageId: MESSAGE[item.reason as keyof typeof MESSAGE],
        data: { check: CHECKS[item.check], height: item.textHeightPx, min: charter.verdict.minTextHeightPx },
        element: item.element,
        measured: item.reason,
        expected: null,
      });
    }
  },
};
