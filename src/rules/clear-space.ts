// The charter keeps a band of empty space around the logo so that neighbouring text or images do
// not read as part of it, which would amount to an addition in the sense of Article X.
import type { LogoRule } from './rule.ts';
import { percent } from './template.ts';

export const clearSpace: LogoRule = {
  meta: {
    id: 'clear-space',
    kind: 'placement',
    severity: 'warning',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: 'Une marge vide entoure le logo : aucun texte ni image ne vient le toucher.',
      en: 'An empty margin surrounds the logo: no text or picture touches it.',
    },
    messages: {
      crowded: {
        fr: "d'autres éléments empiètent sur la marge de protection du logo : {{occupied}} % de cette marge est occupée (au plus {{max}} %)",
        en: "other content intrudes on the logo's clear space: {{occupied}}% of it is covered (at most {{max}}%)",
      },
    },
    fix: {
      fr: "laissez tout autour du logo une marge vide d'au moins {{margin}} px ({{ratio}} % de sa hauteur)",
      en: 'leave an empty margin of at least {{margin}} px all around the logo ({{ratio}}% of its height)',
    },
    charterEntries: ['clearSpace.maxOccupiedFraction', 'clearSpace.marginRatio'],
  },
  check({ charter, logo }, report) {
    const { occupiedFraction, marginPx } = logo.clearSpace;
    const { maxOccupiedFraction, marginRatio } = charter.clearSpace;
    if (occupiedFraction <= maxOccupiedFraction) return;
    report({
      messageId: 'crowded',
      data: { occupied: percent(occupiedFraction), max: percent(maxOccupiedFraction), margin: Math.ceil(marginPx), ratio: percent(marginRatio) },
      measured: occupiedFraction,
      expected: maxOccupiedFraction,
    });
  },
};
