import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DEFAULT_CHARTER } from './bundled.ts';
import { charterSchema, type Charter } from './schema.ts';

export { DEFAULT_CHARTER };

export class CharterError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`charter ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CharterError';
  }
}

/** Validates parsed charter JSON; errors name the field, the problem and what to write instead. */
export function parseCharter(json: unknown, file: string): Charter {
  const parsed = charterSchema.safeParse(json);
  if (!parsed.success) {
    const field = (path: PropertyKey[]) => (path.length ? path.join('.') : '(root)');
    const problems = parsed.error.issues.flatMap((issue) =>
      // zod reports unknown keys on their parent object; each is named on its own so the
      // misspelt key itself is what the reader sees.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `${field([...issue.path, key])}: ${issue.message}`)
        : [`${field(issue.path)}: ${issue.message}`],
    );
    throw new CharterError(file, problems);
  }
  const abs = resolve(file);
  return { ...parsed.data, file: abs, dir: dirname(abs) };
}

export async function loadCharter(file: string = DEFAULT_CHARTER): Promise<Charter> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CharterError(file, [`cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}); pass an existing charter file with --charter`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CharterError(file, [`is not valid JSON: ${(err as Error).message}`]);
  }
  return parseCharter(json, file);
}

/** Absolute path of a badge variant's approved artwork. */
export function artworkPath(charter: Charter, variantId: string): string {
  const variant = charter.badges.find((b) => b.id === variantId);
  if (!variant) {
    throw new Error(`unknown badge variant "${variantId}"; expected one of ${charter.badges.map((b) => b.id).join(', ')}`);
  }
  return resolve(charter.dir, variant.artwork);
}
