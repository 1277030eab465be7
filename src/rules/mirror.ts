// A flipped logo points its arrow the wrong way and reads the @ backwards: a modification under
// Article X however faithful its colours are.
import type { LogoRule } from './rule.ts';

export const mirror: LogoRule = {
  meta: {
    id: 'mirror',
    kind: 'modification',
    severity: 'error',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: "Le logo n'est pas retourné comme dans un miroir.",
      en: 'The logo is not flipped as in a mirror.',
    },
    messages: {
      mirrored: {
        fr: 'le logo est retourné, comme vu dans un miroir',
        en: 'the logo is flipped, as seen in a mirror',
      },
    },
    fix: {
      fr: 'annulez le retournement ou repartez du fichier fourni (logo-check artwork --badge {{variant}})',
      en: 'undo the flip or start again from the supplied file (logo-check artwork --badge {{variant}})',
    },
    charterEntries: [],
  },
  check({ logo }, report) {
    if (logo.geometry.mirrored) {
      report({ messageId: 'mirrored', data: {}, measured: true, expected: false });
    }
  },
};
