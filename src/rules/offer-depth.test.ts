import { offerDepth } from './offer-depth.ts';
import type { OfferPage } from './rule.ts';
import { testSiteRule } from './testing/rule-tester.ts';

const HOME = 'http://partner.test/';
const CATALOGUE = 'http://www.econumerique.pme.gouv.fr/';
const site = (offers: OfferPage[]) => ({ home: HOME, catalogue: CATALOGUE, offers, pagesRead: 12 });
const offer = (url: string, clicks: number | null, recognisedBy: OfferPage['recognisedBy'] = 'given'): OfferPage => ({
  url: `${HOME}${url}`,
  recognisedBy,
  clicksFromHome: clicks,
  homePath: clicks === null ? [] : Array.from({ length: clicks }, (_, i) => `lien ${i + 1}`),
});

testSiteRule(offerDepth, {
  valid: [
    { name: 'offer on the home page', site: site([offer('', 0, 'logo')]) },
    { name: 'given offer page 5 clicks deep', site: site([offer('a', 5)]) },
    { name: 'one recognised page near enough, another deep', site: site([offer('deep', 9, 'name'), offer('near', 2, 'logo')]) },
  ],
  invalid: [
    {
      name: 'given offer page 6 clicks deep: not « moins de 6 »',
      site: site([offer('offre', 6)]),
      drafts: [
        {
          messageId: 'deep',
          data: {
            clicks: 6,
            path: {
              fr: 'accueil → « lien 1 » → « lien 2 » → « lien 3 » → « lien 4 » → « lien 5 » → « lien 6 »',
              en: 'home → “lien 1” → “lien 2” → “lien 3” → “lien 4” → “lien 5” → “lien 6”',
            },
            max: 5,
          },
          severity: 'warning',
          measured: 6,
          expected: 5,
          details: { url: `${HOME}offre`, clicks: 6, path: ['lien 1', 'lien 2', 'lien 3', 'lien 4', 'lien 5', 'lien 6'] },
        },
      ],
      messages: ["page de l'offre à 6 clics de la page d'accueil (accueil → « lien 1 » → « lien 2 » → « lien 3 » → « lien 4 » → « lien 5 » → « lien 6 ») ; de préférence 5 au plus"],
    },
    {
      name: 'given offer page not linked from the site',
      site: site([offer('cachee', null)]),
      drafts: [{ messageId: 'unreachable', data: { url: `${HOME}cachee`, max: 5 }, severity: 'warning', measured: null, expected: 5, details: { url: `${HOME}cachee` } }],
    },
    {
      name: 'no page presents the offer, severity from the charter',
      charter: (c) => ({ ...c, site: { ...c.site, offerDepthSeverity: 'error' } }),
      site: site([]),
      drafts: [{ messageId: 'absent', data: { pages: 12, max: 5 }, severity: 'error', details: { url: HOME } }],
      messages: ["aucune page du site ne présente l'offre, ni par le logo ni par le nom de l'opération (pages lues : 12)"],
    },
  ],
});
