import { addition } from './addition.ts';
import { testLogoRule } from './testing/rule-tester.ts';

// The compliant logo's box is [100, 120, 400, 150]: thirds at x 233 and 367, y 170 and 220.
testLogoRule(addition, {
  valid: [
    { name: 'compliant logo' },
    { name: "the partner's own logo", logo: { additions: [{ bbox: [420, 200, 70, 60], areaFraction: 0.07, partnerLogo: true, confidence: 1 }] } },
    { name: 'speck just under addition.minAreaFraction', logo: { additions: [{ bbox: [300, 150, 15, 15], areaFraction: 0.0039, partnerLogo: false, confidence: 1 }] } },
  ],
  invalid: [
    {
      name: 'sticker at the top right',
      logo: { additions: [{ bbox: [460, 125, 30, 20], areaFraction: 0.01, partnerLogo: false, confidence: 1 }] },
      drafts: [
        {
          messageId: 'added', confidence: 1,
          data: { where: { fr: 'en haut à droite', en: 'at the top right' }, area: 1, x: 460, y: 125, width: 30, height: 20 },
          measured: 0.01,
          expected: 0,
        },
      ],
      messages: ['un élément a été ajouté dans le logo, en haut à droite (1 % de sa surface ; x 460, y 125, 30 × 20 px)'],
    },
    {
      name: 'mark exactly at addition.minAreaFraction, in the centre, in English',
      lang: 'en',
      logo: { additions: [{ bbox: [290, 185, 20, 12], areaFraction: 0.004, partnerLogo: false, confidence: 1 }] },
      drafts: [
        {
          messageId: 'added', confidence: 1,
          data: { where: { fr: 'au centre', en: 'in the centre' }, area: 0.4, x: 290, y: 185, width: 20, height: 12 },
          measured: 0.004,
          expected: 0,
        },
      ],
      messages: ['a mark was added inside the logo, in the centre (0.4% of its area; x 290, y 185, 20 × 12 px)'],
    },
    {
      name: 'two marks, one beside the partner logo, spilling outside the box',
      logo: {
        additions: [
          { bbox: [60, 250, 60, 40], areaFraction: 0.02, partnerLogo: false, confidence: 1 },
          { bbox: [420, 200, 70, 60], areaFraction: 0.07, partnerLogo: true, confidence: 1 },
          { bbox: [110, 180, 40, 20], areaFraction: 0.013, partnerLogo: false, confidence: 1 },
        ],
      },
      drafts: [
        {
          messageId: 'added', confidence: 1,
          data: { where: { fr: 'en bas à gauche', en: 'at the bottom left' }, area: 2, x: 60, y: 250, width: 60, height: 40 },
          measured: 0.02,
          expected: 0,
        },
        {
          messageId: 'added', confidence: 1,
          data: { where: { fr: 'à gauche', en: 'on the left' }, area: 1.3, x: 110, y: 180, width: 40, height: 20 },
          measured: 0.013,
          expected: 0,
        },
      ],
    },
  ],
});
