// The terminal report is read by partners who are not technical and mostly French-speaking: it
// says where each logo is in words, what is wrong in the checker's own sentences, and how to fix
// it. Pixel boxes and article references stay for the auditors, in the background.
import type { BBox, Charter, FileResult, Finding, Lang, LogoResult, PageResult, Report, Severity } from '../types.ts';
import type { FormatContext, Formatter } from './format.ts';
import { effectiveSeverity, fileStatus } from './summary.ts';

type Style = (s: string) => string;
interface Palette {
  bold: Style;
  dim: Style;
  red: Style;
  green: Style;
  yellow: Style;
  cyan: Style;
}

const ansi = (open: number, close: number): Style => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Style = (s) => s;
const COLOURS: Palette = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  red: ansi(31, 39),
  green: ansi(32, 39),
  yellow: ansi(33, 39),
  cyan: ansi(36, 39),
};
const NO_COLOURS: Palette = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };

/** Plural for counts: French keeps the singular for 0 and 1, English only for 1. */
function count(lang: Lang, n: number, one: string, many: string): string {
  const singular = lang === 'fr' ? n <= 1 : n === 1;
  return `${n} ${singular ? one : many}`;
}

const WORDS = {
  fr: {
    pass: 'conforme',
    fail: 'non conforme',
    error: 'illisible',
    severity: { error: 'erreur', warning: 'avertissement', info: 'info' } as Record<Severity, string>,
    noLogo: 'aucun logo trouvé',
    noProblem: 'aucun problème',
    page: 'page',
    logo: 'Logo',
    document: 'Document',
    badge: 'mention',
    noBadge: 'mention non reconnue',
    confidence: 'confiance',
    fix: 'Comment corriger :',
    rule: 'règle',
    code: 'code',
    charter: 'charte',
    category: 'catégorie déclarée',
    medium: 'support',
    asOf: 'date de référence',
    shard: 'part des fichiers',
    colon: ' :',
    box: (b: BBox) => `(x ${b[0]}, y ${b[1]} ; ${b[2]} × ${b[3]} px)`,
    percent: (n: number) => `${n} %`,
    quote: (s: string) => `« ${s} »`,
    position: [
      ['en haut à gauche', 'en haut au centre', 'en haut à droite'],
      ['au milieu à gauche', 'au centre', 'au milieu à droite'],
      ['en bas à gauche', 'en bas au centre', 'en bas à droite'],
    ],
    interrupted: (r: Report) =>
      `Vérification interrompue : ${r.summary.unchecked} ${r.summary.unchecked <= 1 ? 'fichier' : 'fichiers'} sur ${r.summary.files + r.summary.unchecked} ` +
      `non ${r.summary.unchecked <= 1 ? 'vérifié' : 'vérifiés'} ; ce rapport ne contient que ce qui a été fini (avec --cache, relancer la même commande reprend où elle s'est arrêtée)`,
    summary: (r: Report, withoutLogo: number) => [
      `Résumé : ${count('fr', r.summary.files, 'fichier analysé', 'fichiers analysés')} — ` +
        `${count('fr', r.summary.passed, 'conforme', 'conformes')}` +
        (withoutLogo ? ` (dont ${withoutLogo} sans logo), ` : ', ') +
        `${count('fr', r.summary.failed, 'non conforme', 'non conformes')}, ` +
        `${count('fr', r.summary.errors, 'illisible', 'illisibles')}`,
      `${count('fr', r.summary.logos, 'logo trouvé', 'logos trouvés')} — ` +
        `${count('fr', r.summary.findings.error, 'erreur', 'erreurs')}, ` +
        `${count('fr', r.summary.findings.warning, 'avertissement', 'avertissements')}`,
    ],
  },
  en: {
    pass: 'compliant',
    fail: 'not compliant',
    error: 'unreadable',
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    noLogo: 'no logo found',
    noProblem: 'no problem found',
    page: 'page',
    logo: 'Logo',
    document: 'Document',
    badge: 'badge',
    noBadge: 'badge not recognised',
    confidence: 'confidence',
    fix: 'How to fix:',
    rule: 'rule',
    code: 'code',
    charter: 'charter',
    category: 'declared category',
    medium: 'medium',
    asOf: 'judged as of',
    shard: 'share of the files',
    colon: ':',
    box: (b: BBox) => `(x ${b[0]}, y ${b[1]}; ${b[2]} × ${b[3]} px)`,
    percent: (n: number) => `${n}%`,
    quote: (s: string) => `“${s}”`,
    position: [
      ['top left', 'top centre', 'top right'],
      ['middle left', 'centre', 'middle right'],
      ['bottom left', 'bottom centre', 'bottom right'],
    ],
    interrupted: (r: Report) =>
      `Check interrupted: ${r.summary.unchecked} of ${r.summary.files + r.summary.unchecked} files not checked; this report holds only what finished ` +
      '(with --cache, running the same command again resumes where it stopped)',
    summary: (r: Report, withoutLogo: number) => [
      `Summary: ${count('en', r.summary.files, 'file checked', 'files checked')} — ` +
        `${r.summary.passed} compliant` +
        (withoutLogo ? ` (${withoutLogo} without any logo), ` : ', ') +
        `${r.summary.failed} not compliant, ${r.summary.errors} unreadable`,
      `${count('en', r.summary.logos, 'logo found', 'logos found')} — ` +
        `${count('en', r.summary.findings.error, 'error', 'errors')}, ` +
        `${count('en', r.summary.findings.warning, 'warning', 'warnings')}`,
    ],
  },
};
type Words = (typeof WORDS)['fr'];

