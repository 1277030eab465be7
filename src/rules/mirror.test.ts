import { mirror } from './mirror.ts';
import { testLogoRule } from './testing/rule-tester.ts';

testLogoRule(mirror, {
  valid: [{ name: 'compliant logo' }, { name: 'rotated but not flipped', logo: { geometry: { rotationDeg: 180 } } }],
  invalid: [
    {
      name: 'flipped',
      logo: { geometry: { mirrored: true } },
      drafts: [{ messageId: 'mirrored', data: {}, measured: true, expected: false }],
      messages: ['le logo est retourné, comme vu dans un miroir'],
    },
    {
      name: 'flipped, in English',
      lang: 'en',
      logo: { geometry: { mirrored: true } },
      drafts: [{ messageId: 'mirrored', data: {}, measured: true, expected: false }],
      messages: ['the logo is flipped, as seen in a mirror'],
    },
  ],
});
