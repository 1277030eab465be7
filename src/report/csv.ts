// One row per finding, and one per file that is clean or could not be analysed, so that an
// auditor's spreadsheet lists every file of the batch. RFC 4180: comma-separated, CRLF between
// rows, fields with a comma, quote or line break quoted and their quotes doubled; a UTF-8
// byte-order mark first, without which spreadsheet software opens « é » as « Ã© ».
import type { FileResult, Finding, Lang, LogoResult, PageResult, Report } from '../types.ts';
import type { Formatter } from './format.ts';
import { effectiveSeverity, fileStatus } from './summary.ts';

const COLUMNS = ['file', 'status', 'page', 'logo', 'rule', 'severity', 'kind', 'article', 'element', 'message', 'fix', 'measured', 'expected', 'error'] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string | number | boolean | null>>;

const HEADERS: Record<Lang, Record<Column, string>> = {
  fr: {
    file: 'fichier', status: 'statut', page: 'page', logo: 'logo (x y largeur hauteur)', rule: 'règle', severity: 'gravité', kind: 'nature',
    article: 'article', element: 'élément', message: 'constat', fix: 'correction', measured: 'mesuré', expected: 'attendu', error: "code d'erreur",
  },
  en: {
    file: 'file', status: 'status', page: 'page', logo: 'logo (x y width height)', rule: 'rule', severity: 'severity', kind: 'kind',
    article: 'article', element: 'element', message: 'message', fix: 'fix', measured: 'measured', expected: 'expected', error: 'error code',
  },
};

/**
 * RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula
 * (=, +, -, @): a file name is chosen by whoever sent the file.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function findingRow(file: FileResult, finding: Finding, page?: PageResult, logo?: LogoResult): Row {
  return {
    file: file.path,
    status: fileStatus(file),
    page: page?.page ?? null,
    logo: logo ? logo.bbox.map((n) => Math.round(n)).join(' ') : null,
    rule: finding.rule,
    severity: effectiveSeverity(finding),
    kind: finding.kind,
    article: finding.article,
    element: finding.element ?? null,
    message: finding.message,
    fix: finding.fix ?? null,
    measured: finding.measured ?? null,
    expected: finding.expected ?? null,
  };
}

function rowsOf(file: FileResult): Row[] {
  const status = fileStatus(file);
  if (status === 'error') return [{ file: file.path, status, message: file.error?.message ?? null, error: file.error?.code ?? null }];
  const rows = file.findings.map((finding) => findingRow(file, finding));
  for (const page of file.pages) {
    for (const logo of page.logos) rows.push(...logo.findings.map((finding) => findingRow(file, finding, page, logo)));
  }
  return rows.length ? rows : [{ file: file.path, status }];
}

export const csv: Formatter = (report: Report, ctx) => {
  const lang = ctx.lang ?? report.options.lang ?? 'fr';
  const lines = [COLUMNS.map((c) => csvField(HEADERS[lang][c])).join(',')];
  for (const file of report.files) {
    for (const row of rowsOf(file)) lines.push(COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
};
