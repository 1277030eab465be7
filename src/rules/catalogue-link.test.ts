import { catalogueLink } from './catalogue-link.ts';
import type { OfferPage } from './rule.ts';
import { testSiteRule } from './testing/rule-tester.ts';

const HOME = 'http://partner.test/';
const CATALOGUE = 'http://www.econumerique.pme.gouv.fr/';
const site = (offers: OfferPage[]) => ({ home: HOME, catalogue: CATALOGUE, offers, pagesRead: 4 });
const offer = (clicks: number | null | undefined, path: string[] = []): OfferPage => ({
  url: `${HOME}offre`,
  recognisedBy: clicks === undefined ? 'logo' : 'given',
  clicksFromHome: 1,
  homePath: ['Nos offres'],
  ...(clicks !== undefined && { catalogueClicks: clicks, cataloguePath: path }),
});

testSiteRule(catalogueLink, {
  valid: [
    { name: 'a link back on the page', site: site([offer(1, [])]) },
    { name: 'two clicks away', site: site([offer(2, ['Partenaires'])]) },
    { name: 'a recognised page the catalogue does not link to is not judged', site: site([offer(undefined)]) },
  ],
  invalid: [
    {
      name: 'three clicks away',
      site: site([offer(3, ['À propos', 'Partenaires'])]),
      drafts: [
        {
          messageId: 'far',
          data: { catalogue: CATALOGUE, clicks: 3, path: { fr: 'page → « À propos » → « Partenaires »', en: 'page → “À propos” → “Partenaires”' }, max: 2 },
          severity: 'error',
          measured: 3,
          expected: 2,
          details: { url: `${HOME}offre`, clicks: 3, path: ['À propos', 'Partenaires'] },
        },
      ],
      messages: ['retour au catalogue http://www.econumerique.pme.gouv.fr/ en 3 clics depuis cette page (page → « À propos » → « Partenaires ») ; 2 au plus'],
    },
    {
      name: 'no way back at all',
      lang: 'en',
      site: site([offer(null)]),
      drafts: [{ messageId: 'none', data: { catalogue: CATALOGUE, max: 2 }, severity: 'error', measured: null, expected: 2, details: { url: `${HOME}offre` } }],
      messages: ['no link to the catalogue http://www.econumerique.pme.gouv.fr/ within 2 clicks of this page'],
    },
  ],
});
