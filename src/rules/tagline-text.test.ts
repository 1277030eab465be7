import { taglineText } from './tagline-text.ts';
import { testLogoRule } from './testing/rule-tester.ts';

const element = { fr: 'dénomination', en: 'tagline' };
const NAME = "Entrepreneurs faites le choix de l'économie numérique";

testLogoRule(taglineText, {
  valid: [
    { name: 'compliant logo' },
    {
      name: 'tagline missing: the missing-element rule reports it',
      logo: { elements: { tagline: { present: false } }, tagline: { text: null, source: null, match: null, similarity: 0, closest: null } },
    },
    {
      name: 'tagline cut by the page edge: the cropped rule reports it',
      logo: { elements: { tagline: { visibleFraction: 0.5 } }, tagline: { text: null, source: null, match: null, similarity: 0, closest: 'tagline', confidence: 0 } },
    },
  ],
  invalid: [
    {
      name: 'reworded tagline, quoted',
      logo: { tagline: { text: "Entrepreneurs choisissez l'économie numérique", match: null, similarity: 0.71, closest: 'tagline' } },
      drafts: [
        {
          messageId: 'altered', confidence: 1,
          data: { element, expected: NAME, read: "Entrepreneurs choisissez l'économie numérique" },
          element: 'tagline',
          measured: "Entrepreneurs choisissez l'économie numérique",
          expected: NAME,
        },
      ],
      messages: [`dénomination : on lit « Entrepreneurs choisissez l'économie numérique » au lieu de « ${NAME} »`],
    },
    {
      name: 'similarity at text.minSimilarity is still quoted, in English',
      lang: 'en',
      logo: { tagline: { text: 'Entrepreneurs', match: null, similarity: 0.5, closest: 'tagline' } },
      drafts: [{ messageId: 'altered', confidence: 1, data: { element, expected: NAME, read: 'Entrepreneurs' }, element: 'tagline', measured: 'Entrepreneurs', expected: NAME }],
      messages: [`tagline: it reads “Entrepreneurs” instead of “${NAME}”`],
    },
    {
      name: 'similarity just below text.minSimilarity: unreadable',
      logo: { tagline: { text: 'Ent', match: null, similarity: 0.49, closest: 'tagline' } },
      drafts: [{ messageId: 'unreadable', confidence: 1, data: { element, expected: NAME }, element: 'tagline', measured: 'Ent', expected: NAME }],
      messages: [`dénomination : texte illisible ou remplacé ; le texte attendu est « ${NAME} »`],
    },
    {
      name: 'nothing read',
      logo: { tagline: { text: null, source: null, match: null, similarity: 0, closest: null } },
      drafts: [{ messageId: 'unreadable', confidence: 1, data: { element, expected: NAME }, element: 'tagline', measured: null, expected: NAME }],
    },
  ],
});
