// The default command: files and folders in, one report out, exit code from the worst result.
// Files are checked a few at a time in worker threads; each finished file is written at once in
// JSON Lines when asked, and the final report atomically, marked incomplete on an interruption.
import { access, open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cacheable, cacheKey, openCache, type ResultCache } from '../batch/cache.ts';
import { jsonlLine, type JsonlRecord } from '../batch/jsonl.ts';
import { causeOf, internalMessage } from '../batch/limits.ts';
import { runInOrder } from '../batch/order.ts';
import { charterHash, digestFile } from '../batch/receipt.ts';
import { inShard, parseShard, shardLabel, type Shard } from '../batch/shard.ts';
import { applyBaseline, BASELINE_FILE, baselineOf, BaselineError, entryPath, readBaseline, writeBaseline, type Baseline, type BaselineEntry } from '../baseline/baseline.ts';
import { applyRuleLevels, type RuleLevel } from '../config/config.ts';
import { FORMAT_NAMES, type FormatName } from '../report/format.ts';
import { fileStatus, summarise } from '../report/summary.ts';
import type { Charter, CheckOptions, FileResult, Lang, Receipt, ReceiptOptions, Report, Summary } from '../types.ts';
import { charterFromOption } from './charter-option.ts';
import type { Checker, InputProblem, Output, ResolvedDeps } from './deps.ts';
import { expandGlobs, ignoredBy, type IgnoreSet } from './inputs.ts';
import { EXIT, invalidOption, UsageError } from './usage.ts';

export { charterFromOption, EXIT };

/** The report formats, and jsonl: one line per file, written as each finishes. */
export type OutputFormat = FormatName | 'jsonl';

export interface CheckCommandOptions {
  format: OutputFormat;
  lang: Lang;
  category?: string;
  medium?: string;
  asOf?: string;
  partnerLogo?: string;
  charter?: string;
  dpi: number;
  output?: string;
  quiet?: boolean;
  /** Default: the machine's cores. */
  jobs?: number;
  /** Seconds per file. */
  timeout: number;
  /** MiB of JavaScript heap per worker. */
  maxMemory: number;
  password?: string;
  cache?: string;
  shard?: string;
  /** Judge every document's offer documentation, OCR where there is no text layer. */
  documentation?: boolean;
  /** `format=file` pairs of --report: more reports of the same run. */
  report?: string[];
  maxWarnings?: number;
  /** A baseline named with --baseline, false for --no-baseline; otherwise looked for upward. */
  baseline?: string | boolean;
  baseDir?: string;
  /** From the settings file (see settings.ts): how much each rule's findings count. */
  ruleLevels?: Record<string, RuleLevel>;
  /** From the settings file and --ignore-pattern. */
  ignore?: IgnoreSet[];
}

export interface BaselineCommandOptions extends Omit<CheckCommandOptions, 'format' | 'output' | 'report' | 'maxWarnings' | 'baseDir' | 'shard' | 'baseline'> {
  reason: string;
  baseline?: string;
}

