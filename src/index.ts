// logo-check's public API, the one the package exports: a checker, the charter loader, the report
// formatters and the domain types. Everything else is internal and may change between versions.
// Importing this module is cheap: OpenCV, OCR, pdf.js and sharp load on the first checker.
import { loadCharter } from './charter/load.ts';
import type { Checker } from './check.ts';
import { summarise } from './report/summary.ts';
import type { CheckOptions, FileResult, Report } from './types.ts';
import pkg from '../package.json' with { type: 'json' };

export { CharterError, DEFAULT_CHARTER, loadCharter, parseCharter } from './charter/load.ts';
export { FORMAT_NAMES, fileStatus, formatters, summarise } from './report/index.ts';
export type { FormatContext, FormatName, Formatter } from './report/index.ts';
export type { Checker } from './check.ts';
export type * from './types.ts';

/** Starts a checker (OpenCV, the reference model, OCR) for many files; close it when done. */
export async function createChecker(options: CheckOptions): Promise<Checker> {
  const check = await import('./check.ts');
  return check.createChecker(options);
}

export interface CheckFilesOptions extends Partial<Omit<CheckOptions, 'charter'>> {
  /** A charter file, or one already loaded; default: the bundled charter. */
  charter?: string | CheckOptions['charter'];
}

/**
 * Checks files and folders one after the other in this thread and returns the report every
 * formatter takes. Unreadable files are in the report with status 'error'; this never throws
 * for a bad file, only for a bad charter or options.
 */
export async function check(paths: string[], options: CheckFilesOptions = {}): Promise<Report> {
  const charter = typeof options.charter === 'object' ? options.charter : await loadCharter(options.charter);
  const lang = options.lang ?? 'fr';
  const { expandInputs } = await import('./ingest/index.ts');
  const { files, problems } = await expandInputs(paths);
  const checker = await createChecker({ ...options, charter, lang });
  const results: FileResult[] = [];
  try {
    for (const file of files) results.push(await checker.checkFile(file));
  } finally {
    await checker.close();
  }
  for (const { path, error } of problems) {
    results.push({ path, status: 'error', error: { code: error.code, message: error.messages?.[lang] ?? error.message }, pages: [], findings: [] });
  }
  return {
    tool: { name: pkg.name, version: pkg.version },
    charter: { id: charter.id, name: charter.name },
    options: {
      lang,
      ...(options.category !== undefined && { category: options.category }),
      ...(options.medium !== undefined && { medium: options.medium }),
      ...(options.asOf !== undefined && { asOf: options.asOf.toISOString().slice(0, 10) }),
    },
    files: results,
    summary: summarise(results),
  };
}
