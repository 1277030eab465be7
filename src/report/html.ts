// The visual report: one self-contained HTML file that opens from a USB key. Like the other
// formatters it is a pure function of the report; the pictures, when there are any, are drawn
// beforehand from the files (html-visuals.ts) and handed in through the context. Without them the
// outlines are drawn on a blank page of the right proportions, so they still show where to look.
// Every text that comes from a file (names, texts read, messages quoting them) is escaped, and the
// page forbids itself any network request and any script (Content-Security-Policy).
import type { Charter, FileResult, Finding, Lang, LogoResult, PageResult, Report, Severity } from '../types.ts';
import { logoKey, type FormatContext, type Formatter } from './format.ts';
import { cssIdent, filterCss, REPORT_CSS } from './html-style.ts';
import type { FileVisuals, LogoVisual, ReportVisuals } from './html-visuals.ts';
import { fileErrorInWords, headline, ruleLabel, why, WORDS, type HtmlWords } from './html-words.ts';
import { allFindings, effectiveSeverity, fileStatus } from './summary.ts';
import { positionInWords } from './text.ts';

export const REPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** What a file section needs besides the file: the language, the charter's names, the pictures. */
export interface SectionContext {
  lang: Lang;
  charter?: Charter;
  visuals?: ReportVisuals;
  /** Declared category: the artwork a logo without a recognised badge is compared with. */
  category?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A file's verdict as a reader sees it: a file with no logo passes, but was not judged. */
export type Verdict = 'pass' | 'fail' | 'error' | 'none';

export function verdictOf(file: FileResult): Verdict {
  const status = fileStatus(file);
  if (status === 'pass' && file.pages.every((p) => p.logos.length === 0)) return 'none';
  return status;
}

/** Outline colour of a logo: red for an error, amber for warnings only, green otherwise. */
export function outlineOf(logo: LogoResult): 'pass' | 'warn' | 'fail' {
  const severities = logo.findings.map(effectiveSeverity);
  if (severities.includes('error')) return 'fail';
  return severities.includes('warning') ? 'warn' : 'pass';
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const percent = (lang: Lang, share: number) => (lang === 'fr' ? `${Math.round(share * 100)} %` : `${Math.round(share * 100)}%`);

function verdictLabel(verdict: Verdict, w: HtmlWords): string {
  return { pass: w.pass, fail: w.fail, error: w.error, none: w.noLogo }[verdict];
}

function findingItem(finding: Finding, lang: Lang, charter: Charter | undefined): string {
  const w = WORDS[lang];
  const severity: Severity = effectiveSeverity(finding);
  const values = [
    finding.measured !== undefined && finding.measured !== null ? `${w.measuredValue} ${finding.measured}` : '',
    finding.expected !== undefined && finding.expected !== null ? `${w.expectedValue} ${finding.expected}` : '',
    finding.confidence !== undefined ? `${w.confidence} ${percent(lang, finding.confidence)}` : '',
    `${finding.article}, ${w.rule} ${finding.rule}`,
  ].filter(Boolean);
  return [
    `<li class="finding ${severity}" data-rule="${escapeHtml(finding.rule)}">`,
    `<p class="head"><span class="severity">${escapeHtml(w.severity[severity])} — </span>${escapeHtml(headline(finding, lang, charter))}</p>`,
    `<p><strong>${escapeHtml(w.whyLabel)}</strong> ${escapeHtml(why(finding, lang))}</p>`,
    finding.fix ? `<p><strong>${escapeHtml(w.fixLabel)}</strong> ${escapeHtml(capitalise(finding.fix))}</p>` : '',
    `<p class="details">${escapeHtml(w.details + w.colon)} ${escapeHtml(capitalise(finding.message))} (${escapeHtml(values.join(' · '))})</p>`,
    `</li>`,
  ].join('');
}

function swatches(logo: LogoResult, lang: Lang, charter: Charter | undefined): string {
  const w = WORDS[lang];
  const items: string[] = [];
  for (const element of Object.values(logo.measurement.elements ?? {})) {
    for (const colour of element.colours ?? []) {
      const expected = charter?.palette[colour.expected];
      const elementName = charter?.elements[element.id]?.name[lang] ?? element.id;
      const colourName = expected?.name[lang] ?? colour.expected;
      items.push(
        `<li><span class="swatch" style="background:${escapeHtml(safeHex(colour.measuredHex))}"></span>` +
          (expected ? `<span class="swatch" style="background:${escapeHtml(safeHex(expected.hex))}"></span>` : '') +
          `${escapeHtml(elementName)}, ${escapeHtml(colourName + w.colon)} ${escapeHtml(w.measured)} ${escapeHtml(colour.measuredHex)}` +
          (expected ? `, ${escapeHtml(w.expected)} ${escapeHtml(expected.hex)}` : '') +
          ` <span class="details">(ΔE2000 ${escapeHtml(colour.deltaE.toFixed(1))})</span></li>`,
      );
    }
  }
  return items.length ? `<h4 class="details">${escapeHtml(w.colours)}</h4><ul class="swatches">${items.join('')}</ul>` : '';
}

/** Only colours written #RRGGBB reach a style attribute. */
const safeHex = (hex: string): string => (/^#[0-9a-fA-F]{6}$/.test(hex) ? hex : '#ffffff');

function comparison(n: number, logo: LogoVisual | undefined, artwork: string | undefined, variantText: string, lang: Lang): string {
  const w = WORDS[lang];
  if (!logo) return '';
  const legend = (['added', 'removed', 'changed'] as const)
    .map((kind) => `<li><span class="diff-${kind}"></span>${escapeHtml(w[kind])} ${escapeHtml(percent(lang, logo.shares[kind]))}</li>`)
    .concat(`<li><span class="diff-off"></span>${escapeHtml(w.offPage)}</li>`)
    .join('');
  return [
    `<div class="compare">`,
    `<figure><img src="${escapeHtml(logo.upright.uri)}" width="${logo.upright.width}" height="${logo.upright.height}" alt="${escapeHtml(w.foundAlt(n))}"><figcaption>${escapeHtml(w.found)}</figcaption></figure>`,
    artwork
      ? `<figure><div class="artwork art-${cssIdent(logo.variant)}" role="img" aria-label="${escapeHtml(w.approvedAlt(variantText))}"></div><figcaption>${escapeHtml(w.approved)}</figcaption></figure>`
      : '',
    `<figure><img class="difference" src="${escapeHtml(logo.difference.uri)}" width="${logo.difference.width}" height="${logo.difference.height}" alt="${escapeHtml(w.differenceAlt(n))}"><figcaption>${escapeHtml(w.difference)}</figcaption><ul class="legend">${legend}</ul></figure>`,
    `</div>`,
  ].join('');
}

function logoSection(file: FileResult, page: PageResult, logo: LogoResult, index: number, n: number, ctx: SectionContext, visuals: FileVisuals | undefined): string {
  const w = WORDS[ctx.lang];
  const outline = outlineOf(logo);
  const where = positionInWords(logo.bbox, page.width, page.height, ctx.lang);
  const paged = file.kind === 'pdf' || file.pages.length > 1;
  const variant = ctx.charter?.badges.find((b) => b.id === logo.badge);
  const badge = logo.badge === null ? w.noBadge : `« ${variant?.text ?? logo.badge} »`;
  const visual = visuals?.logos[logoKey(page.page, index)];
  const artwork = visual ? ctx.visuals?.artwork[visual.variant] : undefined;
  const comparedText = ctx.charter?.badges.find((b) => b.id === visual?.variant)?.text ?? visual?.variant ?? '';
  const findings = logo.findings.length
    ? `<ul class="findings">${logo.findings.map((f) => findingItem(f, ctx.lang, ctx.charter)).join('')}</ul>`
    : `<p class="ok">${escapeHtml(w.noProblem)}</p>`;
  return [
    `<section class="logo ${outline}" data-logo="${n}">`,
    `<h3>${escapeHtml(w.logo)} ${n} — ${paged ? `${escapeHtml(w.page.toLowerCase())} ${page.page}, ` : ''}${escapeHtml(where)}</h3>`,
    `<p class="details">${escapeHtml(w.badge + w.colon)} ${escapeHtml(badge)} · ${escapeHtml(w.confidence)} ${escapeHtml(percent(ctx.lang, logo.confidence))} · x ${Math.round(logo.bbox[0])}, y ${Math.round(logo.bbox[1])}, ${Math.round(logo.bbox[2])} × ${Math.round(logo.bbox[3])} px</p>`,
    findings,
    comparison(n, visual, artwork, comparedText, ctx.lang),
    swatches(logo, ctx.lang, ctx.charter),
    `</section>`,
  ].join('');
}

/** The page with each logo outlined and numbered, in the page's own pixels (the JSON's boxes). */
function pageView(page: PageResult, first: number, visuals: FileVisuals | undefined, lang: Lang): string {
  const w = WORDS[lang];
  const thumb = visuals?.thumbnails[page.page];
  const label = Math.max(page.width, page.height) / 28;
  const marks = page.logos
    .map((logo, i) => {
      const [x, y, bw, bh] = logo.bbox;
      const kind = outlineOf(logo);
      const n = first + i;
      const cx = Math.max(label * 0.6, x);
      const cy = Math.max(label * 0.6, y);
      // What was added on the logo, outlined apart: the partner sees where to look on the page.
      const added = (logo.measurement.additions ?? [])
        .filter((a) => !a.partnerLogo)
        .map((a) => `<rect class="mark" x="${a.bbox[0]}" y="${a.bbox[1]}" width="${a.bbox[2]}" height="${a.bbox[3]}"/>`)
        .join('');
      return (
        `<rect class="outline ${kind}" data-logo="${n}" x="${x}" y="${y}" width="${bw}" height="${bh}"/>` +
        added +
        `<circle class="number-bg ${kind}" cx="${cx}" cy="${cy}" r="${label * 0.6}"/>` +
        `<text class="number" x="${cx}" y="${cy}" font-size="${label * 0.8}" text-anchor="middle" dominant-baseline="central">${n}</text>`
      );
    })
    .join('');
  const picture = thumb
    ? `<img src="${escapeHtml(thumb.uri)}" width="${thumb.width}" height="${thumb.height}" alt="${escapeHtml(w.pageAlt(page.page))}">`
    : `<div class="blank" role="img" aria-label="${escapeHtml(`${w.pageAlt(page.page)} (${w.noPicture})`)}" style="aspect-ratio:${page.width} / ${page.height}"></div>`;
  return [
    `<figure class="page-view">`,
    `<div class="page-frame" data-width="${page.width}" data-height="${page.height}">`,
    picture,
    `<svg viewBox="0 0 ${page.width} ${page.height}" preserveAspectRatio="none" aria-hidden="true">${marks}</svg>`,
    `</div>`,
    `<figcaption>${escapeHtml(w.page)} ${page.page}</figcaption>`,
    `</figure>`,
  ].join('');
}

/** One file of the report: verdict, each page with a logo, each logo compared and explained. */
export function fileSection(file: FileResult, id: number, ctx: SectionContext): string {
  const w = WORDS[ctx.lang];
  const verdict = verdictOf(file);
  const rules = [...new Set(allFindings(file).map((f) => cssIdent(f.rule)))];
  const classes = ['file', `v-${verdict}`, ...rules.map((r) => `r-${r}`)].join(' ');
  const heading = `<h2 id="file-${id}-title"><span class="verdict ${verdict}">${escapeHtml(verdictLabel(verdict, w))}</span>${escapeHtml(file.path)}</h2>`;
  const parts = [`<article class="${classes}" id="file-${id}" data-verdict="${verdict}" aria-labelledby="file-${id}-title">`, heading];
  if (verdict === 'error') {
    const error = file.error ?? { code: 'internal', message: '' };
    parts.push(`<p class="problem">${escapeHtml(fileErrorInWords(error.code, ctx.lang))}</p>`);
    parts.push(`<p class="details">${escapeHtml(w.technical + w.colon)} ${escapeHtml(error.message)} [${escapeHtml(error.code)}]</p>`);
  }
  const visuals = ctx.visuals?.files[file.path];
  let n = 1;
  for (const page of file.pages) {
    if (!page.logos.length) continue;
    const first = n;
    const logos = page.logos.map((logo, i) => logoSection(file, page, logo, i, n++, ctx, visuals)).join('');
    parts.push(`<div class="page">${pageView(page, first, visuals, ctx.lang)}<div class="logos">${logos}</div></div>`);
  }
  if (file.findings.length) {
    parts.push(`<h3>${escapeHtml(w.document)}</h3><ul class="findings">${file.findings.map((f) => findingItem(f, ctx.lang, ctx.charter)).join('')}</ul>`);
  }
  parts.push(`</article>`);
  return parts.join('\n');
}

function summarySection(report: Report, lang: Lang, ruleIds: string[]): string {
  const w = WORDS[lang];
  const verdicts = report.files.map(verdictOf);
  const count = (v: Verdict) => verdicts.filter((x) => x === v).length;
  const findings = report.files.flatMap(allFindings).filter((f) => effectiveSeverity(f) !== 'info');
  const byKind = Object.entries(w.kinds)
    .map(([kind, label]) => [label, findings.filter((f) => f.kind === kind).length] as const)
    .filter(([, k]) => k > 0)
    .map(([label, k]) => `<li><strong>${k}</strong>${escapeHtml(label)}</li>`)
    .join('');
  const radio = (name: string, id: string, label: string, checked = false) =>
    `<label><input type="radio" name="${name}" id="${id}"${checked ? ' checked' : ''}> ${escapeHtml(label)}</label>`;
  const ruleCount = (id: string) => report.files.filter((f) => allFindings(f).some((x) => cssIdent(x.rule) === id)).length;
  return [
    `<section class="summary" aria-labelledby="summary-title">`,
    `<h2 id="summary-title">${escapeHtml(w.summary)}</h2>`,
    `<ul class="counts">`,
    `<li><strong>${report.files.length}</strong>${escapeHtml(w.files)}</li>`,
    `<li><strong>${count('pass')}</strong>${escapeHtml(w.pass)}</li>`,
    `<li><strong>${count('fail')}</strong>${escapeHtml(w.fail)}</li>`,
    `<li><strong>${count('error')}</strong>${escapeHtml(w.error)}</li>`,
    `<li><strong>${count('none')}</strong>${escapeHtml(w.noLogo)}</li>`,
    `<li><strong>${report.summary.logos}</strong>${escapeHtml(w.logos)}</li>`,
    `</ul>`,
    byKind ? `<h3>${escapeHtml(w.byKind)}</h3><ul class="counts">${byKind}</ul>` : '',
    `<form class="filters" aria-label="${escapeHtml(w.show)}">`,
    `<fieldset><legend>${escapeHtml(w.show)}</legend>`,
    radio('verdict', 'show-all', `${w.showAll} (${report.files.length})`, true),
    (['fail', 'pass', 'error', 'none'] as const).map((v) => radio('verdict', `show-${v}`, `${verdictLabel(v, w)} (${count(v)})`)).join(''),
    `</fieldset>`,
    ruleIds.length
      ? `<fieldset><legend>${escapeHtml(w.byRule)}</legend>${radio('rule', 'rule-all', w.allRules, true)}${ruleIds
          .map((id) => radio('rule', `rule-${id}`, `${ruleLabel(id, lang)} (${ruleCount(id)})${ruleLabel(id, lang) === id ? '' : ` — ${id}`}`))
          .join('')}</fieldset>`
      : '',
    `</form>`,
    `</section>`,
  ].join('');
}

/** Artwork by variant, once per report as CSS backgrounds: each logo section only names its class. */
export function artworkCss(visuals: ReportVisuals | undefined): string {
  return Object.entries(visuals?.artwork ?? {})
    .map(([variant, uri]) => `.art-${cssIdent(variant)} { background-image: url("${uri.replace(/["\\\n]/g, '')}"); }`)
    .join('\n');
}

export const DIFFERENCE_CSS = `.diff-added { background: #c000d8; } .diff-removed { background: #00a8c8; } .diff-changed { background: #f09a00; } .diff-off { background: repeating-linear-gradient(45deg, #969696 0 2px, #ebebeb 2px 8px); }`;

export const html: Formatter = (report: Report, ctx: FormatContext) => {
  const lang = ctx.lang ?? report.options.lang ?? 'fr';
  const w = WORDS[lang];
  const sectionCtx: SectionContext = { lang, charter: ctx.charter, visuals: ctx.visuals, category: report.options.category };
  const ruleIds = [...new Set(report.files.flatMap(allFindings).map((f) => cssIdent(f.rule)))].sort();
  const declared = [
    report.options.category ? `${w.category}${w.colon} ${ctx.charter?.badges.find((b) => b.id === report.options.category)?.text ?? report.options.category}` : '',
    report.options.medium ? `${w.medium}${w.colon} ${ctx.charter?.media.find((m) => m.id === report.options.medium)?.name[lang] ?? report.options.medium}` : '',
    report.options.asOf ? `${w.asOf}${w.colon} ${report.options.asOf}` : '',
  ].filter(Boolean);
  const style = [REPORT_CSS, DIFFERENCE_CSS, filterCss(ruleIds), artworkCss(ctx.visuals)].join('\n');
  return [
    `<!DOCTYPE html>`,
    `<html lang="${lang}">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(w.title)} — ${escapeHtml(report.charter.name)}</title>`,
    `<style>${style}</style>`,
    `</head>`,
    `<body>`,
    `<a class="skip" href="#files">${escapeHtml(w.skip)}</a>`,
    `<main class="report">`,
    `<h1>${escapeHtml(w.title)}</h1>`,
    `<p class="meta">${escapeHtml(w.charter)} « ${escapeHtml(report.charter.name)} » · ${escapeHtml(w.generated(`${report.tool.name} ${report.tool.version}`))}${declared.length ? ` · ${escapeHtml(declared.join(' · '))}` : ''}</p>`,
    summarySection(report, lang, ruleIds),
    `<div id="files">`,
    ...report.files.map((file, i) => fileSection(file, i + 1, sectionCtx)),
    `</div>`,
    `</main>`,
    `</body>`,
    `</html>`,
  ].join('\n');
};
