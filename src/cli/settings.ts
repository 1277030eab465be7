// Flags over the project's settings file over defaults, resolved once before a command runs, so
// that every command (check, html, baseline) sees the same options.
import { resolve } from 'node:path';
import { ConfigError, findConfig, loadConfig, type Config, type RuleLevel } from '../config/config.ts';
import { rules } from '../rules/index.ts';
import type { IgnoreSet } from './inputs.ts';
import { UsageError } from './usage.ts';

export const DEFAULT_DPI = 150;

/** The flags a settings file can stand in for. */
export interface SettingsFlags {
  /** A file named with --config, false for --no-config; otherwise the file is looked for. */
  config?: string | boolean;
  charter?: string;
  category?: string;
  medium?: string;
  partnerLogo?: string;
  dpi?: number;
  ignorePattern?: string[];
}

export interface Settled {
  dpi: number;
  ruleLevels: Record<string, RuleLevel>;
  ignore: IgnoreSet[];
  /** The settings file used, if any. */
  configFile?: string;
}

async function configOf(flag: SettingsFlags['config'], cwd: string, command: string): Promise<Config | undefined> {
  const ruleIds = rules.map((rule) => rule.meta.id);
  try {
    if (flag === false) return undefined;
    if (typeof flag === 'string') return await loadConfig(resolve(cwd, flag), ruleIds);
    return await findConfig(cwd, ruleIds);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message, command);
    throw err;
  }
}

export async function settle<T extends SettingsFlags>(flags: T, cwd: string, command = 'logo-check'): Promise<T & Settled> {
  const config = await configOf(flags.config, cwd, command);
  const pick = <K extends 'charter' | 'category' | 'medium' | 'partnerLogo'>(key: K) =>
    flags[key] !== undefined ? { [key]: flags[key] } : config?.[key] !== undefined ? { [key]: config[key] } : {};
  return {
    ...flags,
    ...pick('charter'),
    ...pick('category'),
    ...pick('medium'),
    ...pick('partnerLogo'),
    dpi: flags.dpi ?? config?.dpi ?? DEFAULT_DPI,
    ruleLevels: config?.rules ?? {},
    ignore: [
      ...(config?.ignorePatterns.length ? [{ base: resolve(config.file, '..'), patterns: config.ignorePatterns }] : []),
      ...(flags.ignorePattern?.length ? [{ base: cwd, patterns: flags.ignorePattern }] : []),
    ],
    ...(config && { configFile: config.file }),
  };
}
