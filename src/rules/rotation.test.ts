import { rotation } from './rotation.ts';
import { testLogoRule } from './testing/rule-tester.ts';

testLogoRule(rotation, {
  valid: [
    { name: 'compliant logo' },
    { name: 'rotation at the limit (2°)', logo: { geometry: { rotationDeg: 2 } } },
    { name: 'rotation at the limit the other way (−2°)', logo: { geometry: { rotationDeg: -2 } } },
  ],
  invalid: [
    {
      name: 'rotated by 15°',
      logo: { geometry: { rotationDeg: 15 } },
      drafts: [{ messageId: 'rotated', confidence: 1, data: { angle: 15, max: 2 }, measured: 15, expected: 0 }],
      messages: ['le logo est tourné de 15° (tolérance 2°)'],
    },
    {
      name: 'just over the limit the other way (−2.1°), in English',
      lang: 'en',
      logo: { geometry: { rotationDeg: -2.1 } },
      drafts: [{ messageId: 'rotated', confidence: 0.69, data: { angle: 2.1, max: 2 }, measured: -2.1, expected: 0 }],
      messages: ['the logo is rotated by 2.1° (tolerance 2°) — uncertain measurement (confidence 69 %, 90 % needed to conclude): check by eye or provide a sharper file'],
    },
    {
      name: 'upside down',
      logo: { geometry: { rotationDeg: 180 } },
      drafts: [{ messageId: 'rotated', confidence: 1, data: { angle: 180, max: 2 }, measured: 180, expected: 0 }],
    },
  ],
});
