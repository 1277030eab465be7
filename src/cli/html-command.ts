// `--format html` of the check and merge commands: the JSON report the command produces, then the
// pictures drawn from the files, then the HTML formatter. The HTML report is rendered from the JSON
// result alone (plus pictures), so checking and merging — batches, exit codes, unreadable files —
// stay in one place each.
import { writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { DEFAULT_CHARTER, loadCharter } from '../charter/load.ts';
import { html } from '../report/html.ts';
import type { Charter, Lang, Report } from '../types.ts';
import { charterFromOption, runCheck, type CheckCommandOptions } from './check-command.ts';
import type { Output, ResolvedDeps } from './deps.ts';
import { runMerge, type MergeCommandOptions } from './merge-command.ts';

interface HtmlOutput {
  output?: string;
  quiet?: boolean;
  /** Resolution the files were checked at: boxes are in those pixels. */
  dpi?: number;
}

async function htmlFrom(
  runJson: (stdout: Output) => Promise<number>,
  charterOf: (report: Report) => Promise<Charter | undefined>,
  langOf: (report: Report) => Lang,
  opts: HtmlOutput,
  deps: ResolvedDeps,
): Promise<number> {
  const chunks: string[] = [];
  const code = await runJson({ write: (chunk: string) => chunks.push(chunk) });
  // No report means the run stopped before one was made (a usage error, already explained).
  if (!chunks.join('').trim()) return code;
  const report = JSON.parse(chunks.join('')) as Report;
  const charter = await charterOf(report);
  // Loaded on demand: decoding pulls in pdf.js and sharp, which other commands do not need.
  const { renderVisuals } = await import('../report/html-visuals.ts');
  const bar =
    deps.stderr.isTTY === true && !opts.quiet && report.files.length > 1
      ? new cliProgress.SingleBar({ stream: deps.stderr as NodeJS.WritableStream, format: 'pictures {bar} {value}/{total}', clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
      : undefined;
  bar?.start(report.files.length, 0);
  let visuals;
  try {
    visuals = charter ? await renderVisuals(report, { charter, dpi: opts.dpi, onFile: (done) => bar?.update(done) }) : undefined;
  } finally {
    bar?.stop();
  }
  const out = html(report, { color: false, lang: langOf(report), charter, visuals }) + '\n';
  if (opts.output === undefined) {
    deps.stdout.write(out);
    return code;
  }
  try {
    await writeFile(opts.output, out);
  } catch (err) {
    deps.stderr.write(`logo-check: cannot write the report to ${opts.output}: ${(err as Error).message}\n`);
    return 2;
  }
  if (!opts.quiet) deps.stderr.write(`logo-check: report written to ${opts.output}\n`);
  return code;
}

export function runHtmlReport(paths: string[], opts: CheckCommandOptions, deps: ResolvedDeps, tool: Report['tool']): Promise<number> {
  return htmlFrom(
    (stdout) => runCheck(paths, { ...opts, format: 'json', output: undefined }, { ...deps, stdout }, tool),
    () => charterFromOption(opts.charter),
    () => opts.lang,
    opts,
    deps,
  );
}

/** Merged results name the charter only by id: pictures need it to be the bundled one. */
async function bundledCharter(id: string): Promise<Charter | undefined> {
  const charter = await loadCharter(DEFAULT_CHARTER).catch(() => undefined);
  return charter?.id === id ? charter : undefined;
}

export function runHtmlMerge(inputs: string[], opts: MergeCommandOptions, deps: ResolvedDeps): Promise<number> {
  return htmlFrom(
    (stdout) => runMerge(inputs, { ...opts, format: 'json', output: undefined }, { ...deps, stdout }),
    (report) => bundledCharter(report.charter.id),
    (report) => report.options.lang,
    opts,
    deps,
  );
}