/** The exit code of a finished run (see EXIT): a file that could not be analysed outranks findings. */
export function exitCodeOf(summary: Summary, maxWarnings?: number): number {
  if (!summary.complete) return EXIT.interrupted;
  if (summary.errors > 0) return EXIT.unanalysed;
  if (summary.failed > 0) return EXIT.findings;
  if (maxWarnings !== undefined && summary.findings.warning > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

interface ReportTarget {
  format: FormatName;
  file: string;
}

function reportTargets(specs: string[] = []): ReportTarget[] {
  return specs.map((spec) => {
    const match = /^([a-z]+)=(.+)$/.exec(spec);
    if (!match || !(FORMAT_NAMES as readonly string[]).includes(match[1])) {
      throw invalidOption('--report <format=file>', spec, `Expected a format and a file joined by =, e.g. sarif=logo-check.sarif; formats: ${FORMAT_NAMES.join(', ')}.`);
    }
    return { format: match[1] as FormatName, file: match[2] };
  });
}

/** logo-check-baseline.json in the current folder or the nearest one above, as settings files are found. */
async function nearestBaseline(cwd: string): Promise<string | undefined> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, BASELINE_FILE);
    if (await access(candidate).then(() => true, () => false)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The baseline a run compares against: named, found upward from the current folder, or none. */
async function baselineFor(flag: CheckCommandOptions['baseline'], cwd: string): Promise<{ file: string; baseline: Baseline } | undefined> {
  if (flag === false) return undefined;
  const file = typeof flag === 'string' ? resolve(cwd, flag) : await nearestBaseline(cwd);
  if (file === undefined) return undefined;
  try {
    return { file, baseline: await readBaseline(file) };
  } catch (err) {
    if (err instanceof BaselineError) throw new UsageError(err.message);
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
    limits: { timeoutMs: opts.timeout * 1000, memoryMb: opts.maxMemory },
    ...(opts.category !== undefined && { category: opts.category }),
    ...(opts.medium !== undefined && { medium: opts.medium }),
    ...(opts.asOf !== undefined && { asOf: new Date(`${opts.asOf}T00:00:00Z`) }),
    ...(partnerLogo !== undefined && { partnerLogo }),
    ...(opts.password !== undefined && { password: opts.password }),
    ...(opts.documentation && { documentation: true }),
  };
}

function shardFrom(opts: CheckCommandOptions): Shard | undefined {
  if (opts.shard === undefined) return undefined;
  const shard = parseShard(opts.shard);
  if (!shard) throw invalidOption('--shard <i/n>', opts.shard, 'Expected the share of this machine written i/n, from 1/n to n/n, e.g. 2/4.');
  return shard;
}

function unreadable(path: string, code: string, message: string): FileResult {
  return { path, status: 'error', error: { code, message }, pages: [], findings: [] };
}

function problemResult({ path, error }: InputProblem, lang: Lang): FileResult {
  return unreadable(path, error.code, error.messages?.[lang] ?? error.message);
}

function useColour(deps: ResolvedDeps, toFile: boolean): boolean {
  if (toFile) return false;
  const { NO_COLOR, FORCE_COLOR } = deps.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== '0' && FORCE_COLOR !== 'false') return true;
  return deps.stdout.isTTY === true;
}

/** Where JSON Lines go as files finish: --output, truncated at the start, or the standard output. */
async function lineSink(output: string | undefined, stdout: Output): Promise<{ write(record: JsonlRecord): Promise<void>; close(): Promise<void> }> {
  if (output === undefined) {
    return { write: async (record) => void stdout.write(jsonlLine(record)), close: async () => undefined };
  }
  const handle = await open(output, 'w');
  // One write per line, awaited in turn: a kill leaves whole lines and at most a cut last one.
  let queue = Promise.resolve();
  return {
    write: (record) => (queue = queue.then(() => handle.write(jsonlLine(record)).then(() => undefined))),
    close: async () => {
      await queue;
      await handle.close();
    },
  };
}

/** What, of the options, changes a verdict: recorded in each receipt and part of the cache key. */
async function receiptOptions(options: CheckOptions, opts: CheckCommandOptions): Promise<ReceiptOptions> {
  const logo = options.partnerLogo ? await digestFile(options.partnerLogo) : undefined;
  return {
    lang: options.lang,
    dpi: opts.dpi,
    ...(opts.category !== undefined && { category: opts.category }),
    ...(opts.medium !== undefined && { medium: opts.medium }),
    ...(opts.asOf !== undefined && { asOf: opts.asOf }),
    ...(logo && { partnerLogo: logo.sha256 }),
    ...(opts.documentation && { documentation: true }),
  };
}

/** A finished batch: the report (what each file gets once the project's settings are applied). */
interface Batch {
  report: Report;
  charter: Charter;
  /** Files found to check (after the shard), for messages. */
  found: number;
}

/** What a batch does to each result before it is reported: rule levels, then the baseline. */
type Adjust = (result: FileResult) => FileResult;

/** Files and folders in, results out, a few at a time; an exit code instead when the batch could not run. */
async function runBatch(
  paths: string[],
  opts: CheckCommandOptions,
  deps: ResolvedDeps,
  tool: Report['tool'],
  adjust: Adjust,
): Promise<Batch | number> {
  const options = await checkOptionsFrom(opts);
  const shard = shardFrom(opts);
  const globbed = await expandGlobs(paths, deps.cwd);
  const expanded = await deps.expandInputs(globbed.paths);
  const ignored = ignoredBy(opts.ignore ?? [], deps.cwd);
  const allFiles = expanded.files.filter((f) => !ignored(f));
  const allProblems = [...globbed.problems, ...expanded.problems];
  const files = shard ? allFiles.filter((f) => inShard(f, shard)) : allFiles;
  const problems = shard ? allProblems.filter((p) => inShard(p.path, shard)) : allProblems;
  const charter = { id: options.charter.id, name: options.charter.name, sha256: charterHash(options.charter) };
  const reportOptions: Report['options'] = {
    ...(opts.category !== undefined && { category: opts.category }),
    ...(opts.medium !== undefined && { medium: opts.medium }),
    ...(opts.asOf !== undefined && { asOf: opts.asOf }),
    lang: opts.lang,
    ...(shard && { shard: shardLabel(shard) }),
  };
  const receiptBase = { charter: { id: charter.id, sha256: charter.sha256 }, tool, options: await receiptOptions(options, opts) };
  const cache: ResultCache | undefined = opts.cache !== undefined ? openCache(resolve(opts.cache)) : undefined;

  let lines: Awaited<ReturnType<typeof lineSink>> | undefined;
  if (opts.format === 'jsonl') {
    try {
      lines = await lineSink(opts.output, deps.stdout);
    } catch (err) {
      deps.stderr.write(`logo-check: cannot write the report to ${opts.output}: ${(err as Error).message}\n`);
      return EXIT.usage;
    }
    await lines.write({ type: 'run', tool, charter, options: reportOptions });
    // Inputs that are not files to check (a missing path, an unreadable folder) are known now.
    for (const problem of problems) await lines.write({ type: 'file', ...problemResult(problem, opts.lang) });
  }

  const showProgress = deps.stderr.isTTY === true && files.length > 1 && !opts.quiet;
  // The bar, the report formatters and the atomic writer are loaded only when used, the last two
  // once the files are checked: whatever the main thread loads before the workers start delays
  // the first verdict.
  const cliProgress = showProgress ? (await import('cli-progress')).default : undefined;
  const bar = cliProgress
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

  // Started on the first file the cache does not hold: a resumed run with everything cached
  // pays nothing for OpenCV and OCR.
  let checker: Promise<Checker> | undefined;
  // No more workers than files: each starts OpenCV and OCR, and an idle one would only slow the
  // others' start on a small machine.
  const jobs = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), files.length));
  const startChecker = () => (checker ??= deps.createChecker(options, { jobs }));
  const interruption = deps.interruption();
  const stop = new AbortController();
  interruption.signal.addEventListener('abort', () => stop.abort(), { once: true });

  let cacheFailed = false;
  // Files reach the checker in the order given, whatever hashing each one took: the same run
  // hands its workers the same files in the same order.
  let dispatched = Promise.resolve();
  async function checkOne(path: string): Promise<FileResult> {
    const previous = dispatched;
    let release = () => {};
    dispatched = new Promise<void>((resolve) => (release = resolve));
    try {
      return await hashAndCheck(path, async (checker) => {
        await previous;
        const pending = checker.checkFile(path);
        release();
        return pending;
      });
    } finally {
      release();
    }
  }

  async function hashAndCheck(path: string, inTurn: (checker: Checker) => Promise<FileResult>): Promise<FileResult> {
    const digest = await digestFile(path);
    const checkedAt = new Date();
    const receipt: Receipt = { ...(digest ?? {}), checkedAt: checkedAt.toISOString(), ...receiptBase, ms: 0 };
    const key = cache ? cacheKey(receipt) : undefined;
    const hit = key ? await cache!.get(key) : undefined;
    if (hit?.receipt) return adjust({ ...hit, path, receipt: { ...hit.receipt, cached: true } });
    // A checker that cannot start fails the whole batch, below; a file that fails fails alone.
    const ready = await startChecker();
    let result: FileResult;
    try {
      result = await inTurn(ready);
    } catch (err) {
      if (stop.signal.aborted) throw err;
      // The checker promises not to throw for a bad file; if it does anyway, the batch goes on.
      result = unreadable(path, 'internal', internalMessage(causeOf(err), opts.lang));
    }
    result = { ...result, receipt: { ...receipt, ms: Date.now() - checkedAt.getTime() } };
    // The cache keeps what the checker found; settings and the baseline are applied on the way out.
    if (key && cacheable(result)) {
      await cache!.put(key, result).catch((err: Error) => {
        // The result is good; only the next run loses it. Said once, not once per file.
        if (!cacheFailed) deps.stderr.write(`logo-check: cannot write to the cache ${opts.cache}: ${err.message}; results are not kept for the next run\n`);
        cacheFailed = true;
      });
    }
    return adjust(result);
  }

  let outcome: Awaited<ReturnType<typeof runInOrder<string, FileResult>>>;
  bar?.start(files.length, 0, { file: '' });
  try {
    outcome = await runInOrder(files, jobs, checkOne, {
      signal: stop.signal,
      onResult: async (result) => {
        bar?.increment({ file: result.path });
        await lines?.write({ type: 'file', ...result, status: fileStatus(result) });
      },
    });
  } catch (err) {
    // Only the checker's start-up and the JSON Lines output can fail the batch as a whole.
    bar?.stop();
    await (await checker?.catch(() => undefined))?.close();
    interruption.dispose();
    await lines?.close().catch(() => undefined);
    const message = (err as Error).message ?? String(err);
    const didNotStart = checker !== undefined && (await checker.then(() => false, () => true));
    deps.stderr.write(didNotStart ? `logo-check: the checker could not start: ${message}\n` : `logo-check: ${message}\n`);
    return EXIT.usage;
  } finally {
    bar?.stop();
  }
  // Closing also stops the files still in progress when the run was interrupted.
  await (await checker?.catch(() => undefined))?.close();
  interruption.dispose();

  const results = outcome.results.filter((r): r is FileResult => r !== undefined);
  for (const problem of problems) results.push(problemResult(problem, opts.lang));
  const checked = results.map((r) => ({
    ...r,
    status: fileStatus(r),
    // An Error instance would serialise without its message: keep the two documented fields.
    ...(r.error && { error: { code: r.error.code, message: r.error.message } }),
  }));
  const report: Report = {
    tool,
    charter,
    options: reportOptions,
    files: checked,
    summary: summarise(checked, files.length - outcome.results.filter(Boolean).length),
  };

  if (lines) {
    await lines.write({ type: 'end', summary: report.summary, unchecked: files.filter((_, i) => outcome.results[i] === undefined) });
    await lines.close();
    if (opts.output !== undefined && !opts.quiet) deps.stderr.write(`logo-check: results written to ${opts.output}\n`);
  }
  if (results.length === 0 && report.summary.complete) {
    // A mistyped folder must not look like a clean batch in CI.
    deps.stderr.write(`logo-check: no image or PDF file found in ${paths.join(', ')}\n`);
    return EXIT.usage;
  }
  return { report, charter: options.charter, found: files.length };
}

