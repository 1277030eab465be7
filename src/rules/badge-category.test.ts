import { badgeCategory } from './badge-category.ts';
import { testLogoRule } from './testing/rule-tester.ts';

const element = { fr: 'mention de catégorie', en: 'badge' };
const equipment = { text: 'équipement référencé', match: 'equipement-reference', closest: 'equipement-reference' };

testLogoRule(badgeCategory, {
  valid: [
    { name: 'no category declared', logo: { badge: equipment } },
    { name: 'badge of the declared category', category: 'offre-referencee' },
    { name: 'badge not recognised: the badge-text rule reports it', category: 'offre-referencee', logo: { badge: { text: 'offre', match: null } } },
  ],
  invalid: [
    {
      name: 'equipment badge on an offer',
      category: 'offre-referencee',
      logo: { badge: equipment },
      drafts: [
        {
          messageId: 'wrongCategory',
          data: {
            element,
            read: 'équipement référencé',
            expected: 'offre référencée',
            category: { fr: "offre d'équipements ou de services", en: 'equipment or service offer' },
          },
          element: 'badge',
          measured: 'equipement-reference',
          expected: 'offre-referencee',
        },
      ],
      messages: [
        "mention de catégorie : « équipement référencé » ne correspond pas à votre catégorie déclarée, qui demande « offre référencée » (offre d'équipements ou de services)",
      ],
    },
    {
      name: 'offer badge for an IT adviser, in English',
      lang: 'en',
      category: 'conseiller-tpe',
      drafts: [
        {
          messageId: 'wrongCategory',
          data: {
            element,
            read: 'offre référencée',
            expected: 'conseiller informatique et Télécoms TPE',
            category: { fr: 'conseiller informatique et télécoms', en: 'IT and telecoms adviser' },
          },
          element: 'badge',
          measured: 'offre-referencee',
          expected: 'conseiller-tpe',
        },
      ],
      messages: ['badge: “offre référencée” does not match your declared category, which calls for “conseiller informatique et Télécoms TPE” (IT and telecoms adviser)'],
    },
  ],
});
