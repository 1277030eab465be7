// `logo-check merge`: shard results (--format jsonl) in, one report out, exit code as if one
// run had checked every file.
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { jsonlLine, parseJsonl } from '../batch/jsonl.ts';
import { mergeRuns } from '../batch/merge.ts';
import { loadCharter } from '../charter/load.ts';
import { formatters } from '../report/index.ts';
import type { Charter, Report } from '../types.ts';
import { EXIT, type OutputFormat } from './check-command.ts';
import type { ResolvedDeps } from './deps.ts';
import { UsageError } from './usage.ts';

export interface MergeCommandOptions {
  format: OutputFormat;
  output?: string;
}

export async function runMerge(inputs: string[], opts: MergeCommandOptions, deps: ResolvedDeps): Promise<number> {
  let report: Report;
  try {
    const runs = await Promise.all(
      inputs.map(async (name) => {
        const text = await readFile(name, 'utf8').catch((err: NodeJS.ErrnoException) => {
          throw new Error(`${name} cannot be read (${err.code ?? err.message})`);
        });
        return { name, ...parseJsonl(text, name) };
      }),
    );
    report = mergeRuns(runs);
  } catch (err) {
    throw new UsageError((err as Error).message, 'logo-check merge');
  }

  const out = opts.format === 'jsonl' ? asJsonl(report) : formatters[opts.format](report, { color: false, lang: report.options.lang, charter: await bundledCharter(report.charter.id) }) + '\n';
  if (opts.output === undefined) {
    deps.stdout.write(out);
  } else {
    try {
      await writeFileAtomic(opts.output, out);
    } catch (err) {
      deps.stderr.write(`logo-check: cannot write the report to ${opts.output}: ${(err as Error).message}\n`);
      return EXIT.usage;
    }
  }
  if (!report.summary.complete) {
    deps.stderr.write('logo-check: at least one of the runs merged did not finish (no "end" line, or interrupted); the report is incomplete\n');
    return EXIT.usage;
  }
  if (report.summary.errors > 0) return EXIT.unanalysed;
  return report.summary.failed > 0 ? EXIT.findings : EXIT.ok;
}

function asJsonl(report: Report): string {
  const { tool, charter, options, files, summary } = report;
  return [jsonlLine({ type: 'run', tool, charter, options }), ...files.map((file) => jsonlLine({ type: 'file', ...file })), jsonlLine({ type: 'end', summary })].join('');
}

/** Lets the text report name badges as the charter does, when the runs used the bundled one. */
async function bundledCharter(id: string): Promise<Charter | undefined> {
  const charter = await loadCharter().catch(() => undefined);
  return charter?.id === id ? charter : undefined;
}
