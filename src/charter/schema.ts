// The charter is data: everything a rule compares against lives here, validated on load so that
// someone replacing values with the real « charte graphique » gets errors naming the field to fix.
import { z } from 'zod';

export const ELEMENT_IDS = ['at', 'arrow', 'tagline', 'badge'] as const;
export type ElementId = (typeof ELEMENT_IDS)[number];

/**
 * An object that refuses keys it does not define: a misspelt key (`requried`) would otherwise be
 * dropped in silence and its default used, which is exactly the edit its author meant to prevent.
 * The message lists the fields that are allowed; the loader prefixes each unknown key's path.
 */
function strictFields<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `is not a charter field here; expected one of: ${allowed}` : undefined),
  });
}

const hex = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #RRGGBB, e.g. "#0055A4"');

const box = z
  .tuple([z.number(), z.number(), z.number().positive(), z.number().positive()])
  .describe('[x, y, width, height] in artwork units');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, e.g. "2008-12-31"');

const localised = strictFields({ fr: z.string().min(1), en: z.string().min(1) });

const clause = strictFields({
  article: z.string().min(1).describe('how findings cite it, e.g. "Article X"'),
  quote: z.string().min(1).describe('the clause, quoted from the terms'),
});

const paletteEntry = strictFields({
  hex,
  name: localised,
  tolerance: z.number().positive().describe('largest CIEDE2000 difference still accepted'),
});

const element = strictFields({
  name: localised,
  box,
  colours: z.array(z.string().min(1)).min(1).describe('palette entries drawn in this element'),
  /** Article II lists every element as part of the logo; a charter may mark one optional. */
  required: z.boolean().default(true),
});

const badgeVariant = strictFields({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case id with dashes, e.g. "offre-referencee"'),
  text: z.string().min(1),
  category: localised,
  artwork: z.string().min(1).describe('SVG file, relative to the charter file'),
});

/** A pattern matched against text folded to lower case without accents (« é » reads « e »). */
const textPattern = z.string().min(1).superRefine((source, ctx) => {
  try {
    new RegExp(source, 'u');
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `is not a regular expression: ${(err as Error).message}` });
  }
});

const documentationItem = strictFields({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case id with dashes, e.g. "extra-costs"'),
  clause: z.enum(['documentation', 'pricing']).describe('terms.clauses entry that asks for the item'),
  name: localised,
  patterns: z.array(textPattern).min(1).describe('wordings that state the item, any one is enough'),
});

const severity = z.enum(['error', 'warning', 'info']);

const waiver = strictFields({
  rule: z.string().min(1),
  elements: z.array(z.enum(ELEMENT_IDS)).optional().describe('only for these elements'),
  when: z.enum(['always', 'monochrome']).default('always'),
});

const medium = strictFields({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case id with dashes, e.g. "sms"'),
  name: localised,
  why: localised,
  waives: z.array(waiver).min(1),
});

