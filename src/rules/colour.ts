// Article II gives the logo's colours (a blue and white @, a red arrow); recolouring an element is
// a modification under Article X. One finding per element keeps a grey logo from reading as six.
import { ELEMENT_IDS } from '../charter/schema.ts';
import type { Charter, ColourMeasurement } from '../types.ts';
import { beyond } from '../image/stats.ts';
import type { LogoRule } from './rule.ts';
import { joinList } from './template.ts';

function paletteEntry(charter: Charter, colour: ColourMeasurement) {
  const entry = charter.palette[colour.expected];
  if (!entry) {
    throw new Error(`a measurement expects palette colour "${colour.expected}", which the charter palette does not define (defined: ${Object.keys(charter.palette).join(', ')})`);
  }
  return entry;
}

export const colour: LogoRule = {
  meta: {
    id: 'colour',
    kind: 'modification',
    severity: 'error',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: 'Chaque élément du logo garde les couleurs de la charte graphique, à la tolérance près.',
      en: 'Each element of the logo keeps the charter colours, within the accepted tolerance.',
    },
    messages: {
      wrongColour: {
        fr: '{{element}} : couleur mesurée {{measured}}, écart ΔE2000 de {{deltaE}} avec le {{colour}} de la charte {{hex}} (tolérance {{tolerance}})',
        en: '{{element}}: measured colour {{measured}}, ΔE2000 difference of {{deltaE}} from the charter {{colour}} {{hex}} (tolerance {{tolerance}})',
      },
      wrongColours: {
        fr: '{{element}} : couleur mesurée {{measured}}, écart ΔE2000 de {{deltaE}} avec le {{colour}} de la charte {{hex}} (tolérance {{tolerance}}) ; hors tolérance aussi : {{others}}',
        en: '{{element}}: measured colour {{measured}}, ΔE2000 difference of {{deltaE}} from the charter {{colour}} {{hex}} (tolerance {{tolerance}}); also out of tolerance: {{others}}',
      },
    },
    fix: {
      fr: "utilisez le fichier du logo fourni sans en changer les couleurs (logo-check artwork --badge {{variant}}) ; à l'impression, demandez le respect des couleurs de la charte",
      en: 'use the supplied logo file without changing its colours (logo-check artwork --badge {{variant}}); when printing, ask for the charter colours to be matched',
    },
    charterEntries: ['palette', 'elements.*.colours', 'elements.*.name'],
  },
  check({ charter, logo }, report) {
    for (const id of ELEMENT_IDS) {
      const element = logo.elements[id];
      if (!element?.present || element.visibleFraction <= 0) continue;
      // The tolerance is the charter's, not the copy carried by the measurement.
      const off = element.colours
        .filter((c) => c.samples > 0 && c.deltaE > paletteEntry(charter, c).tolerance)
        .sort((a, b) => b.deltaE / paletteEntry(charter, b).tolerance - a.deltaE / paletteEntry(charter, a).tolerance);
      if (off.length === 0) continue;
      const [worst, ...others] = off;
      const entry = paletteEntry(charter, worst);
      report({
        messageId: others.length ? 'wrongColours' : 'wrongColour',
        data: {
          element: charter.elements[id].name,
          measured: worst.measuredHex.toUpperCase(),
          deltaE: worst.deltaE,
          colour: entry.name,
          hex: entry.hex.toUpperCase(),
          tolerance: entry.tolerance,
          ...(others.length ? { others: joinList(others.map((c) => paletteEntry(charter, c).name)) } : {}),
        },
        element: id,
        measured: worst.measuredHex.toUpperCase(),
        expected: entry.hex.toUpperCase(),
        confidence: beyond(worst.deltaE, entry.tolerance, worst.uncertainty),
      });
    }
  },
};
