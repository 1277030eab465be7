// Article X forbids any « adjonction » to the logo other than the partner's own logo. Marks
// smaller than the charter's threshold are print dust or compression noise, not additions.
import type { BBox, LogoMeasurement } from '../types.ts';
import type { Localised, LogoRule } from './rule.ts';
import { percent } from './template.ts';

// Rows top to bottom, columns left to right: where a mark sits, in words a partner can act on.
const PLACES: Localised[][] = [
  [
    { fr: 'en haut à gauche', en: 'at the top left' },
    { fr: 'en haut', en: 'at the top' },
    { fr: 'en haut à droite', en: 'at the top right' },
  ],
  [
    { fr: 'à gauche', en: 'on the left' },
    { fr: 'au centre', en: 'in the centre' },
    { fr: 'à droite', en: 'on the right' },
  ],
  [
    { fr: 'en bas à gauche', en: 'at the bottom left' },
    { fr: 'en bas', en: 'at the bottom' },
    { fr: 'en bas à droite', en: 'at the bottom right' },
  ],
];

/** Which third of the logo, across and down, holds the centre of the mark. */
function place(region: BBox, logo: LogoMeasurement): Localised {
  const [lx, ly, lw, lh] = logo.detection.bbox;
  const third = (centre: number, start: number, size: number) =>
    size > 0 ? Math.min(2, Math.max(0, Math.floor(((centre - start) / size) * 3))) : 1;
  const column = third(region[0] + region[2] / 2, lx, lw);
  const row = third(region[1] + region[3] / 2, ly, lh);
  return PLACES[row][column];
}

export const addition: LogoRule = {
  meta: {
    id: 'addition',
    kind: 'addition',
    severity: 'error',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: "Rien n'est ajouté dans le logo, hormis le logo du partenaire.",
      en: "Nothing is added inside the logo, except the partner's own logo.",
    },
    messages: {
      added: {
        fr: 'un élément a été ajouté dans le logo, {{where}} ({{area}} % de sa surface ; x {{x}}, y {{y}}, {{width}} × {{height}} px)',
        en: 'a mark was added inside the logo, {{where}} ({{area}}% of its area; x {{x}}, y {{y}}, {{width}} × {{height}} px)',
      },
    },
    fix: {
      fr: "retirez ce qui a été ajouté : seul le logo de votre entreprise peut accompagner celui de l'opération",
      en: "remove what was added: only your own company's logo may accompany the operation's logo",
    },
    charterEntries: ['addition.minAreaFraction'],
  },
  check({ charter, logo }, report) {
    for (const region of logo.additions) {
      if (region.partnerLogo || region.areaFraction < charter.addition.minAreaFraction) continue;
      const [x, y, width, height] = region.bbox;
      report({
        messageId: 'added',
        data: { where: place(region.bbox, logo), area: percent(region.areaFraction), x, y, width, height },
        measured: region.areaFraction,
        expected: 0,
        confidence: region.confidence,
      });
    }
  },
};