export const charterSchema = strictFields({
  id: z.string().min(1),
  name: z.string().min(1),
  owner: z.string().min(1),
  terms: strictFields({
    title: z.string().min(1),
    clauses: strictFields({
      elements: clause,
      use: clause,
      alteration: clause,
      period: clause,
      adaptation: clause,
      name: clause,
      pricing: clause,
      documentation: clause,
      catalogue: clause,
    }),
  }),
  artwork: strictFields({
    width: z.number().positive(),
    height: z.number().positive(),
    font: z.string().min(1).describe('font file the artwork text was outlined from'),
  }),
  palette: z.record(z.string(), paletteEntry),
  elements: strictFields({ at: element, arrow: element, tagline: element, badge: element }),
  detection: strictFields({
    anchors: z
      .array(strictFields({ element: z.enum(ELEMENT_IDS), shape: z.enum(['ellipse', 'rectangle']) }))
      .min(1)
      .describe('solid shapes of the artwork the detector looks for first; their element box is the shape'),
    minConfidence: z.number().min(0).max(1).describe('detections below this are not reported as logos'),
  }),
  tagline: strictFields({ text: z.string().min(1), lines: z.array(z.string().min(1)).min(1) }),
  badges: z.array(badgeVariant).min(1),
  text: strictFields({
    minSimilarity: z
      .number()
      .min(0)
      .max(1)
      .describe('below this likeness a read text is treated as unreadable rather than altered'),
  }),
  geometry: strictFields({
    maxRotationDeg: z.number().nonnegative(),
    maxAspectDeviation: z.number().nonnegative().describe('|horizontal/vertical scale − 1| accepted'),
    maxSkewDeg: z.number().nonnegative(),
  }),
  presence: strictFields({
    minLikeness: z.number().min(0).max(1).describe('below this an element counts as removed'),
  }),
  addition: strictFields({
    minAreaFraction: z.number().positive().describe('smallest foreign mark reported, as a share of the logo area'),
    minSideMm: z.number().nonnegative().describe('smallest printed extent of a foreign mark, both ways, in millimetres'),
  }),
  crop: strictFields({
    minVisibleFraction: z.number().min(0).max(1).describe('logo shares on the page below 1 − this are cropped'),
  }),
  minSize: strictFields({
    widthMm: z.number().positive(),
    assumedDpi: z.number().positive().describe('resolution assumed for images that do not state theirs'),
  }),
  clearSpace: strictFields({
    marginRatio: z.number().nonnegative().describe('margin as a share of the logo height'),
    maxOccupiedFraction: z.number().min(0).max(1),
  }),
  verdict: strictFields({
    minConfidence: z
      .number()
      .min(0)
      .max(1)
      .describe('an error finding measured with less confidence than this is reported as a warning'),
    minTextHeightPx: z
      .number()
      .positive()
      .describe('texts whose letters are shorter than this, in page pixels, cannot be read reliably'),
  }),
  denomination: strictFields({
    minSimilarity: z
      .number()
      .min(0)
      .max(1)
      .describe('words of running text at least this like the name are taken for the name, written altered'),
    severity,
  }),
  documentation: strictFields({
    severity,
    items: z.array(documentationItem).min(1),
  }),
  site: strictFields({
    catalogue: z.url().describe("the operation's catalogue, where a partner's offer page must lead back to"),
    maxOfferClicks: z.number().int().positive().describe('clicks from the home page to an offer page (Article VIII: « de préférence »)'),
    offerDepthSeverity: severity,
    maxCatalogueClicks: z.number().int().positive().describe('clicks from an offer page the catalogue links to back to the catalogue'),
    catalogueLinkSeverity: severity,
  }),
  period: strictFields({ from: isoDate, until: isoDate }),
  media: z.array(medium),
}).superRefine((charter, ctx) => {
  for (const [id, el] of Object.entries(charter.elements)) {
    el.colours.forEach((colour, i) => {
      if (!(colour in charter.palette)) {
        ctx.addIssue({
          code: 'custom',
          path: ['elements', id, 'colours', i],
          message: `names palette colour "${colour}", which palette does not define (defined: ${Object.keys(charter.palette).join(', ')})`,
        });
      }
    });
  }
  const seen = new Set<string>();
  charter.badges.forEach((badge, i) => {
    if (seen.has(badge.id)) {
      ctx.addIssue({ code: 'custom', path: ['badges', i, 'id'], message: `duplicates badge id "${badge.id}"` });
    }
    seen.add(badge.id);
  });
  if (charter.period.from > charter.period.until) {
    ctx.addIssue({ code: 'custom', path: ['period', 'from'], message: 'must not be after period.until' });
  }
});

export type CharterData = z.infer<typeof charterSchema>;
export type PaletteEntry = z.infer<typeof paletteEntry>;
export type BadgeVariant = z.infer<typeof badgeVariant>;
export type Medium = z.infer<typeof medium>;
export type Waiver = z.infer<typeof waiver>;

/** A validated charter with its file location, so artwork paths can be resolved. */
export interface Charter extends CharterData {
  /** Absolute path of the charter file. */
  file: string;
  /** Absolute folder artwork paths are relative to. */
  dir: string;
}
