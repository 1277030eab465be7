// The charter's minimum width keeps the badge and the name legible. Many images do not state
// their resolution, so the width is then estimated at the charter's assumed dpi and the message
// says so: the partner may know better.
import type { LogoRule } from './rule.ts';

const MM_PER_INCH = 25.4;

export const minSize: LogoRule = {
  meta: {
    id: 'min-size',
    kind: 'placement',
    severity: 'warning',
    clause: 'alteration',
    scope: 'logo',
    description: {
      fr: 'Le logo est reproduit au moins à la largeur minimale de la charte, pour rester lisible.',
      en: "The logo is reproduced at least at the charter's minimum width, so that it stays legible.",
    },
    messages: {
      tooSmall: {
        fr: 'le logo est trop petit : {{width}} mm de large, la charte demande au moins {{min}} mm',
        en: 'the logo is too small: {{width}} mm wide, the charter asks for at least {{min}} mm',
      },
      tooSmallAssumedDpi: {
        fr: "le logo est trop petit : {{width}} mm de large, la charte demande au moins {{min}} mm (largeur calculée à {{dpi}} dpi, la résolution de l'image n'étant pas indiquée)",
        en: 'the logo is too small: {{width}} mm wide, the charter asks for at least {{min}} mm (width computed at {{dpi}} dpi, as the image does not state its resolution)',
      },
    },
    fix: {
      fr: 'agrandissez le logo à au moins {{min}} mm de large (soit {{minPx}} px à {{dpi}} dpi)',
      en: 'enlarge the logo to at least {{min}} mm wide ({{minPx}} px at {{dpi}} dpi)',
    },
    charterEntries: ['minSize.widthMm', 'minSize.assumedDpi'],
  },
  check({ charter, logo, page }, report) {
    const { widthMm: min, assumedDpi } = charter.minSize;
    const dpi = page.dpi ?? assumedDpi;
    const measured = logo.geometry.widthMm;
    const width = measured ?? (logo.geometry.widthPx / dpi) * MM_PER_INCH;
    if (width >= min) return;
    report({
      messageId: measured === undefined && page.dpi === undefined ? 'tooSmallAssumedDpi' : 'tooSmall',
      data: { width, min, dpi, minPx: Math.ceil((min / MM_PER_INCH) * dpi) },
      measured: width,
      expected: min,
    });
  },
};
