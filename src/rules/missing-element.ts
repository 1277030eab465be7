// Removing an element of the logo is a « soustraction » under Article X. An element that is gone
// because the page edge cuts the logo is reported once, by `cropped`, not once per element.
import { ELEMENT_IDS } from '../charter/schema.ts';
import type { LogoRule } from './rule.ts';
import { percent } from './template.ts';

export const missingElement: LogoRule = {
  meta: {
    id: 'missing-element',
    kind: 'deletion',
    severity: 'error',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: 'Le logo garde tous les éléments que la charte graphique lui donne.',
      en: 'The logo keeps every element the graphic charter gives it.',
    },
    messages: {
      missing: {
        fr: "{{element}} : élément retiré ou masqué (ressemblance avec l'original de {{likeness}} %, au moins {{min}} % attendus)",
        en: '{{element}}: element removed or hidden (likeness to the original {{likeness}}%, at least {{min}}% expected)',
      },
    },
    fix: {
      fr: 'le logo doit garder tous ses éléments : utilisez le fichier complet fourni (logo-check artwork --badge {{variant}})',
      en: 'the logo must keep all its elements: use the complete supplied file (logo-check artwork --badge {{variant}})',
    },
    charterEntries: ['elements.*.required', 'elements.*.name', 'crop.minVisibleFraction', 'presence.minLikeness'],
  },
  check({ charter, logo }, report) {
    for (const id of ELEMENT_IDS) {
      const element = logo.elements[id];
      if (!element || element.present || !charter.elements[id].required) continue;
      if (element.visibleFraction < charter.crop.minVisibleFraction) continue;
      report({
        messageId: 'missing',
        data: { element: charter.elements[id].name, likeness: percent(element.likeness), min: percent(charter.presence.minLikeness) },
        element: id,
        measured: false,
        expected: true,
      });
    }
  },
};
