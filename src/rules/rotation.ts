// A tilted logo is a modification under Article X; the charter's small tolerance absorbs scans
// that were fed slightly askew.
import { beyond } from '../image/stats.ts';
import type { LogoRule } from './rule.ts';

export const rotation: LogoRule = {
  meta: {
    id: 'rotation',
    kind: 'modification',
    severity: 'error',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: "Le logo est posé droit, à l'horizontale.",
      en: 'The logo sits straight, horizontal.',
    },
    messages: {
      rotated: {
        fr: 'le logo est tourné de {{angle}}° (tolérance {{max}}°)',
        en: 'the logo is rotated by {{angle}}° (tolerance {{max}}°)',
      },
    },
    fix: {
      fr: 'remettez le logo droit, sans rotation',
      en: 'set the logo straight again, without rotation',
    },
    charterEntries: ['geometry.maxRotationDeg'],
  },
  check({ charter, logo }, report) {
    const { rotationDeg, precision } = logo.geometry;
    const { maxRotationDeg } = charter.geometry;
    if (Math.abs(rotationDeg) > maxRotationDeg) {
      report({
        messageId: 'rotated',
        data: { angle: Math.abs(rotationDeg), max: maxRotationDeg },
        measured: rotationDeg,
        expected: 0,
        confidence: beyond(Math.abs(rotationDeg), maxRotationDeg, precision.rotationDeg),
      });
    }
  },
};
