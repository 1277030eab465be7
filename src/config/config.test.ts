import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingFile } from '../report/testing/fixtures.ts';
import { allFindings } from '../report/summary.ts';
import { rules } from '../rules/index.ts';
import { applyRuleLevels, ConfigError, findConfig, loadConfig, parseConfig } from './config.ts';

const RULES = ['colour', 'addition', 'min-size', 'badge-text', 'period'];

describe('parseConfig', () => {
  it('keeps the settings and resolves paths against the config file', () => {
    const config = parseConfig(
      { charter: 'charters/c.json', partnerLogo: 'logo.png', category: 'offre-referencee', medium: 'sms', dpi: 200, rules: { colour: 'warn' }, ignorePatterns: ['old/**'] },
      '/project/logo-check.config.json',
      RULES,
    );
    expect(config).toEqual({
      file: '/project/logo-check.config.json',
      charter: '/project/charters/c.json',
      partnerLogo: '/project/logo.png',
      category: 'offre-referencee',
      medium: 'sms',
      dpi: 200,
      rules: { colour: 'warn' },
      ignorePatterns: ['old/**'],
    });
  });

  it('names every bad key, a misspelt rule included', () => {
    const attempt = () => parseConfig({ dpi: 20, rules: { colour: 'warning', colur: 'off' }, ignore: ['x'] }, '/p/logo-check.config.json', RULES);
    expect(attempt).toThrow(ConfigError);
    const problems = (() => {
      try {
        attempt();
      } catch (err) {
        return (err as ConfigError).problems;
      }
    })()!;
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('ignore:'))).toMatch(/^ignore: unknown key; expected one of charter, category/);
    expect(problems.find((p) => p.startsWith('dpi:'))).toMatch(/>=\s*36/);
    expect(problems.find((p) => p.startsWith('rules.colour:'))).toMatch(/"off"\|"warn"\|"error"|off.*warn.*error/);
    expect(problems.find((p) => p.startsWith('rules.colur:'))).toBe(`rules.colur: unknown rule; expected one of ${RULES.join(', ')}`);
  });
});

describe('findConfig', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'logo-check-config-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('finds logo-check.config.json upward, before a package.json key in the same folder', async () => {
    await mkdir(join(root, 'a/b'), { recursive: true });
    await writeFile(join(root, 'logo-check.config.json'), JSON.stringify({ dpi: 100 }));
    await writeFile(join(root, 'package.json'), JSON.stringify({ 'logo-check': { dpi: 300 } }));
    await writeFile(join(root, 'a/package.json'), JSON.stringify({ name: 'no settings here' }));
    const config = await findConfig(join(root, 'a/b'), RULES);
    expect(config).toMatchObject({ file: join(root, 'logo-check.config.json'), dpi: 100 });
  });

  it('reads the "logo-check" key of package.json', async () => {
    await writeFile(join(root, 'package.json'), JSON.stringify({ 'logo-check': { medium: 'sms' } }));
    expect(await findConfig(root, RULES)).toMatchObject({ file: join(root, 'package.json'), medium: 'sms' });
    expect(await loadConfig(join(root, 'package.json'), RULES)).toMatchObject({ medium: 'sms' });
  });

  it('reports a broken config file instead of skipping it', async () => {
    await writeFile(join(root, 'logo-check.config.json'), '{ "dpi": ');
    await expect(findConfig(root, RULES)).rejects.toThrow(/logo-check.config.json is not valid:\n  - is not valid JSON/);
    await expect(loadConfig(join(root, 'missing.json'), RULES)).rejects.toThrow(/cannot be read \(ENOENT\)/);
  });
});

describe('applyRuleLevels', () => {
  it('drops findings of rules turned off and lowers errors of rules at warn', () => {
    const file = applyRuleLevels(failingFile('en'), { period: 'off', colour: 'warn', addition: 'error' });
    expect(allFindings(file).map((f) => [f.rule, f.severity])).toEqual([
      ['colour', 'warning'],
      ['addition', 'warning'],
      ['min-size', 'warning'],
      ['badge-text', 'warning'],
    ]);
  });

  it('leaves a file as it is without levels', () => {
    const file = failingFile('fr');
    expect(applyRuleLevels(file, {})).toBe(file);
  });
});

describe("the README's example", () => {
  it('is a valid settings file for the rules this version has', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const example = /### Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const config = parseConfig(JSON.parse(example!), '/project/logo-check.config.json', rules.map((r) => r.meta.id));
    expect(config.rules).toEqual({ 'clear-space': 'off', 'min-size': 'warn' });
  });
});
