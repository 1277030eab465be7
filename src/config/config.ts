// A project's settings for logo-check, the way ESLint and markdownlint users keep theirs: a
// logo-check.config.json (or a "logo-check" key in package.json) found upward from the current
// folder. Paths in it are relative to the file, so a run from any sub-folder means the same.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { Finding } from '../types.ts';

export const CONFIG_FILE = 'logo-check.config.json';
export const PACKAGE_KEY = 'logo-check';

/** What a rule's findings count as: `off` drops them, `warn` never fails a file, `error` does. */
export type RuleLevel = 'off' | 'warn' | 'error';

export interface Config {
  /** Absolute path of the file the settings came from. */
  file: string;
  charter?: string;
  category?: string;
  partnerLogo?: string;
  medium?: string;
  dpi?: number;
  rules: Record<string, RuleLevel>;
  /** Globs of files not to check, relative to the config file's folder. */
  ignorePatterns: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`configuration ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const schema = z.strictObject({
  charter: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  partnerLogo: z.string().min(1).optional(),
  medium: z.string().min(1).optional(),
  dpi: z.int().min(36).max(600).optional(),
  rules: z.record(z.string(), z.enum(['off', 'warn', 'error'])).default({}),
  ignorePatterns: z.array(z.string().min(1)).default([]),
});

/**
 * Validates parsed settings; every problem names its key. `ruleIds` are the rules this version
 * knows: a misspelt rule would otherwise be silently kept at its default severity.
 */
export function parseConfig(json: unknown, file: string, ruleIds: readonly string[]): Config {
  const parsed = schema.safeParse(json);
  const key = (path: PropertyKey[]) => (path.length ? path.join('.') : '(root)');
  const problems = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((k) => `${key([...issue.path, k])}: unknown key; expected one of ${Object.keys(schema.shape).join(', ')}`)
          : [`${key(issue.path)}: ${issue.message}`],
      );
  const rules = (json as { rules?: unknown } | null)?.rules;
  if (rules !== null && typeof rules === 'object') {
    for (const rule of Object.keys(rules)) {
      if (!ruleIds.includes(rule)) problems.push(`rules.${rule}: unknown rule; expected one of ${ruleIds.join(', ')}`);
    }
  }
  if (!parsed.success || problems.length) throw new ConfigError(file, problems);
  const dir = dirname(resolve(file));
  const { charter, partnerLogo, ...rest } = parsed.data;
  return {
    ...rest,
    file: resolve(file),
    ...(charter !== undefined && { charter: resolve(dir, charter) }),
    ...(partnerLogo !== undefined && { partnerLogo: resolve(dir, partnerLogo) }),
  };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [`cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(file, [`is not valid JSON: ${(err as Error).message}`]);
  }
}

/** The settings of a file named with --config: a logo-check.config.json or a package.json. */
export async function loadConfig(file: string, ruleIds: readonly string[]): Promise<Config> {
  const json = await readJson(file);
  if (file.endsWith('package.json')) {
    const settings = (json as Record<string, unknown> | null)?.[PACKAGE_KEY];
    if (settings === undefined) throw new ConfigError(file, [`has no "${PACKAGE_KEY}" key`]);
    return parseConfig(settings, file, ruleIds);
  }
  return parseConfig(json, file, ruleIds);
}

/**
 * The nearest settings upward from `from`: in each folder a logo-check.config.json first, then a
 * package.json with a "logo-check" key; a package.json without one does not stop the search.
 */
export async function findConfig(from: string, ruleIds: readonly string[]): Promise<Config | undefined> {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const own = join(dir, CONFIG_FILE);
    const json = await readJson(own).catch((err: ConfigError) => (err.problems[0]?.includes('ENOENT') ? undefined : Promise.reject(err)));
    if (json !== undefined) return parseConfig(json, own, ruleIds);
    const pkgFile = join(dir, 'package.json');
    const pkg = await readJson(pkgFile).catch(() => undefined);
    const settings = (pkg as Record<string, unknown> | undefined)?.[PACKAGE_KEY];
    if (settings !== undefined) return parseConfig(settings, pkgFile, ruleIds);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The findings of a file as the project wants them counted: a rule `off` reports nothing, a rule
 * at `warn` never fails a file (its errors become warnings). `error` keeps the rule's own
 * severities, which already lower an unsure measurement to a warning.
 */
export function applyRuleLevels<T extends { findings: Finding[]; pages: Array<{ logos: Array<{ findings: Finding[] }> }> }>(
  result: T,
  levels: Readonly<Record<string, RuleLevel>>,
): T {
  if (Object.keys(levels).length === 0) return result;
  const judge = (findings: Finding[]) =>
    findings
      .filter((f) => levels[f.rule] !== 'off')
      .map((f) => (levels[f.rule] === 'warn' && f.severity === 'error' ? { ...f, severity: 'warning' as const } : f));
  return {
    ...result,
    findings: judge(result.findings),
    pages: result.pages.map((page) => ({ ...page, logos: page.logos.map((logo) => ({ ...logo, findings: judge(logo.findings) })) })),
  };
}
