// The default command: files and folders in, one report out, exit code from the worst result.
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { CharterError, loadCharter } from '../charter/load.ts';
import { formatters, type FormatName } from '../report/index.ts';
import { fileStatus, summarise } from '../report/summary.ts';
import type { Charter, CheckOptions, FileResult, Lang, Report } from '../types.ts';
import type { Checker, ResolvedDeps } from './deps.ts';
import { invalidOption, UsageError } from './usage.ts';

export interface CheckCommandOptions {
  format: FormatName;
  lang: Lang;
  category?: string;
  medium?: string;
  asOf?: string;
  partnerLogo?: string;
  charter?: string;
  dpi: number;
  output?: string;
  quiet?: boolean;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export async function charterFromOption(file: string | undefined, command?: string): Promise<Charter> {
  try {
    return await loadCharter(file);
  } catch (err) {
    if (err instanceof CharterError) {
      throw new UsageError(`option '--charter <file>': ${err.message}`, command);
    }
    throw err;
  }
}

/** Checks what the user declared against the charter: the valid values depend on it. */
async function checkOptionsFrom(opts: CheckCommandOptions): Promise<CheckOptions> {
  const charter = await charterFromOption(opts.charter);
  if (opts.category !== undefined && !charter.badges.some((b) => b.id === opts.category)) {
    throw invalidOption('--category <variant>', opts.category, `Expected one of the charter's badge ids: ${charter.badges.map((b) => b.id).join(', ')}.`);
  }
  if (opts.medium !== undefined && !charter.media.some((m) => m.id === opts.medium)) {
    throw invalidOption('--medium <id>', opts.medium, `Expected one of the charter's media ids: ${charter.media.map((m) => m.id).join(', ') || '(none defined)'}.`);
  }
  let partnerLogo: string | undefined;
  if (opts.partnerLogo !== undefined) {
    partnerLogo = resolve(opts.partnerLogo);
    const isFile = await stat(partnerLogo).then((s) => s.isFile(), () => false);
    if (!isFile) throw invalidOption('--partner-logo <file>', opts.partnerLogo, 'Expected an existing image file of your own logo.');
  }
  return {
    charter,
    lang: opts.lang,
    dpi: opts.dpi,
    ...(opts.category !== undefined && { category: opts.category }),
    ...(opts.medium !== undefined && { medium: opts.medium }),
    ...(opts.asOf !== undefined && { asOf: new Date(`${opts.asOf}T00:00:00Z`) }),
    ...(partnerLogo !== undefined && { partnerLogo }),
  };
}

function unreadable(path: string, code: string, message: string): FileResult {
  return { path, status: 'error', error: { code, message }, pages: [], findings: [] };
}

function useColour(deps: ResolvedDeps, toFile: boolean): boolean {
  if (toFile) return false;
  const { NO_COLOR, FORCE_COLOR } = deps.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== '0' && FORCE_COLOR !== 'false') return true;
  return deps.stdout.isTTY === true;
}

export async function runCheck(paths: string[], opts: CheckCommandOptions, deps: ResolvedDeps, tool: Report['tool']): Promise<number> {
  const options = await checkOptionsFrom(opts);
  const { files, problems } = await deps.expandInputs(paths);

  const showProgress = deps.stderr.isTTY === true && files.length > 1 && !opts.quiet;
  const bar = showProgress
    ? new cliProgress.SingleBar(
        {
          stream: deps.stderr as NodeJS.WritableStream,
          format: '{bar} {value}/{total} {file}',
          clearOnComplete: true,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;

  const results: FileResult[] = [];
  let checker: Checker;
  try {
    checker = await deps.createChecker(options);
  } catch (err) {
    deps.stderr.write(`logo-check: the checker could not start: ${(err as Error).message ?? String(err)}\n`);
    return EXIT.usage;
  }
  bar?.start(files.length, 0, { file: '' });
  try {
    for (const file of files) {
      bar?.update({ file });
      try {
        results.push(await checker.checkFile(file));
      } catch (err) {
        // The checker promises not to throw for a bad file; if it does anyway, the batch goes on.
        results.push(unreadable(file, 'INTERNAL', `logo-check failed on this file: ${(err as Error).message ?? String(err)}`));
      }
      bar?.increment();
    }
  } finally {
    bar?.stop();
    await checker.close();
  }
  for (const problem of problems) results.push(unreadable(problem.path, problem.error.code, problem.error.message));

  const checked = results.map((r) => ({
    ...r,
    status: fileStatus(r),
    // An Error instance would serialise without its message: keep the two documented fields.
    ...(r.error && { error: { code: r.error.code, message: r.error.message } }),
  }));
  const report: Report = {
    tool,
    charter: { id: options.charter.id, name: options.charter.name },
    options: {
      ...(opts.category !== undefined && { category: opts.category }),
      ...(opts.medium !== undefined && { medium: opts.medium }),
      ...(opts.asOf !== undefined && { asOf: opts.asOf }),
      lang: opts.lang,
    },
    files: checked,
    summary: summarise(checked),
  };

  // --quiet keeps machine formats whole, but spares a reader of the text report the files that pass.
  const shown = opts.quiet && opts.format === 'text' ? { ...report, files: report.files.filter((f) => f.status !== 'pass') } : report;
  const out = formatters[opts.format](shown, { color: useColour(deps, opts.output !== undefined), lang: opts.lang, charter: options.charter }) + '\n';
  if (opts.output !== undefined) {
    try {
      await writeFile(opts.output, out);
    } catch (err) {
      deps.stderr.write(`logo-check: cannot write the report to ${opts.output}: ${(err as Error).message}\n`);
      return EXIT.usage;
    }
    if (!opts.quiet) deps.stderr.write(`logo-check: report written to ${opts.output}\n`);
  } else {
    deps.stdout.write(out);
  }

  if (results.length === 0) {
    // A mistyped folder must not look like a clean batch in CI.
    deps.stderr.write(`logo-check: no image or PDF file found in ${paths.join(', ')}\n`);
    return EXIT.usage;
  }
  if (report.summary.errors > 0) return EXIT.usage;
  return report.summary.failed > 0 ? EXIT.findings : EXIT.ok;
}
