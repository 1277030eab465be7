import { missingElement } from './missing-element.ts';
import { testLogoRule } from './testing/rule-tester.ts';

const arrow = { fr: 'flèche rouge', en: 'red arrow' };

testLogoRule(missingElement, {
  valid: [
    { name: 'compliant logo' },
    { name: 'arrow cut off by the page edge: the cropped rule reports it', logo: { elements: { arrow: { present: false, likeness: 0.1, visibleFraction: 0.979 } } } },
    {
      name: 'arrow missing but optional in the charter',
      charter: (charter) => ({ ...charter, elements: { ...charter.elements, arrow: { ...charter.elements.arrow, required: false } } }),
      logo: { elements: { arrow: { present: false, likeness: 0.1 } } },
    },
  ],
  invalid: [
    {
      name: 'arrow removed',
      logo: { elements: { arrow: { present: false, likeness: 0.12 } } },
      drafts: [{ messageId: 'missing', data: { element: arrow, likeness: 12, min: 35 }, element: 'arrow', measured: false, expected: true }],
      messages: ["flèche rouge : élément retiré ou masqué (ressemblance avec l'original de 12 %, au moins 35 % attendus)"],
    },
    {
      name: 'partly cut element exactly at crop.minVisibleFraction still counts as removed',
      lang: 'en',
      logo: { elements: { arrow: { present: false, likeness: 0.2, visibleFraction: 0.98 } } },
      drafts: [{ messageId: 'missing', data: { element: arrow, likeness: 20, min: 35 }, element: 'arrow', measured: false, expected: true }],
      messages: ['red arrow: element removed or hidden (likeness to the original 20%, at least 35% expected)'],
    },
    {
      name: 'SMS-style text only: @, arrow and badge gone, in element order',
      logo: {
        elements: {
          at: { present: false, likeness: 0 },
          arrow: { present: false, likeness: 0 },
          badge: { present: false, likeness: 0.05 },
        },
      },
      drafts: [
        { messageId: 'missing', data: { element: { fr: 'signe @', en: '@ sign' }, likeness: 0, min: 35 }, element: 'at', measured: false, expected: true },
        { messageId: 'missing', data: { element: arrow, likeness: 0, min: 35 }, element: 'arrow', measured: false, expected: true },
        { messageId: 'missing', data: { element: { fr: 'mention de catégorie', en: 'badge' }, likeness: 5, min: 35 }, element: 'badge', measured: false, expected: true },
      ],
    },
  ],
});
