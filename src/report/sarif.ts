// SARIF 2.1.0 so that CI systems that already display linters' results can display these too.
// An image has no lines, but the schema requires a region to start somewhere (startLine,
// charOffset or byteOffset) and code-scanning viewers want startLine: it carries the page number,
// while the region's property bag holds the authoritative page and pixel box.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules as registry } from '../rules/index.ts';
import type { Charter, Finding, Lang, PageResult, Report, Severity } from '../types.ts';
import type { Formatter } from './format.ts';
import { ruleLabel } from './html-words.ts';
import { effectiveSeverity, fileStatus } from './summary.ts';

/** The README's list of rules, where code-scanning viewers link each rule. */
export const HELP_URI = 'https://www.npmjs.com/package/logo-check#what-is-reported';
/** GitHub code scanning resolves this base to the repository checked out. */
const BASE_ID = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const FIX_LABEL: Record<Lang, string> = { fr: 'Comment corriger :', en: 'How to fix:' };
const WAIVED_LABEL: Record<Lang, string> = { fr: 'dérogation admise pour le support', en: 'adaptation allowed for the medium' };

/** SARIF wants URIs: relative paths stay relative (so the log is portable), absolute ones become file: URLs; a web page's URL (logo-check site) is one already. */
export function artifactUri(path: string): string {
  if (/^https?:\/\//i.test(path)) return new URL(path).href;
  const slashed = path.replace(/\\/g, '/');
  if (slashed.startsWith('/')) return pathToFileURL(slashed).href;
  return slashed.split('/').map(encodeURIComponent).join('/');
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface Location {
  physicalLocation: {
    artifactLocation: ArtifactLocation;
    region?: { startLine: number; properties: { page: number; bbox?: number[] } };
  };
}

/**
 * A file under the base folder is named relative to it (so a log made in CI points into the
 * repository whatever folder the job ran in); one outside it keeps its own URI.
 */
function artifactLocation(path: string, baseDir: string | undefined): ArtifactLocation {
  if (baseDir === undefined || /^https?:\/\//i.test(path)) return { uri: artifactUri(path) };
  const rel = relative(baseDir, resolve(path));
  if (rel.startsWith('..') || isAbsolute(rel)) return { uri: artifactUri(resolve(path)) };
  return { uri: artifactUri(rel), uriBaseId: BASE_ID };
}

const HELP_WORDS: Record<Lang, { fix: string; more: string }> = {
  fr: { fix: 'Comment corriger :', more: 'Toutes les règles' },
  en: { fix: 'How to fix:', more: 'All rules' },
};

/** What code-scanning viewers show about a rule: its article, what it checks, how to fix it. */
function ruleDescriptor(id: string, first: Finding, lang: Lang, charter: Charter | undefined) {
  const meta = registry.find((rule) => rule.meta.id === id)?.meta;
  const clause = meta && charter ? charter.terms.clauses[meta.clause] : undefined;
  const article = clause?.article ?? first.article;
  const label = ruleLabel(id, lang);
  const description = meta?.description[lang] ?? label;
  // Fix templates are filled from a finding's data; the descriptor shows their placeholders.
  const fix = meta?.fix[lang].replace(/\{\{(\w+)\}\}/g, '<$1>');
  const help = [
    `**${article}**${clause ? ` — « ${clause.quote} »` : ''}`,
    description,
    ...(fix ? [`**${HELP_WORDS[lang].fix}** ${fix}`] : []),
    `[${HELP_WORDS[lang].more}](${HELP_URI})`,
  ].join('\n\n');
  return {
    id,
    shortDescription: { text: label === id ? `${id} (${article})` : `${label} (${article})` },
    fullDescription: { text: description },
    help: { text: help.replace(/\*\*/g, ''), markdown: help },
    helpUri: HELP_URI,
    defaultConfiguration: { level: LEVEL[meta?.severity ?? first.severity] },
    properties: { article, kind: meta?.kind ?? first.kind, tags: [meta?.kind ?? first.kind] },
  };
}

/** Page and logo centre as fractions of the page: the same logo gives the same print at another --dpi. */
function fingerprint(finding: Finding, page: PageResult | undefined, bbox: readonly number[] | undefined, occurrence: number): string {
  const centre = page && bbox ? [((bbox[0] + bbox[2] / 2) / page.width).toFixed(2), ((bbox[1] + bbox[3] / 2) / page.height).toFixed(2)] : [];
  const key = [finding.rule, finding.element ?? '', page?.page ?? 0, ...centre, occurrence].join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export const sarif: Formatter = (report: Report, ctx) => {
  const lang = ctx.lang ?? report.options.lang ?? 'fr';

  // Rules are known only through the findings that name them: list each once, in order of appearance.
  const ruleIndex = new Map<string, number>();
  const rules: Array<ReturnType<typeof ruleDescriptor>> = [];
  const ruleOf = (finding: Finding): number => {
    let index = ruleIndex.get(finding.rule);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.rule, index);
      rules.push(ruleDescriptor(finding.rule, finding, lang, ctx.charter));
    }
    return index;
  };
  const baseDir = ctx.baseDir;

  const result = (finding: Finding, location: Location, print: string) => {
    const severity = effectiveSeverity(finding);
    // A waived finding's message already says which medium allows it (the rule engine appends it),
    // so the medium is named again only in the suppression, where viewers look for it.
    const parts = [finding.message];
    if (finding.fix) parts.push(`${FIX_LABEL[lang]} ${finding.fix}`);
    const properties: Record<string, unknown> = { kind: finding.kind, article: finding.article, severity: finding.severity };
    for (const key of ['element', 'measured', 'expected', 'fix', 'waivedBy'] as const) {
      if (finding[key] !== undefined) properties[key] = finding[key];
    }
    return {
      ruleId: finding.rule,
      ruleIndex: ruleOf(finding),
      level: LEVEL[severity],
      message: { text: parts.join(' ') },
      locations: [location],
      partialFingerprints: { 'logoCheck/v1': print },
      ...(finding.waivedBy
        ? { suppressions: [{ kind: 'external', justification: `${WAIVED_LABEL[lang]} ${finding.waivedBy}` }] }
        : {}),
      properties,
    };
  };

  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const file of report.files) {
    const artifact = artifactLocation(file.path, baseDir);
    // Two identical findings (same rule, element and place) are told apart by their order.
    const seen = new Map<string, number>();
    const print = (finding: Finding, page?: PageResult, bbox?: readonly number[]) => {
      const first = fingerprint(finding, page, bbox, 0);
      const n = seen.get(first) ?? 0;
      seen.set(first, n + 1);
      return n === 0 ? first : fingerprint(finding, page, bbox, n);
    };
    if (fileStatus(file) === 'error') {
      // An unreadable file is a failure of the tool on that input, not a finding about the logo.
      notifications.push({
        level: 'error',
        message: { text: file.error?.message ?? 'file could not be analysed' },
        descriptor: { id: file.error?.code ?? 'UNKNOWN' },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      });
      continue;
    }
    // Viewers need a region on every result: a finding about the whole document is shown on page 1.
    const wholeDocument: Location = { physicalLocation: { artifactLocation: artifact, region: { startLine: 1, properties: { page: 1 } } } };
    for (const finding of file.findings) results.push(result(finding, wholeDocument, print(finding)));
    for (const page of file.pages) {
      for (const logo of page.logos) {
        const location: Location = {
          physicalLocation: {
            artifactLocation: artifact,
            region: { startLine: page.page, properties: { page: page.page, bbox: [...logo.bbox] } },
          },
        };
        for (const finding of logo.findings) results.push(result(finding, location, print(finding, page, logo.bbox)));
      }
    }
  }

  // SARIF's own place for what an auditor's receipt proves: each file's hash and size.
  const artifacts = report.files
    .filter((file) => file.receipt)
    .map(({ path, receipt }) => ({
      location: artifactLocation(path, baseDir),
      ...(receipt!.size !== undefined && { length: receipt!.size }),
      ...(receipt!.sha256 && { hashes: { 'sha-256': receipt!.sha256 } }),
      properties: { receipt },
    }));
  if (report.summary.complete === false) {
    notifications.push({
      level: 'error',
      message: { text: `interrupted: ${report.summary.unchecked} files not checked; this log holds only what finished` },
      descriptor: { id: 'interrupted' },
    });
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, informationUri: HELP_URI, rules } },
        ...(baseDir !== undefined && { originalUriBaseIds: { [BASE_ID]: { uri: pathToFileURL(baseDir).href.replace(/\/?$/, '/') } } }),
        invocations: [
          {
            executionSuccessful: report.summary.errors === 0 && report.summary.complete !== false,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        ...(artifacts.length ? { artifacts } : {}),
        results,
        properties: { charter: report.charter, options: report.options, summary: report.summary },
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
