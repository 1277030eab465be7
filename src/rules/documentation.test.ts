import { expect } from 'vitest';
import type { PageText } from '../types.ts';
import { documentation } from './documentation.ts';
import { testDocumentRule } from './testing/rule-tester.ts';

const ALL = ['prices', 'extra-costs', 'duration', 'base-offers', 'options', 'guarantee', 'base-unit'];
const missingOnly = (...ids: string[]) => ALL.filter((id) => ids.includes(id));

/** A brochure that states every item, in a partner's own words. */
const COMPLETE =
  "Offre de base « Poste serein » : installation de votre ordinateur, 350 € HT. Durée d'intervention : 2 heures sur site. " +
  'Frais de déplacement : 0,40 €/km au-delà de 20 km. En option : sauvegarde en ligne, 9,90 € par mois. ' +
  "Garantie pièces et main-d'œuvre 3 ans. Toute heure commencée est due.";

const page = (page: number, text: string, source: PageText['source'] = 'pdf-text', confidence = 1): PageText => ({ page, text, source, confidence });

testDocumentRule(documentation, {
  valid: [
    { name: 'text not read: nothing to judge' },
    { name: 'every item stated', texts: COMPLETE },
    {
      name: 'items spread over pages, other wordings, capitals without accents',
      texts: [
        page(1, 'FORMULE DECOUVERTE — MISE EN SERVICE DE VOTRE RESEAU WIFI : 490 EUROS TTC'),
        page(2, "Intervention d'une demi-journée. Taux horaire au-delà du forfait : 55 € HT. Services à la carte sur simple demande."),
        page(3, 'Matériel garanti 2 ans. Déplacement forfaitaire de 30 € dans le département.'),
      ],
    },
  ],
  invalid: [
    {
      name: 'a brochure that only praises: everything missing',
      texts: 'Nous vous accompagnons avec passion dans votre projet informatique.',
      drafts: [
        {
          messageId: 'missing',
          data: {
            missing: {
              fr: "prix par nature de prestation, frais annexes (déplacement, dépassement du forfait…), durée d'intervention, offres de base, services optionnels, couverture de la garantie (Article VII) et unité de base des prestations (temps, prestation minimum) (Article VII)",
              en: 'price per kind of service, extra costs (travel, time beyond the flat rate…), duration of intervention, base offers, optional services, guarantee coverage (Article VII) and base unit of services (time, minimum service) (Article VII)',
            },
            count: 7,
            total: 7,
            found: { fr: 'rien', en: 'nothing' },
          },
          severity: 'warning',
          measured: null,
          expected: ALL.join(', '),
          confidence: 1,
          details: { missing: ALL, found: [] },
        },
      ],
    },
    {
      name: 'prices and duration but no extra costs, options, guarantee nor base unit; found items quoted with their page',
      texts: [page(1, 'Pack découverte TPE'), page(2, 'Installation du poste : 290 € TTC, en 3 heures.')],
      drafts: [
        {
          messageId: 'missing',
          data: {
            missing: {
              fr: 'frais annexes (déplacement, dépassement du forfait…), services optionnels, couverture de la garantie (Article VII) et unité de base des prestations (temps, prestation minimum) (Article VII)',
              en: 'extra costs (travel, time beyond the flat rate…), optional services, guarantee coverage (Article VII) and base unit of services (time, minimum service) (Article VII)',
            },
            count: 4,
            total: 7,
            found: {
              fr: "offres de base p. 1 « Pack découverte TPE », prix par nature de prestation p. 2 « 290 € TTC, en 3 heures » et durée d'intervention p. 2 « 290 € TTC, en 3 heures »",
              en: 'base offers p. 1 “Pack découverte TPE”, price per kind of service p. 2 “290 € TTC, en 3 heures” and duration of intervention p. 2 “290 € TTC, en 3 heures”',
            },
          },
          severity: 'warning',
          measured: 'base-offers, prices, duration',
          expected: ALL.join(', '),
          confidence: 1,
          details: {
            missing: missingOnly('extra-costs', 'options', 'guarantee', 'base-unit'),
            found: [
              { item: 'base-offers', page: 1, quote: 'Pack découverte TPE' },
              { item: 'prices', page: 2, quote: "290 € TTC, en 3 heures" },
              { item: 'duration', page: 2, quote: "290 € TTC, en 3 heures" },
            ],
          },
        },
      ],
      messages: [
        "la documentation de l'offre ne précise pas : frais annexes (déplacement, dépassement du forfait…), services optionnels, couverture de la garantie (Article VII) et unité de base des prestations (temps, prestation minimum) (Article VII) (4 sur 7) ; trouvé : offres de base p. 1 « Pack découverte TPE », prix par nature de prestation p. 2 « 290 € TTC, en 3 heures » et durée d'intervention p. 2 « 290 € TTC, en 3 heures »",
      ],
    },
    {
      name: 'read by OCR: as sure as the reading, severity from the charter',
      charter: (c) => ({ ...c, documentation: { ...c.documentation, severity: 'error' } }),
      texts: [page(1, COMPLETE.replace("Garantie pièces et main-d'œuvre 3 ans. ", ''), 'ocr', 0.8)],
      drafts: [
        {
          messageId: 'missing',
          data: {
            missing: { fr: 'couverture de la garantie (Article VII)', en: 'guarantee coverage (Article VII)' },
            count: 1,
            total: 7,
            found: expectAnyFound(),
          },
          severity: 'error',
          measured: 'prices, extra-costs, duration, base-offers, options, base-unit',
          expected: ALL.join(', '),
          confidence: 0.8,
          details: { missing: ['guarantee'], found: expectAnyFound() },
        },
      ],
    },
  ],
});

/** Quotes are under test above; here only that some are given. */
function expectAnyFound() {
  return expect.anything();
}
