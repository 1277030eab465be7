import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCharter } from '../charter/load.ts';
import { charterHash, digestFile } from './receipt.ts';

describe('digestFile', () => {
  it('gives the sha256 and size of a file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'logo-check-receipt-')), 'a.png');
    await writeFile(file, 'some bytes');
    expect(await digestFile(file)).toEqual({ sha256: createHash('sha256').update('some bytes').digest('hex'), size: 10 });
  });

  it('gives nothing for a missing file, a folder or a FIFO, and never waits on one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logo-check-receipt-'));
    expect(await digestFile(join(dir, 'missing.png'))).toBeUndefined();
    expect(await digestFile(dir)).toBeUndefined();
    const fifo = join(dir, 'pipe.pdf');
    if (spawnSync('mkfifo', [fifo]).status === 0) expect(await digestFile(fifo)).toBeUndefined();
  });
});

describe('charterHash', () => {
  it('is the same wherever the charter was loaded from, and changes with its terms', async () => {
    const charter = await loadCharter();
    const moved = { ...charter, file: '/elsewhere/charter.json', dir: '/elsewhere' };
    expect(charterHash(moved)).toBe(charterHash(charter));
    expect(charterHash({ ...charter, verdict: { ...charter.verdict, minConfidence: 0.5 } })).not.toBe(charterHash(charter));
  });
});
