// `--format html`: the JSON report the check command produces, then the pictures drawn from the
// files, then the HTML formatter. The HTML report is rendered from the JSON result alone (plus
// pictures), so the check itself — batches, exit codes, unreadable files — stays in one place.
import { writeFile } from 'node:fs/promises';
import { html } from '../report/html.ts';
import type { Report } from '../types.ts';
import { charterFromOption, runCheck, type CheckCommandOptions } from './check-command.ts';
import type { ResolvedDeps } from './deps.ts';

export async function runHtmlReport(paths: string[], opts: CheckCommandOptions, deps: ResolvedDeps, tool: Report['tool']): Promise<number> {
  const chunks: string[] = [];
  const json = { write: (chunk: string) => chunks.push(chunk) };
  const code = await runCheck(paths, { ...opts, format: 'json', output: undefined }, { ...deps, stdout: json }, tool);
  // No report means the run stopped before checking (a usage error, already explained on stderr).
  if (!chunks.join('').trim()) return code;
  const report = JSON.parse(chunks.join('')) as Report;
  const charter = await charterFromOption(opts.charter);
  // Loaded on demand: decoding pulls in pdf.js and sharp, which other commands do not need.
  const { renderVisuals } = await import('../report/html-visuals.ts');
  const visuals = await renderVisuals(report, { charter, dpi: opts.dpi });
  const out = html(report, { color: false, lang: opts.lang, charter, visuals }) + '\n';
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
