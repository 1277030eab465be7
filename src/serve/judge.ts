// Measure once, judge many times: the server runs one checker, in French and without a declared
// category, and each partner's answer is judged again from the measurements the result carries,
// with the category and the language that partner chose. Rules only read measurements, so the
// findings are the ones a checker created with those options would have given.
import { fileStatus } from '../report/summary.ts';
import { checkDocument, checkLogo, type DateSource } from '../rules/index.ts';
import type { Charter, FileResult, Lang } from '../types.ts';

const MM_PER_INCH = 25.4;

export interface Judgement {
  charter: Charter;
  lang: Lang;
  category?: string;
}

/** Where the checker read the document's date: PDFs from their metadata, images from EXIF. */
function dateSourceOf(file: FileResult): DateSource | undefined {
  if (!file.date) return undefined;
  return file.kind === 'pdf' ? 'pdf' : 'exif';
}

export function rejudge(file: FileResult, { charter, lang, category }: Judgement): FileResult {
  const pages = file.pages.map((page) => ({
    ...page,
    logos: page.logos.map((logo) => {
      const { widthMm, widthPx } = logo.measurement.geometry;
      // The page's resolution is what turned pixels into millimetres; unknown, the rule assumes one.
      const dpi = widthMm ? (widthPx / widthMm) * MM_PER_INCH : undefined;
      const findings = checkLogo({ charter, lang, category, logo: logo.measurement, page: { width: page.width, height: page.height, dpi } });
      return { ...logo, findings };
    }),
  }));
  const hasLogo = pages.some((p) => p.logos.length > 0);
  const date = file.date ? new Date(file.date) : undefined;
  const findings = hasLogo ? checkDocument({ charter, lang, date, dateSource: dateSourceOf(file) }) : [];
  const judged: FileResult = { ...file, pages, findings };
  return { ...judged, status: fileStatus(judged) };
}
