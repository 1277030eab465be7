// --format jsonl: one JSON object per line, written as each file finishes, so whatever stops the
// run keeps every line before it. A `run` line opens the stream, a `file` line per file follows
// (in the order files finish), and an `end` line with the summary closes a run that got to write it.
import type { FileResult, Report, Summary } from '../types.ts';

export type RunRecord = { type: 'run' } & Pick<Report, 'tool' | 'charter' | 'options'>;
export type FileRecord = { type: 'file' } & FileResult;
export interface EndRecord {
  type: 'end';
  summary: Summary;
  /**
   * The files the run found and did not check (it was interrupted), as given: a merge with the
   * run that resumed it is complete when that run has them all. Absent from lines written by
   * versions that recorded only their number (summary.unchecked).
   */
  unchecked?: string[];
}
export type JsonlRecord = RunRecord | FileRecord | EndRecord;

export const jsonlLine = (record: JsonlRecord): string => `${JSON.stringify(record)}\n`;

export interface JsonlRun {
  run: RunRecord;
  files: FileResult[];
  /** Absent when the run was killed before it could write it. */
  end?: EndRecord;
}

/** Reads one run's lines; `name` is for messages. A last line cut short by a kill is skipped. */
export function parseJsonl(text: string, name: string): JsonlRun {
  const lines = text.split('\n');
  const records: JsonlRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as JsonlRecord);
    } catch (err) {
      // Only the last line can be half written; anywhere else the file is not one of ours.
      if (lines.slice(i + 1).some((rest) => rest.trim() !== '')) {
        throw new Error(`${name}, line ${i + 1}: not JSON (${(err as Error).message}); pass files written by logo-check --format jsonl`);
      }
    }
  });
  const run = records.find((r): r is RunRecord => r.type === 'run');
  if (!run) throw new Error(`${name}: no "run" line; pass files written by logo-check --format jsonl`);
  const files = records.filter((r): r is FileRecord => r.type === 'file').map(({ type: _type, ...file }) => file);
  const end = records.find((r): r is EndRecord => r.type === 'end');
  return { run, files, ...(end && { end }) };
}
