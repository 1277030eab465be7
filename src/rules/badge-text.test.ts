import { badgeText } from './badge-text.ts';
import { testLogoRule } from './testing/rule-tester.ts';

const element = { fr: 'mention de catégorie', en: 'badge' };
const unread = { text: null, source: null, match: null, similarity: 0, closest: null };

testLogoRule(badgeText, {
  valid: [
    { name: 'compliant logo' },
    { name: 'another approved variant', logo: { badge: { text: 'équipement référencé', match: 'equipement-reference', closest: 'equipement-reference' } } },
    { name: 'badge missing: the missing-element rule reports it', logo: { elements: { badge: { present: false } }, badge: unread } },
    { name: 'badge cut by the page edge: the cropped rule reports it', logo: { elements: { badge: { visibleFraction: 0.6 } }, badge: unread } },
    { name: 'badge too small to read: the unverifiable rule reports it', logo: { badge: unread, unverifiable: [{ check: 'badge-text', element: 'badge', reason: 'too-small', textHeightPx: 3.1 }] } },
  ],
  invalid: [
    {
      name: 'reworded badge, quoted',
      logo: { badge: { text: 'offre référencée 2007', match: null, similarity: 0.84, closest: 'offre-referencee' } },
      drafts: [
        {
          messageId: 'altered', confidence: 1,
          data: { element, expected: 'offre référencée', read: 'offre référencée 2007' },
          element: 'badge',
          measured: 'offre référencée 2007',
          expected: 'offre référencée',
        },
      ],
      messages: ['mention de catégorie : on lit « offre référencée 2007 » au lieu du texte approuvé « offre référencée »'],
    },
    {
      name: 'reworded badge, in English',
      lang: 'en',
      logo: { badge: { text: 'produit référencé', match: null, similarity: 0.6, closest: 'equipement-reference' } },
      drafts: [
        {
          messageId: 'altered', confidence: 1,
          data: { element, expected: 'équipement référencé', read: 'produit référencé' },
          element: 'badge',
          measured: 'produit référencé',
          expected: 'équipement référencé',
        },
      ],
      messages: ['badge: it reads “produit référencé” instead of the approved text “équipement référencé”'],
    },
    {
      name: 'similarity exactly at text.minSimilarity is still quoted',
      logo: { badge: { text: 'offre rf', match: null, similarity: 0.5, closest: 'offre-referencee' } },
      drafts: [
        { messageId: 'altered', confidence: 1, data: { element, expected: 'offre référencée', read: 'offre rf' }, element: 'badge', measured: 'offre rf', expected: 'offre référencée' },
      ],
    },
    {
      name: 'similarity just below text.minSimilarity: unreadable, not quoted',
      logo: { badge: { text: 'x#§', match: null, similarity: 0.49, closest: 'offre-referencee' } },
      drafts: [{ messageId: 'unreadable', confidence: 1, data: { element, expected: 'offre référencée' }, element: 'badge', measured: 'x#§', expected: 'offre référencée' }],
      messages: ['mention de catégorie : texte illisible ou remplacé ; le texte approuvé le plus proche est « offre référencée »'],
    },
    {
      name: 'nothing read, declared category gives the expected text',
      category: 'conseiller-tpe',
      logo: { badge: unread },
      drafts: [
        {
          messageId: 'unreadable', confidence: 1,
          data: { element, expected: 'conseiller informatique et Télécoms TPE' },
          element: 'badge',
          measured: null,
          expected: 'conseiller informatique et Télécoms TPE',
        },
      ],
    },
    {
      name: 'nothing read, no category: lists the approved texts',
      logo: { badge: unread },
      drafts: [
        {
          messageId: 'unreadableAny', confidence: 1,
          data: {
            element,
            expected: {
              fr: '« offre référencée », « équipement référencé », « centre de compétence TPE » ou « conseiller informatique et Télécoms TPE »',
              en: '“offre référencée”, “équipement référencé”, “centre de compétence TPE” or “conseiller informatique et Télécoms TPE”',
            },
          },
          element: 'badge',
          measured: null,
          expected: null,
        },
      ],
      messages: [
        "mention de catégorie : texte illisible ou remplacé ; il doit s'agir d'un des textes approuvés : « offre référencée », « équipement référencé », « centre de compétence TPE » ou « conseiller informatique et Télécoms TPE »",
      ],
    },
  ],
});
