// `logo-check merge`: the JSON Lines of several shards (or of an interrupted run and its
// resumption) made into one report, as if one machine had checked every file.
import { summarise } from '../report/summary.ts';
import type { FileResult, Report } from '../types.ts';
import type { JsonlRun } from './jsonl.ts';

export function mergeRuns(runs: Array<JsonlRun & { name: string }>): Report {
  if (runs.length === 0) throw new Error('nothing to merge');
  const [first] = runs;
  for (const other of runs.slice(1)) {
    const a = first.run.charter;
    const b = other.run.charter;
    if (a.id !== b.id || a.sha256 !== b.sha256) {
      throw new Error(`${other.name} was checked against charter ${b.id} (${b.sha256 ?? 'no hash'}), ${first.name} against ${a.id} (${a.sha256 ?? 'no hash'}); merge runs of one charter`);
    }
    if (JSON.stringify(withoutShard(first.run.options)) !== JSON.stringify(withoutShard(other.run.options))) {
      throw new Error(`${other.name} was checked with options ${JSON.stringify(withoutShard(other.run.options))}, ${first.name} with ${JSON.stringify(withoutShard(first.run.options))}; merge runs of the same options`);
    }
  }
  // A file in two inputs (a run and its resumption) counts once: the later input wins.
  const byPath = new Map<string, FileResult>();
  for (const run of runs) for (const file of run.files) byPath.set(file.path, file);
  const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    tool: first.run.tool,
    charter: first.run.charter,
    options: withoutShard(first.run.options),
    files,
    summary: summarise(files, uncheckedCount(runs, byPath)),
  };
}

/**
 * Files the runs together left unchecked. A file an interrupted run names as unchecked counts
 * as checked when another input has it (the run that resumed it). A run killed before its end
 * line missed files nobody can name: it counts one, so that the merged report does not look
 * complete; so does a count written without the names.
 */
function uncheckedCount(runs: JsonlRun[], checked: ReadonlyMap<string, FileResult>): number {
  const named = new Set<string>();
  let unnamed = 0;
  for (const { end } of runs) {
    if (!end) unnamed += 1;
    else if (!end.unchecked) unnamed += end.summary.unchecked;
    else for (const path of end.unchecked) if (!checked.has(path)) named.add(path);
  }
  return named.size + unnamed;
}

function withoutShard(options: Report['options']): Report['options'] {
  const { shard: _shard, ...rest } = options;
  return rest;
}
