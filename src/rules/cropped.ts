// A logo cut by the page edge loses part of its elements: a « soustraction » under Article X,
// however it happened (bleed, framing, a photo crop).
import type { Localised, LogoRule } from './rule.ts';
import { joinList, percent } from './template.ts';

const EDGES: Record<'left' | 'top' | 'right' | 'bottom', Localised> = {
  left: { fr: 'gauche', en: 'left' },
  top: { fr: 'supérieur', en: 'top' },
  right: { fr: 'droit', en: 'right' },
  bottom: { fr: 'inférieur', en: 'bottom' },
};

export const cropped: LogoRule = {
  meta: {
    id: 'cropped',
    kind: 'deletion',
    severity: 'error',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: 'Le logo est entièrement visible, sans être coupé par le bord de la page.',
      en: 'The logo is shown whole, not cut off by the edge of the page.',
    },
    messages: {
      croppedEdge: {
        fr: 'le logo est coupé par le bord {{edges}} de la page : seuls {{visible}} % du logo sont visibles (au moins {{min}} % requis)',
        en: 'the logo is cut off by the {{edges}} edge of the page: only {{visible}}% of it is visible (at least {{min}}% required)',
      },
      croppedEdges: {
        fr: 'le logo est coupé par les bords {{edges}} de la page : seuls {{visible}} % du logo sont visibles (au moins {{min}} % requis)',
        en: 'the logo is cut off by the {{edges}} edges of the page: only {{visible}}% of it is visible (at least {{min}}% required)',
      },
      hidden: {
        fr: 'le logo est en partie caché : seuls {{visible}} % du logo sont visibles (au moins {{min}} % requis)',
        en: 'the logo is partly hidden: only {{visible}}% of it is visible (at least {{min}}% required)',
      },
    },
    fix: {
      fr: "placez le logo en entier à l'intérieur de la page, sans le couper",
      en: 'place the whole logo inside the page, without cutting it',
    },
    charterEntries: ['crop.minVisibleFraction'],
  },
  check({ charter, logo }, report) {
    const min = charter.crop.minVisibleFraction;
    if (logo.visibleFraction >= min) return;
    const edges = logo.croppedEdges;
    const messageId = edges.length === 0 ? 'hidden' : edges.length === 1 ? 'croppedEdge' : 'croppedEdges';
    report({
      messageId,
      data: { edges: joinList(edges.map((edge) => EDGES[edge])), visible: percent(logo.visibleFraction), min: percent(min) },
      measured: logo.visibleFraction,
      expected: min,
    });
  },
};