function interruptedLine(report: Report, found: number): string {
  return `logo-check: interrupted: ${report.summary.unchecked} of ${found} files not checked; the report holds the ${report.summary.files} that were\n`;
}

export async function runCheck(paths: string[], opts: CheckCommandOptions, deps: ResolvedDeps, tool: Report['tool']): Promise<number> {
  const targets = reportTargets(opts.report);
  const baseline = await baselineFor(opts.baseline, deps.cwd);
  const levels = opts.ruleLevels ?? {};
  const pathOf = (path: string) => entryPath(baseline!.file, path, deps.cwd);
  let suppressed = 0;
  const stale: BaselineEntry[] = [];
  const adjust: Adjust = (result) => {
    const judged = applyRuleLevels(result, levels);
    if (!baseline) return judged;
    const applied = applyBaseline(baseline.baseline, [judged], pathOf);
    suppressed += applied.suppressed;
    stale.push(...applied.stale);
    return applied.results[0];
  };

  const batch = await runBatch(paths, opts, deps, tool, adjust);
  if (typeof batch === 'number') return batch;
  const { report, charter } = batch;

  if (opts.format !== 'jsonl') {
    const written = await writeReport(report, { format: opts.format, file: opts.output }, opts, deps, charter);
    if (written !== EXIT.ok) return written;
  }
  for (const target of targets) {
    const written = await writeReport(report, target, { ...opts, quiet: false }, deps, charter);
    if (written !== EXIT.ok) return written;
  }

  if (baseline) {
    if (suppressed > 0) deps.stderr.write(`logo-check: ${suppressed} known finding${suppressed > 1 ? 's' : ''} accepted in ${baseline.file} not shown (--no-baseline shows them)\n`);
    if (stale.length > 0) {
      deps.stderr.write(`logo-check: ${stale.length} baseline entr${stale.length > 1 ? 'ies' : 'y'} no longer found; write the baseline again to prune:\n`);
      for (const entry of stale) deps.stderr.write(`  ${entry.file}${entry.page ? ` page ${entry.page}` : ''}: ${entry.rule}${entry.element ? ` (${entry.element})` : ''}\n`);
    }
  }
  if (!report.summary.complete) deps.stderr.write(interruptedLine(report, batch.found));
  const code = exitCodeOf(report.summary, opts.maxWarnings);
  if (code === EXIT.findings && report.summary.failed === 0) {
    deps.stderr.write(`logo-check: ${report.summary.findings.warning} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
  }
  return code;
}

/** `logo-check baseline`: today's findings, with why they are accepted, for later runs to leave out. */
export async function runBaseline(paths: string[], opts: BaselineCommandOptions, deps: ResolvedDeps, tool: Report['tool']): Promise<number> {
  // The baseline later runs will find: the named one, the nearest one, or a new one here.
  const file = opts.baseline !== undefined ? resolve(deps.cwd, opts.baseline) : ((await nearestBaseline(deps.cwd)) ?? join(deps.cwd, BASELINE_FILE));
  const levels = opts.ruleLevels ?? {};
  const batch = await runBatch(paths, { ...opts, format: 'json' }, deps, tool, (result) => applyRuleLevels(result, levels));
  if (typeof batch === 'number') return batch;
  const { report } = batch;
  if (!report.summary.complete) {
    // Half a baseline would make the findings of the files not reached look new on the next run.
    deps.stderr.write(interruptedLine(report, batch.found).replace(/the report holds.*$/, 'no baseline written'));
    return EXIT.interrupted;
  }
  const baseline = baselineOf(report.files, opts.reason, (path) => entryPath(file, path, deps.cwd));
  try {
    await writeBaseline(file, baseline);
  } catch (err) {
    deps.stderr.write(`logo-check: cannot write the baseline to ${file}: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  const files = new Set(baseline.entries.map((e) => e.file)).size;
  deps.stderr.write(`logo-check: ${baseline.entries.length} finding${baseline.entries.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} accepted in ${file}\n`);
  for (const unread of report.files.filter((f) => f.status === 'error')) {
    deps.stderr.write(`logo-check: ${unread.path} could not be analysed (${unread.error?.message}); its findings, if any, are not in the baseline\n`);
  }
  return report.summary.errors > 0 ? EXIT.unanalysed : EXIT.ok;
}

/** One report, to a file atomically (never half a file, never an older one left as if new), or to stdout. */
async function writeReport(report: Report, target: { format: FormatName; file?: string }, opts: CheckCommandOptions, deps: ResolvedDeps, charter: Charter): Promise<number> {
  const { format, file } = target;
  // --quiet keeps machine formats whole, but spares a reader of the text report the files that pass.
  const shown = opts.quiet && format === 'text' ? { ...report, files: report.files.filter((f) => f.status !== 'pass') } : report;
  const ctx = {
    color: useColour(deps, file !== undefined),
    lang: opts.lang,
    charter,
    baseDir: resolve(deps.cwd, opts.baseDir ?? '.'),
    // The HTML report's pictures are drawn from the files: loaded only when one is asked for.
    ...(format === 'html' && { visuals: await import('../report/html-visuals.ts').then(({ renderVisuals }) => renderVisuals(report, { charter, dpi: opts.dpi })) }),
  };
  const { formatters } = await import('../report/index.ts');
  const text = formatters[format](shown, ctx);
  const out = text.endsWith('\n') ? text : text + '\n';
  if (file === undefined) {
    deps.stdout.write(out);
    return EXIT.ok;
  }
  try {
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(file, out);
  } catch (err) {
    deps.stderr.write(`logo-check: cannot write the report to ${file}: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  if (!opts.quiet) deps.stderr.write(`logo-check: report written to ${file}\n`);
  return EXIT.ok;
}
