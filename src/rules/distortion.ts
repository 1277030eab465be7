// Stretching or slanting the logo changes its drawing: a modification under Article X. Stretch
// and slant are told apart because the reader fixes them differently.
import { beyond } from '../image/stats.ts';
import type { LogoRule } from './rule.ts';
import { percent } from './template.ts';

export const distortion: LogoRule = {
  meta: {
    id: 'distortion',
    kind: 'modification',
    severity: 'error',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: "Le logo garde ses proportions : il n'est ni étiré, ni écrasé, ni penché.",
      en: 'The logo keeps its proportions: it is neither stretched, squashed nor slanted.',
    },
    messages: {
      stretched: {
        fr: 'le logo est déformé : il est étiré {{direction}} de {{deviation}} % (tolérance {{max}} %)',
        en: 'the logo is distorted: it is stretched {{direction}} by {{deviation}}% (tolerance {{max}}%)',
      },
      skewed: {
        fr: 'le logo est déformé : il est penché de {{skew}}° (tolérance {{max}}°)',
        en: 'the logo is distorted: it is slanted by {{skew}}° (tolerance {{max}}°)',
      },
    },
    fix: {
      fr: 'redimensionnez le logo sans changer ses proportions (en tirant un coin, touche Maj enfoncée) ou repartez du fichier fourni (logo-check artwork --badge {{variant}})',
      en: 'resize the logo without changing its proportions (drag a corner while holding Shift) or start again from the supplied file (logo-check artwork --badge {{variant}})',
    },
    charterEntries: ['geometry.maxAspectDeviation', 'geometry.maxSkewDeg'],
  },
  check({ charter, logo }, report) {
    const { aspectRatio, skewDeg, precision } = logo.geometry;
    const { maxAspectDeviation, maxSkewDeg } = charter.geometry;
    // Bounds rather than |ratio − 1|, so that a ratio written 1.04 is not read 0.040000000000000036 off.
    if (aspectRatio > 1 + maxAspectDeviation || aspectRatio < 1 - maxAspectDeviation) {
      report({
        messageId: 'stretched',
        data: {
          // aspectRatio is horizontal over vertical scale: above 1 the logo got wider.
          direction: aspectRatio > 1 ? { fr: 'en largeur', en: 'horizontally' } : { fr: 'en hauteur', en: 'vertically' },
          deviation: percent(Math.abs(aspectRatio - 1)),
          max: percent(maxAspectDeviation),
        },
        measured: aspectRatio,
        expected: 1,
        confidence: beyond(Math.abs(aspectRatio - 1), maxAspectDeviation, precision.aspect),
      });
    }
    if (Math.abs(skewDeg) > maxSkewDeg) {
      report({
        messageId: 'skewed',
        data: { skew: Math.abs(skewDeg), max: maxSkewDeg },
        measured: skewDeg,
        expected: 0,
        confidence: beyond(Math.abs(skewDeg), maxSkewDeg, precision.skewDeg),
      });
    }
  },
};
