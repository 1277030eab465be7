// SARIF 2.1.0 so that CI systems that already display linters' results can display these too.
// An image has no lines, but the schema requires a region to start somewhere (startLine,
// charOffset or byteOffset) and code-scanning viewers want startLine: it carries the page number,
// while the region's property bag holds the authoritative page and pixel box.
import { pathToFileURL } from 'node:url';
import type { Finding, Lang, Report, Severity } from '../types.ts';
import type { Formatter } from './format.ts';
import { effectiveSeverity, fileStatus } from './summary.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const FIX_LABEL: Record<Lang, string> = { fr: 'Comment corriger :', en: 'How to fix:' };
const WAIVED_LABEL: Record<Lang, string> = { fr: 'dérogation admise pour le support', en: 'adaptation allowed for the medium' };

/** SARIF wants URIs: relative paths stay relative (so the log is portable), absolute ones become file: URLs. */
export function artifactUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  if (slashed.startsWith('/')) return pathToFileURL(slashed).href;
  return slashed.split('/').map(encodeURIComponent).join('/');
}

interface Location {
  physicalLocation: {
    artifactLocation: { uri: string };
    region?: { startLine: number; properties: { page: number; bbox: number[] } };
  };
}

export const sarif: Formatter = (report: Report, ctx) => {
  const lang = ctx.lang ?? report.options.lang ?? 'fr';

  // Rules are known only through the findings that name them: list each once, in order of appearance.
  const ruleIndex = new Map<string, number>();
  const rules: Array<{ id: string; properties: { article: string; kind: string; tags: string[] } }> = [];
  const ruleOf = (finding: Finding): number => {
    let index = ruleIndex.get(finding.rule);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.rule, index);
      rules.push({ id: finding.rule, properties: { article: finding.article, kind: finding.kind, tags: [finding.kind] } });
    }
    return index;
  };

  const result = (finding: Finding, location: Location) => {
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
      ...(finding.waivedBy
        ? { suppressions: [{ kind: 'external', justification: `${WAIVED_LABEL[lang]} ${finding.waivedBy}` }] }
        : {}),
      properties,
    };
  };

  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const file of report.files) {
    const uri = artifactUri(file.path);
    if (fileStatus(file) === 'error') {
      // An unreadable file is a failure of the tool on that input, not a finding about the logo.
      notifications.push({
        level: 'error',
        message: { text: file.error?.message ?? 'file could not be analysed' },
        descriptor: { id: file.error?.code ?? 'UNKNOWN' },
        locations: [{ physicalLocation: { artifactLocation: { uri } } }],
      });
      continue;
    }
    for (const finding of file.findings) results.push(result(finding, { physicalLocation: { artifactLocation: { uri } } }));
    for (const page of file.pages) {
      for (const logo of page.logos) {
        const location: Location = {
          physicalLocation: {
            artifactLocation: { uri },
            region: { startLine: page.page, properties: { page: page.page, bbox: [...logo.bbox] } },
          },
        };
        for (const finding of logo.findings) results.push(result(finding, location));
      }
    }
  }

  // SARIF's own place for what an auditor's receipt proves: each file's hash and size.
  const artifacts = report.files
    .filter((file) => file.receipt)
    .map(({ path, receipt }) => ({
      location: { uri: artifactUri(path) },
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
        tool: { driver: { name: report.tool.name, version: report.tool.version, rules } },
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
