import { cropped } from './cropped.ts';
import { testLogoRule } from './testing/rule-tester.ts';

testLogoRule(cropped, {
  valid: [{ name: 'compliant logo' }, { name: 'visible share exactly at crop.minVisibleFraction', logo: { visibleFraction: 0.98, croppedEdges: ['left'] } }],
  invalid: [
    {
      name: 'cut by the left edge',
      logo: { visibleFraction: 0.85, croppedEdges: ['left'] },
      drafts: [{ messageId: 'croppedEdge', data: { edges: { fr: 'gauche', en: 'left' }, visible: 85, min: 98 }, measured: 0.85, expected: 0.98 }],
      messages: ['le logo est coupé par le bord gauche de la page : seuls 85 % du logo sont visibles (au moins 98 % requis)'],
    },
    {
      name: 'cut by two edges, in English',
      lang: 'en',
      logo: { visibleFraction: 0.625, croppedEdges: ['right', 'bottom'] },
      drafts: [
        {
          messageId: 'croppedEdges',
          data: { edges: { fr: 'droit et inférieur', en: 'right and bottom' }, visible: 62.5, min: 98 },
          measured: 0.625,
          expected: 0.98,
        },
      ],
      messages: ['the logo is cut off by the right and bottom edges of the page: only 62.5% of it is visible (at least 98% required)'],
    },
    {
      name: 'cut by two edges, in French',
      logo: { visibleFraction: 0.5, croppedEdges: ['left', 'top'] },
      drafts: [{ messageId: 'croppedEdges', data: { edges: { fr: 'gauche et supérieur', en: 'left and top' }, visible: 50, min: 98 }, measured: 0.5, expected: 0.98 }],
      messages: ['le logo est coupé par les bords gauche et supérieur de la page : seuls 50 % du logo sont visibles (au moins 98 % requis)'],
    },
    {
      name: 'just below the limit with no edge named',
      logo: { visibleFraction: 0.979 },
      drafts: [{ messageId: 'hidden', data: { edges: { fr: '', en: '' }, visible: 97.9, min: 98 }, measured: 0.979, expected: 0.98 }],
      messages: ['le logo est en partie caché : seuls 97,9 % du logo sont visibles (au moins 98 % requis)'],
    },
  ],
});