/** Which third of the page, across and down, holds the centre of the box. */
export function positionInWords(bbox: BBox, width: number, height: number, lang: Lang): string {
  const third = (centre: number, size: number) => Math.min(2, Math.max(0, Math.floor((centre / size) * 3)));
  const col = third(bbox[0] + bbox[2] / 2, width);
  const row = third(bbox[1] + bbox[3] / 2, height);
  return WORDS[lang].position[row][col];
}

const MARKS: Record<Severity, string> = { error: '✘', warning: '⚠', info: 'ℹ' };

export const text: Formatter = (report: Report, ctx: FormatContext) => {
  const lang = ctx.lang ?? report.options.lang ?? 'fr';
  const w = WORDS[lang];
  const c = ctx.color ? COLOURS : NO_COLOURS;
  const lines: string[] = [];

  lines.push(c.bold(`${report.tool.name} ${report.tool.version} — ${w.charter} ${w.quote(report.charter.name)}`) + c.dim(` (${report.charter.id})`));
  const declared: string[] = [];
  if (report.options.category) declared.push(`${w.category}${w.colon} ${badgeName(report.options.category, ctx.charter, w)}`);
  if (report.options.medium) declared.push(`${w.medium}${w.colon} ${mediumName(report.options.medium, ctx.charter, lang)}`);
  if (report.options.asOf) declared.push(`${w.asOf}${w.colon} ${report.options.asOf}`);
  // A shard's report is not the whole batch: said where a reader sees what the run covered.
  if (report.options.shard) declared.push(`${w.shard}${w.colon} ${report.options.shard}`);
  if (declared.length) lines.push(c.dim(capitalise(declared.join(' · '))));
  lines.push('');

  for (const file of report.files) {
    lines.push(...fileLines(file, ctx, lang, c));
    lines.push('');
  }

  const withoutLogo = report.files.filter((f) => fileStatus(f) === 'pass' && f.pages.every((p) => p.logos.length === 0)).length;
  // Said last, next to the totals it qualifies, where a reader of a long report looks.
  if (report.summary.complete === false) lines.push(c.yellow(c.bold(`⚠ ${w.interrupted(report)}`)), '');
  const [files, logos] = w.summary(report, withoutLogo);
  lines.push(c.bold(files));
  // Aligned under the first line's text, after « Résumé : » / "Summary: ".
  lines.push(' '.repeat(files.indexOf(':') + 2) + logos);
  return lines.join('\n');
};

