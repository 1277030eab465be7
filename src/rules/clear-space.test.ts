import { clearSpace } from './clear-space.ts';
import { testLogoRule } from './testing/rule-tester.ts';

testLogoRule(clearSpace, {
  valid: [{ name: 'compliant logo' }, { name: 'occupied share exactly clearSpace.maxOccupiedFraction', logo: { clearSpace: { occupiedFraction: 0.05 } } }],
  invalid: [
    {
      name: 'text crowding the logo',
      logo: { clearSpace: { occupiedFraction: 0.12 } },
      drafts: [{ messageId: 'crowded', data: { occupied: 12, max: 5, margin: 23, ratio: 15 }, measured: 0.12, expected: 0.05 }],
      messages: ["d'autres éléments empiètent sur la marge de protection du logo : 12 % de cette marge est occupée (au plus 5 %)"],
    },
    {
      name: 'just over the limit, in English',
      lang: 'en',
      logo: { clearSpace: { occupiedFraction: 0.051, marginPx: 30 } },
      drafts: [{ messageId: 'crowded', data: { occupied: 5.1, max: 5, margin: 30, ratio: 15 }, measured: 0.051, expected: 0.05 }],
      messages: ["other content intrudes on the logo's clear space: 5.1% of it is covered (at most 5%)"],
    },
  ],
});
