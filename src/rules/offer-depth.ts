// Article VIII: each partner sees to the presence of its offer on its own site, « de préférence en
// moins de 6 clics depuis la page d'accès à son site national ». The preference makes it a warning
// (the charter's severity); « moins de 6 » is at most 5 clicks (site.maxOfferClicks).
import type { SiteRule } from './rule.ts';
import { quoted } from './template.ts';

/** The words of the links clicked, as the report shows a click path. */
export function pathWords(path: string[]): { fr: string; en: string } {
  if (!path.length) return { fr: "la page d'accueil elle-même", en: 'the home page itself' };
  const steps = path.map((words) => quoted(words || '…'));
  return { fr: `accueil → ${steps.map((s) => s.fr).join(' → ')}`, en: `home → ${steps.map((s) => s.en).join(' → ')}` };
}

export const offerDepth: SiteRule = {
  meta: {
    id: 'offer-depth',
    kind: 'site',
    severity: 'warning',
    clause: 'catalogue',
    scope: 'site',
    description: {
      fr: "L'offre est présentée sur le site du partenaire, de préférence à moins de 6 clics de sa page d'accueil.",
      en: "The offer is presented on the partner's site, preferably fewer than 6 clicks from its home page.",
    },
    messages: {
      deep: {
        fr: "page de l'offre à {{clicks}} clics de la page d'accueil ({{path}}) ; de préférence {{max}} au plus",
        en: 'offer page {{clicks}} clicks from the home page ({{path}}); preferably {{max}} at most',
      },
      unreachable: {
        fr: "page de l'offre {{url}} introuvable en suivant les liens depuis la page d'accueil",
        en: 'offer page {{url}} cannot be reached by following links from the home page',
      },
      absent: {
        fr: "aucune page du site ne présente l'offre, ni par le logo ni par le nom de l'opération (pages lues : {{pages}})",
        en: "no page of the site presents the offer, neither by the logo nor by the operation's name (pages read: {{pages}})",
      },
    },
    fix: {
      fr: "ajoutez un lien vers la page de l'offre depuis la page d'accueil ou une page proche (menu, bandeau), à {{max}} clics au plus",
      en: 'link the offer page from the home page or a page near it (menu, banner), {{max}} clicks at most',
    },
    charterEntries: ['site.maxOfferClicks', 'site.offerDepthSeverity'],
  },
  check({ charter, offers, home, pagesRead }, report) {
    const { maxOfferClicks: max, offerDepthSeverity: severity } = charter.site;
    if (!offers.length) {
      report({ messageId: 'absent', data: { pages: pagesRead, max }, severity, details: { url: home } });
      return;
    }
    // Pages the catalogue links to are each judged; a recognised offer is present as soon as one
    // of its pages is near enough.
    const given = offers.filter((o) => o.recognisedBy === 'given');
    const judged = given.length ? given : [[...offers].sort((a, b) => (a.clicksFromHome ?? Infinity) - (b.clicksFromHome ?? Infinity))[0]];
    for (const offer of judged) {
      if (offer.clicksFromHome === null) {
        report({ messageId: 'unreachable', data: { url: offer.url, max }, severity, measured: null, expected: max, details: { url: offer.url } });
      } else if (offer.clicksFromHome > max) {
        report({
          messageId: 'deep',
          data: { clicks: offer.clicksFromHome, path: pathWords(offer.homePath), max },
          severity,
          measured: offer.clicksFromHome,
          expected: max,
          details: { url: offer.url, clicks: offer.clicksFromHome, path: offer.homePath },
        });
      }
    }
  },
};
