// Article IX ends the right to use the logo with the operation. A document is judged by the date
// it carries (or the one the user gives); with no date there is nothing to judge, and guessing
// one would fail honest material.
import type { DateSource, DocumentRule, Localised } from './rule.ts';

const SOURCES: Record<DateSource | 'unknown', Localised> = {
  pdf: { fr: 'date de création du PDF', en: 'PDF creation date' },
  exif: { fr: 'date EXIF de la photo', en: 'EXIF date of the picture' },
  xmp: { fr: 'date des métadonnées XMP', en: 'XMP metadata date' },
  'as-of': { fr: 'date indiquée avec --as-of', en: 'date given with --as-of' },
  unknown: { fr: 'date du document', en: 'document date' },
};

/** Midnight UTC of a charter date, which is a whole day written YYYY-MM-DD. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const validity: DocumentRule = {
  meta: {
    id: 'validity',
    kind: 'period',
    severity: 'error',
    clause: 'period',
    scope: 'document',
    description: {
      fr: "Le logo n'est utilisé que pendant la durée de l'opération.",
      en: 'The logo is only used while the operation runs.',
    },
    messages: {
      before: {
        fr: "document daté du {{date}} ({{source}}), avant le début de l'opération : le logo ne peut être utilisé que du {{from}} au {{until}}",
        en: 'document dated {{date}} ({{source}}), before the operation started: the logo may only be used from {{from}} to {{until}}',
      },
      after: {
        fr: "document daté du {{date}} ({{source}}), après la fin de l'opération : le logo ne peut être utilisé que du {{from}} au {{until}}",
        en: 'document dated {{date}} ({{source}}), after the operation ended: the logo may only be used from {{from}} to {{until}}',
      },
    },
    fix: {
      fr: 'retirez le logo des documents diffusés hors de cette période ; si la date lue est fausse, indiquez la date réelle de diffusion avec --as-of AAAA-MM-JJ',
      en: 'remove the logo from material published outside this period; if the date read is wrong, give the real publication date with --as-of YYYY-MM-DD',
    },
    charterEntries: ['period.from', 'period.until'],
  },
  check({ charter, date, dateSource }, report) {
    // An unparseable metadata date is no more known than a missing one.
    if (!date || Number.isNaN(date.getTime())) return;
    const { from, until } = charter.period;
    // Whole UTC days, inclusive at both ends: ISO day strings compare in calendar order.
    const iso = date.toISOString().slice(0, 10);
    if (iso >= from && iso <= until) return;
    report({
      messageId: iso < from ? 'before' : 'after',
      data: { date: day(iso), source: SOURCES[dateSource ?? 'unknown'], from: day(from), until: day(until) },
      measured: iso,
      expected: `${from}/${until}`,
    });
  },
};
