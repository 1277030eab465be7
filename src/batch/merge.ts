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
  // A shard whose end line is missing was killed: how many files it missed is unknown, but
  // the merged report must not look complete.
  const unchecked = runs.reduce((n, run) => n + (run.end ? run.end.summary.unchecked : 1), 0);
  return {
    tool: first.run.tool,
    charter: first.run.charter,
    options: withoutShard(first.run.options),
    files,
    summary: summarise(files, unchecked),
  };
}

function withoutShard(options: Report['options']): Report['options'] {
  const { shard: _shard, ...rest } = options;
  return rest;
}
