// Status and totals are derived from the findings, never trusted from elsewhere, so that every
// formatter and the exit code agree on what "fail" means.
import type { FileResult, FileStatus, Finding, Severity, Summary } from '../types.ts';

/**
 * A waived finding is an adaptation Article X allows for the declared medium: it is reported so
 * the partner knows, but it must not fail the file, whatever severity the rule gave it.
 */
export function effectiveSeverity(finding: Finding): Severity {
  return finding.waivedBy ? 'info' : finding.severity;
}

/** Document-level findings first, then each logo's, in page order. */
export function allFindings(result: FileResult): Finding[] {
  return [...result.findings, ...result.pages.flatMap((page) => page.logos.flatMap((logo) => logo.findings))];
}

export function fileStatus(result: FileResult): FileStatus {
  // A checker that already gave up on the file keeps it an error even without an error object.
  if (result.error || result.status === 'error') return 'error';
  return allFindings(result).some((f) => effectiveSeverity(f) === 'error') ? 'fail' : 'pass';
}

/** `unchecked`: files of the run left unchecked when it was interrupted. */
export function summarise(files: FileResult[], unchecked = 0): Summary {
  const summary: Summary = {
    complete: unchecked === 0,
    unchecked,
    files: files.length,
    passed: 0,
    failed: 0,
    errors: 0,
    logos: 0,
    findings: { error: 0, warning: 0, info: 0 },
  };
  for (const file of files) {
    const status = fileStatus(file);
    if (status === 'pass') summary.passed++;
    else if (status === 'fail') summary.failed++;
    else summary.errors++;
    for (const page of file.pages) summary.logos += page.logos.length;
    for (const finding of allFindings(file)) summary.findings[effectiveSeverity(finding)]++;
  }
  return summary;
}
