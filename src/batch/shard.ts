// --shard i/n: n machines each take the files whose path hashes to their share. The hash, not
// the position in a listing, decides, so a file stays in the same shard however folders list.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based, as in --shard 1/4 … 4/4. */
  index: number;
  count: number;
}

/** Parses "i/n"; undefined when it is not one (the CLI says what is expected). */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

export function inShard(path: string, { index, count }: Shard): boolean {
  const digest = createHash('sha256').update(path.replaceAll('\\', '/')).digest();
  return digest.readUInt32BE(0) % count === index - 1;
}

export const shardLabel = ({ index, count }: Shard): string => `${index}/${count}`;
