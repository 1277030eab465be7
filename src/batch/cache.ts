// --cache DIR: a result per file, keyed by what decides it — the file's bytes, the charter, the
// tool version and the options — so a re-run analyses only files that changed, and a run that
// was interrupted resumes where it stopped.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { FileResult, Receipt } from '../types.ts';
import { sha256 } from './receipt.ts';

export interface ResultCache {
  get(key: string): Promise<FileResult | undefined>;
  put(key: string, result: FileResult): Promise<void>;
}

/** Codes that say something about the run, not the file: the next run must try again. */
const TRANSIENT = new Set(['timeout', 'out-of-memory', 'internal']);

export function cacheable(result: FileResult): boolean {
  return !result.error || !TRANSIENT.has(result.error.code);
}

/** The key of a file's result; undefined for a file that could not be read, which is never cached. */
export function cacheKey(receipt: Receipt): string | undefined {
  if (!receipt.sha256) return undefined;
  return sha256(JSON.stringify([receipt.sha256, receipt.charter.sha256, receipt.tool.version, receipt.options]));
}

export function openCache(dir: string): ResultCache {
  // Two levels, like git's objects, so no folder holds tens of thousands of entries.
  const entry = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  return {
    async get(key) {
      const text = await readFile(entry(key), 'utf8').catch(() => undefined);
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text) as FileResult;
      } catch {
        // A damaged entry is a miss: the file is analysed again and the entry rewritten.
        return undefined;
      }
    },
    async put(key, result) {
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      // Atomic: a run killed mid-write leaves no half entry for the next one to trust.
      await writeFileAtomic(entry(key), JSON.stringify(result), { fsync: false });
    },
  };
}
