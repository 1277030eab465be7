// Receipts: sha256 and size of each file, the charter's hash, the tool and the options — what an
// auditor needs to prove what was checked, when, against which terms.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Charter } from '../types.ts';

export interface FileDigest {
  sha256: string;
  size: number;
}

/** The file's sha256 and size, read as a stream; undefined when it cannot be read (its check says why). */
export async function digestFile(path: string): Promise<FileDigest | undefined> {
  // A FIFO or a device would never end: only regular files are read.
  if (!(await stat(path).then((s) => s.isFile(), () => false))) return undefined;
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch {
    return undefined;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * The charter's terms, hashed: where it was loaded from is left out, so the same charter gives
 * the same hash on every machine.
 */
export function charterHash(charter: Charter): string {
  const { file: _file, dir: _dir, ...terms } = charter as Charter & { file?: string; dir?: string };
  return sha256(JSON.stringify(terms));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
