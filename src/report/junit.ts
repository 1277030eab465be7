// JUnit XML, the report every CI server shows as tests: one test case per file, a failure per
// error finding (a file with only warnings passes), an error when the file could not be
// analysed. Warnings and notes go to the case's system-out, where the CI shows them on demand.
import type { FileResult, Finding, Report } from '../types.ts';
import type { Formatter } from './format.ts';
import { effectiveSeverity, fileStatus } from './summary.ts';

/** Escapes for text and attribute values, and drops what XML 1.0 cannot carry at all. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Placed {
  finding: Finding;
  where: string;
}

function placed(file: FileResult): Placed[] {
  const all: Placed[] = file.findings.map((finding) => ({ finding, where: 'document' }));
  for (const page of file.pages) {
    page.logos.forEach((logo, i) => {
      const where = `page ${page.page}, logo ${i + 1} [${logo.bbox.map((n) => Math.round(n)).join(', ')}]`;
      for (const finding of logo.findings) all.push({ finding, where });
    });
  }
  return all;
}

function detail({ finding, where }: Placed): string {
  return [`${finding.rule} (${finding.article}) — ${where}`, finding.message, finding.fix].filter(Boolean).join('\n');
}

function testCase(file: FileResult): string {
  const name = xmlText(file.path);
  const open = `    <testcase classname="logo-check" name="${name}" file="${name}">`;
  if (fileStatus(file) === 'error') {
    const message = xmlText(file.error?.message ?? 'file could not be analysed');
    return `${open}\n      <error message="${message}" type="${xmlText(file.error?.code ?? 'error')}">${message}</error>\n    </testcase>`;
  }
  const findings = placed(file);
  const lines = [open];
  for (const item of findings.filter((p) => effectiveSeverity(p.finding) === 'error')) {
    lines.push(`      <failure message="${xmlText(item.finding.message)}" type="${xmlText(item.finding.rule)}">${xmlText(detail(item))}</failure>`);
  }
  const others = findings.filter((p) => effectiveSeverity(p.finding) !== 'error');
  if (others.length) {
    lines.push(`      <system-out>${xmlText(others.map((p) => `[${effectiveSeverity(p.finding)}] ${detail(p)}`).join('\n\n'))}</system-out>`);
  }
  if (lines.length === 1) return `${open.slice(0, -1)} />`;
  lines.push('    </testcase>');
  return lines.join('\n');
}

export const junit: Formatter = (report: Report) => {
  const failures = report.files.reduce((n, f) => n + (fileStatus(f) === 'error' ? 0 : placed(f).filter((p) => effectiveSeverity(p.finding) === 'error').length), 0);
  const errors = report.files.filter((f) => fileStatus(f) === 'error').length;
  const counts = `tests="${report.files.length}" failures="${failures}" errors="${errors}"`;
  const suite = xmlText(`${report.tool.name} — ${report.charter.name}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlText(report.tool.name)}" ${counts}>`,
    `  <testsuite name="${suite}" ${counts} skipped="0">`,
    ...report.files.map(testCase),
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
};
