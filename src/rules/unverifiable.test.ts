import { loadTestCharter } from '../../test/fixtures/measurement.ts';
import { testLogoRule } from './testing/rule-tester.ts';
import { unverifiable } from './unverifiable.ts';

const { verdict } = await loadTestCharter();
const badgeText = { fr: 'le texte de la mention', en: 'the badge text' };
const tagline = { fr: 'le texte de la dénomination', en: 'the tagline text' };

testLogoRule(unverifiable, {
  valid: [{ name: 'everything could be checked' }],
  invalid: [
    {
      name: 'badge letters too small to read',
      logo: { unverifiable: [{ check: 'badge-text', element: 'badge', reason: 'too-small', textHeightPx: 4.2 }] },
      drafts: [
        {
          messageId: 'tooSmall',
          data: { check: badgeText, height: 4.2, min: verdict.minTextHeightPx },
          element: 'badge',
          measured: 'too-small',
          expected: null,
        },
      ],
      messages: [`le texte de la mention n'a pas pu être vérifié : lettres de 4,2 px de haut, il en faut au moins ${String(verdict.minTextHeightPx).replace(".", ",")} pour les lire sûrement`],
    },
    {
      name: 'tagline blurred, in English',
      lang: 'en',
      logo: { unverifiable: [{ check: 'tagline-text', element: 'tagline', reason: 'too-blurred', textHeightPx: 9 }] },
      drafts: [{ messageId: 'tooBlurred', data: { check: tagline, height: 9, min: verdict.minTextHeightPx }, element: 'tagline', measured: 'too-blurred', expected: null }],
      messages: ['the tagline text could not be checked: the image is too blurred or compressed there (letters 9 px high)'],
    },
    {
      name: 'tagline words matched on the artwork, its accents too small to see, in English',
      lang: 'en',
      logo: { unverifiable: [{ check: 'tagline-text', element: 'tagline', reason: 'accents-too-small', textHeightPx: 2.8 }] },
      drafts: [{ messageId: 'accentsTooSmall', data: { check: { fr: 'du texte de la dénomination', en: 'the tagline text' }, height: 2.8, min: verdict.minTextHeightPx }, element: 'tagline', measured: 'accents-too-small', expected: null }],
      messages: [`the accents and dots of the tagline text could not be checked: letters 2.8 px high, at least ${verdict.minTextHeightPx} are needed; the words themselves match`],
    },
    {
      name: 'accents of both texts too small: one warning, with the smaller letters',
      logo: {
        unverifiable: [
          { check: 'badge-text', element: 'badge', reason: 'accents-too-small', textHeightPx: 2.3 },
          { check: 'tagline-text', element: 'tagline', reason: 'accents-too-small', textHeightPx: 2.8 },
        ],
      },
      drafts: [
        {
          messageId: 'accentsTooSmall',
          data: { check: { fr: 'du texte de la mention et du texte de la dénomination', en: 'the badge text and the tagline text' }, height: 2.3, min: verdict.minTextHeightPx },
          measured: 'accents-too-small',
          expected: null,
        },
      ],
      messages: [`les accents et les points du texte de la mention et du texte de la dénomination n'ont pas pu être vérifiés : lettres de 2,3 px de haut, il en faut au moins ${String(verdict.minTextHeightPx).replace('.', ',')} ; les mots, eux, sont conformes`],
    },
  ],
});
