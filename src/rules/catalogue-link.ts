// Article VIII: a partner's page that the catalogue links to must carry « à tout moment un lien
// permettant de revenir à la consultation du catalogue en 2 clics maximum » (site.maxCatalogueClicks).
import { pathWords } from './offer-depth.ts';
import type { SiteRule } from './rule.ts';

export const catalogueLink: SiteRule = {
  meta: {
    id: 'catalogue-link',
    kind: 'site',
    severity: 'error',
    clause: 'catalogue',
    scope: 'site',
    description: {
      fr: 'Une page du partenaire vers laquelle le catalogue renvoie permet de revenir au catalogue en 2 clics au plus.',
      en: "A partner's page the catalogue links to leads back to the catalogue within 2 clicks.",
    },
    messages: {
      far: {
        fr: 'retour au catalogue {{catalogue}} en {{clicks}} clics depuis cette page ({{path}}) ; {{max}} au plus',
        en: 'back to the catalogue {{catalogue}} in {{clicks}} clicks from this page ({{path}}); {{max}} at most',
      },
      none: {
        fr: 'aucun lien vers le catalogue {{catalogue}} à {{max}} clics ou moins de cette page',
        en: 'no link to the catalogue {{catalogue}} within {{max}} clicks of this page',
      },
    },
    fix: {
      fr: 'ajoutez sur la page un lien « Retour au catalogue » vers {{catalogue}}',
      en: 'add a “Back to the catalogue” link to {{catalogue}} on the page',
    },
    charterEntries: ['site.catalogue', 'site.maxCatalogueClicks', 'site.catalogueLinkSeverity'],
  },
  check({ charter, offers, catalogue }, report) {
    const { maxCatalogueClicks: max, catalogueLinkSeverity: severity } = charter.site;
    for (const offer of offers) {
      if (offer.catalogueClicks === undefined) continue;
      if (offer.catalogueClicks === null) {
        report({ messageId: 'none', data: { catalogue, max }, severity, measured: null, expected: max, details: { url: offer.url } });
      } else if (offer.catalogueClicks > max) {
        const path = offer.cataloguePath ?? [];
        const words = pathWords(path);
        report({
          messageId: 'far',
          data: { catalogue, clicks: offer.catalogueClicks, path: { fr: words.fr.replace(/^accueil/, 'page'), en: words.en.replace(/^home/, 'page') }, max },
          severity,
          measured: offer.catalogueClicks,
          expected: max,
          details: { url: offer.url, clicks: offer.catalogueClicks, path },
        });
      }
    }
  },
};
