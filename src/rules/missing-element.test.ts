import { loadTestCharter } from '../../test/fixtures/measurement.ts';
import { missingElement } from './missing-element.ts';
import { percent } from './template.ts';
import { testLogoRule } from './testing/rule-tester.ts';

// The threshold quoted in the message is the charter's, so it is read rather than restated.
const { presence, crop } = await loadTestCharter();
const min = percent(presence.minLikeness);
const minVisible = crop.minVisibleFraction;

const arrow = { fr: 'flèche rouge', en: 'red arrow' };

testLogoRule(missingElement, {
  valid: [
    { name: 'compliant logo' },
    { name: 'arrow cut off by the page edge: the cropped rule reports it', logo: { elements: { arrow: { present: false, likeness: 0.1, visibleFraction: minVisible - 0.001 } } } },
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
      drafts: [{ messageId: 'missing', data: { element: arrow, likeness: 12, min }, element: 'arrow', measured: false, expected: true }],
      messages: [`flèche rouge : élément retiré ou masqué (ressemblance avec l'original de 12 %, au moins ${min} % attendus)`],
    },
    {
      name: 'partly cut element exactly at crop.minVisibleFraction still counts as removed',
      lang: 'en',
      logo: { elements: { arrow: { present: false, likeness: 0.2, visibleFraction: minVisible } } },
      drafts: [{ messageId: 'missing', data: { element: arrow, likeness: 20, min }, element: 'arrow', measured: false, expected: true }],
      messages: [`red arrow: element removed or hidden (likeness to the original 20%, at least ${min}% expected)`],
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
        { messageId: 'missing', data: { element: { fr: 'signe @', en: '@ sign' }, likeness: 0, min }, element: 'at', measured: false, expected: true },
        { messageId: 'missing', data: { element: arrow, likeness: 0, min }, element: 'arrow', measured: false, expected: true },
        { messageId: 'missing', data: { element: { fr: 'mention de catégorie', en: 'badge' }, likeness: 5, min }, element: 'badge', measured: false, expected: true },
      ],
    },
  ],
});