function fileLines(file: FileResult, ctx: FormatContext, lang: Lang, c: Palette): string[] {
  const w = WORDS[lang];
  const status = fileStatus(file);
  const lines: string[] = [];
  if (status === 'error') {
    const error = file.error ?? { code: 'UNKNOWN', message: '' };
    // The message is a sentence of its own, under the verdict, as findings are.
    lines.push(`${c.yellow('⚠')} ${c.bold(file.path)} — ${c.yellow(w.error)}` + c.dim(` [${w.code} ${error.code}]`));
    if (error.message) lines.push(`  ${error.message}`);
    return lines;
  }
  const logos = file.pages.flatMap((page) => page.logos.map((logo) => ({ page, logo })));
  if (status === 'pass' && logos.length === 0 && file.findings.length === 0) {
    // Nothing was judged: calling it « conforme » would mislead a partner whose logo went unseen.
    lines.push(`${c.dim('○')} ${c.bold(file.path)} — ${w.noLogo}`);
    return lines;
  }
  const mark = status === 'pass' ? c.green('✔') : c.red('✘');
  const label = status === 'pass' ? c.green(w.pass) : c.red(w.fail);
  lines.push(`${mark} ${c.bold(file.path)} — ${label}`);
  if (logos.length === 0) lines.push(`  ${capitalise(w.noLogo)}.`);
  // Naming the page only helps when there is more than one to choose from.
  const paged = file.kind === 'pdf' || file.pages.length > 1;
  logos.forEach(({ page, logo }, i) => lines.push(...logoLines(logo, page, i + 1, paged, ctx, lang, c)));

  if (file.findings.length) {
    lines.push(`  ${w.document}${w.colon}`);
    for (const finding of file.findings) lines.push(...findingLines(finding, ctx, lang, c));
  }
  return lines;
}

function logoLines(logo: LogoResult, page: PageResult, n: number, paged: boolean, ctx: FormatContext, lang: Lang, c: Palette): string[] {
  const w = WORDS[lang];
  const box = logo.bbox.map((v) => Math.round(v)) as BBox;
  const where = positionInWords(logo.bbox, page.width, page.height, lang);
  // On a web page, the picture the logo is on says more than its rank among the page's pictures.
  const place = page.source ? `${page.source}, ${where}` : paged ? `${w.page} ${page.page}, ${where}` : where;
  const badge = logo.badge === null ? w.noBadge : `${w.badge} ${badgeName(logo.badge, ctx.charter, w)}`;
  const lines = [
    `  ${w.logo} ${n} · ${place} ` + c.dim(w.box(box)),
    `    ${capitalise(badge)} · ${w.confidence} ${w.percent(Math.round(logo.confidence * 100))}`,
  ];
  if (logo.findings.length === 0) lines.push(`    ${c.green('✔')} ${w.noProblem}`);
  for (const finding of logo.findings) lines.push(...findingLines(finding, ctx, lang, c));
  return lines;
}

function findingLines(finding: Finding, ctx: FormatContext, lang: Lang, c: Palette): string[] {
  const w = WORDS[lang];
  const severity = effectiveSeverity(finding);
  const tint = severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.cyan;
  const trace = c.dim(` [${finding.article}, ${w.rule} ${finding.rule}]`);
  const lines = [`    ${tint(`${MARKS[severity]} ${w.severity[severity]}`)} — ${finding.message}${trace}`];
  if (finding.fix) lines.push(`      ${w.fix} ${finding.fix}`);
  return lines;
}

function badgeName(id: string, charter: Charter | undefined, w: Words): string {
  const variant = charter?.badges.find((b) => b.id === id);
  return w.quote(variant ? variant.text : id);
}

function mediumName(id: string, charter: Charter | undefined, lang: Lang): string {
  return charter?.media.find((m) => m.id === id)?.name[lang] ?? id;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
