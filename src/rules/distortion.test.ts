import { distortion } from './distortion.ts';
import { testLogoRule } from './testing/rule-tester.ts';

const wider = { fr: 'en largeur', en: 'horizontally' };
const taller = { fr: 'en hauteur', en: 'vertically' };

testLogoRule(distortion, {
  valid: [
    { name: 'compliant logo' },
    { name: 'aspect ratio at the limit above (1.04)', logo: { geometry: { aspectRatio: 1.04 } } },
    { name: 'aspect ratio at the limit below (0.96)', logo: { geometry: { aspectRatio: 0.96 } } },
    { name: 'skew at the limit (2°)', logo: { geometry: { skewDeg: 2 } } },
    { name: 'negative skew at the limit (−2°)', logo: { geometry: { skewDeg: -2 } } },
  ],
  invalid: [
    {
      name: 'stretched horizontally by 10 %',
      logo: { geometry: { aspectRatio: 1.1 } },
      drafts: [{ messageId: 'stretched', confidence: 1, data: { direction: wider, deviation: 10, max: 4 }, measured: 1.1, expected: 1 }],
      messages: ['le logo est déformé : il est étiré en largeur de 10 % (tolérance 4 %)'],
    },
    {
      name: 'squashed horizontally, in English',
      lang: 'en',
      logo: { geometry: { aspectRatio: 0.85 } },
      drafts: [{ messageId: 'stretched', confidence: 1, data: { direction: taller, deviation: 15, max: 4 }, measured: 0.85, expected: 1 }],
      messages: ['the logo is distorted: it is stretched vertically by 15% (tolerance 4%)'],
    },
    {
      name: 'just over the aspect limit (1.041)',
      logo: { geometry: { aspectRatio: 1.041 } },
      drafts: [{ messageId: 'stretched', confidence: 0.58, data: { direction: wider, deviation: 4.1, max: 4 }, measured: 1.041, expected: 1 }],
    },
    {
      name: 'slanted by −5.5°',
      logo: { geometry: { skewDeg: -5.5 } },
      drafts: [{ messageId: 'skewed', confidence: 1, data: { skew: 5.5, max: 2 }, measured: -5.5, expected: 0 }],
      messages: ['le logo est déformé : il est penché de 5,5° (tolérance 2°)'],
    },
    {
      name: 'stretched and slanted: one finding each',
      logo: { geometry: { aspectRatio: 1.2, skewDeg: 3 } },
      drafts: [
        { messageId: 'stretched', confidence: 1, data: { direction: wider, deviation: 20, max: 4 }, measured: 1.2, expected: 1 },
        { messageId: 'skewed', confidence: 1, data: { skew: 3, max: 2 }, measured: 3, expected: 0 },
      ],
    },
  ],
});
