import { loadTestCharter } from '../../test/fixtures/measurement.ts';
import type { ColourMeasurement } from '../types.ts';
import { colour } from './colour.ts';
import { testLogoRule } from './testing/rule-tester.ts';

const GREY = { L: 57.5, a: 0, b: 0 };

// Boundaries follow the charter's tolerances, so retuning a tolerance does not silently turn a
// case about ordering or naming into one about a different threshold.
const { palette } = await loadTestCharter();
const tolerance = (colour: string): number => palette[colour].tolerance;
const [red, blue, white] = [tolerance('red'), tolerance('blue'), tolerance('white')];

/** A colour sample with a stated ΔE2000, so expectations can be exact. */
function sample(expected: string, measuredHex: string, deltaE: number, extra: Partial<ColourMeasurement> = {}): ColourMeasurement {
  return { expected, measured: GREY, measuredHex, deltaE, tolerance: tolerance(expected), samples: 1200, uncertainty: 1, ...extra };
}

const arrowName = { fr: 'flèche rouge', en: 'red arrow' };
const atName = { fr: 'signe @', en: '@ sign' };

testLogoRule(colour, {
  valid: [
    { name: 'compliant logo' },
    { name: 'ΔE2000 exactly at the tolerance', logo: { elements: { arrow: { colours: [sample('red', '#D01020', red)] } } } },
    { name: 'off colour with no pixel sampled', logo: { elements: { arrow: { colours: [sample('red', '#8A8A8A', 42.1, { samples: 0 })] } } } },
    { name: 'off colour on an element found absent', logo: { elements: { arrow: { present: false, colours: [sample('red', '#8A8A8A', 42.1)] } } } },
    { name: 'off colour on an element off the page', logo: { elements: { arrow: { visibleFraction: 0, colours: [sample('red', '#8A8A8A', 42.1)] } } } },
  ],
  invalid: [
    {
      name: 'grey arrow, in French',
      logo: { elements: { arrow: { colours: [sample('red', '#8A8A8A', 42.13)] } } },
      drafts: [
        {
          messageId: 'wrongColour', confidence: 1,
          data: { element: arrowName, measured: '#8A8A8A', deltaE: 42.13, colour: { fr: 'rouge', en: 'red' }, hex: '#E1000F', tolerance: red },
          element: 'arrow',
          measured: '#8A8A8A',
          expected: '#E1000F',
        },
      ],
      messages: [`flèche rouge : couleur mesurée #8A8A8A, écart ΔE2000 de 42,1 avec le rouge de la charte #E1000F (tolérance ${red})`],
    },
    {
      name: 'grey arrow, in English',
      lang: 'en',
      logo: { elements: { arrow: { colours: [sample('red', '#8A8A8A', 42.13)] } } },
      drafts: [
        {
          messageId: 'wrongColour', confidence: 1,
          data: { element: arrowName, measured: '#8A8A8A', deltaE: 42.13, colour: { fr: 'rouge', en: 'red' }, hex: '#E1000F', tolerance: red },
          element: 'arrow',
          measured: '#8A8A8A',
          expected: '#E1000F',
        },
      ],
      messages: [`red arrow: measured colour #8A8A8A, ΔE2000 difference of 42.1 from the charter red #E1000F (tolerance ${red})`],
    },
    {
      name: 'just above the tolerance, lower-case hex',
      logo: { elements: { arrow: { colours: [sample('red', '#d01020', red + 0.01)] } } },
      drafts: [
        {
          messageId: 'wrongColour', confidence: 0.5,
          data: { element: arrowName, measured: '#D01020', deltaE: red + 0.01, colour: { fr: 'rouge', en: 'red' }, hex: '#E1000F', tolerance: red },
          element: 'arrow',
          measured: '#D01020',
          expected: '#E1000F',
        },
      ],
    },
    {
      name: "the charter's tolerance wins over the copy in the measurement",
      logo: { elements: { arrow: { colours: [sample('red', '#C03030', 2 * red, { tolerance: 5 * red })] } } },
      drafts: [
        {
          messageId: 'wrongColour', confidence: 1,
          data: { element: arrowName, measured: '#C03030', deltaE: 2 * red, colour: { fr: 'rouge', en: 'red' }, hex: '#E1000F', tolerance: red },
          element: 'arrow',
          measured: '#C03030',
          expected: '#E1000F',
        },
      ],
    },
    {
      name: 'both colours of the @ off: one finding naming the worst and the other',
      logo: { elements: { at: { colours: [sample('blue', '#7A7A7A', 30), sample('white', '#DDDDDD', white + 1)] } } },
      drafts: [
        {
          messageId: 'wrongColours', confidence: 1,
          data: {
            element: atName,
            measured: '#7A7A7A',
            deltaE: 30,
            colour: { fr: 'bleu', en: 'blue' },
            hex: '#0055A4',
            tolerance: blue,
            others: { fr: 'blanc', en: 'white' },
          },
          element: 'at',
          measured: '#7A7A7A',
          expected: '#0055A4',
        },
      ],
      messages: [`signe @ : couleur mesurée #7A7A7A, écart ΔE2000 de 30 avec le bleu de la charte #0055A4 (tolérance ${blue}) ; hors tolérance aussi : blanc`],
    },
    {
      name: 'worst is judged against each tolerance: white 3× over beats blue 2× over',
      logo: { elements: { at: { colours: [sample('blue', '#4070B0', 2 * blue), sample('white', '#C8C8C8', 3 * white)] } } },
      drafts: [
        {
          messageId: 'wrongColours', confidence: 1,
          data: {
            element: atName,
            measured: '#C8C8C8',
            deltaE: 3 * white,
            colour: { fr: 'blanc', en: 'white' },
            hex: '#FFFFFF',
            tolerance: white,
            others: { fr: 'bleu', en: 'blue' },
          },
          element: 'at',
          measured: '#C8C8C8',
          expected: '#FFFFFF',
        },
      ],
    },
    {
      name: 'two elements off: one finding each, in element order',
      logo: {
        elements: {
          arrow: { colours: [sample('red', '#8A8A8A', 42)] },
          tagline: { colours: [sample('blue', '#202020', 35)] },
        },
      },
      drafts: [
        {
          messageId: 'wrongColour', confidence: 1,
          data: { element: arrowName, measured: '#8A8A8A', deltaE: 42, colour: { fr: 'rouge', en: 'red' }, hex: '#E1000F', tolerance: red },
          element: 'arrow',
          measured: '#8A8A8A',
          expected: '#E1000F',
        },
        {
          messageId: 'wrongColour', confidence: 1,
          data: { element: { fr: 'dénomination', en: 'tagline' }, measured: '#202020', deltaE: 35, colour: { fr: 'bleu', en: 'blue' }, hex: '#0055A4', tolerance: blue },
          element: 'tagline',
          measured: '#202020',
          expected: '#0055A4',
        },
      ],
    },
  ],
});
