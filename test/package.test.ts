// The package as a user installs it: `npm pack`, then `npm install <tarball>` in an empty folder
// (dependencies from the registry), then the command and the library from there — compiled
// JavaScript, runtime dependencies only, no TypeScript runner. The GitHub Action's script runs
// here too, against the same tarball.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { sarifValidator } from '../src/report/testing/validate-json-schema.ts';

// shared/ sits beside the repository, on developers' machines and in CI alike.
const SARIF_SCHEMA = join(import.meta.dirname, '../../shared/schemas/sarif-schema-2.1.0.json');

const ROOT = join(import.meta.dirname, '..');
const SAMPLE_OK = join(ROOT, 'samples/flyer-conforme.png');
const SAMPLE_BAD = join(ROOT, 'samples/flyer-logo-tourne.jpg');
// Packing compiles the sources; installing fetches sharp, pdf.js, OpenCV and tesseract.js.
const SETUP_TIMEOUT_MS = 400_000;
const RUN_TIMEOUT_MS = 180_000;

let dir: string;
let tarball: string;
let app: string;

function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: SETUP_TIMEOUT_MS });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-package-'));
  const packed = sh('npm', ['pack', '--json', '--pack-destination', dir], ROOT);
  expect(packed.status, packed.stderr).toBe(0);
  tarball = join(dir, JSON.parse(packed.stdout)[0].filename);
  app = join(dir, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'partner-app', private: true, type: 'module' }));
  const installed = sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
  expect(installed.status, installed.stderr).toBe(0);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the installed package', () => {
  it('holds compiled JavaScript and the charter, without sources, tests or a TypeScript runner', () => {
    const installed = join(app, 'node_modules/logo-check');
    expect(existsSync(join(installed, 'dist/cli/run.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist/batch/worker-task.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist/index.d.ts'))).toBe(true);
    expect(existsSync(join(installed, 'charter/econumerique.json'))).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(installed, 'dist/check.test.js'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/typescript'))).toBe(false);
  });

  it('imports, from its compiled files, only Node and its runtime dependencies', async () => {
    const { readdir } = await import('node:fs/promises');
    const { builtinModules } = await import('node:module');
    const installed = join(app, 'node_modules/logo-check');
    const files = (await readdir(join(installed, 'dist'), { recursive: true })).filter((f) => /\.m?js$/.test(f));
    const allowed = new Set([...Object.keys(pkg.dependencies), ...builtinModules]);
    const foreign: string[] = [];
    for (const file of files) {
      const code = await readFile(join(installed, 'dist', file), 'utf8');
      const specifiers = [...code.matchAll(/^\s*(?:import|export)\b[^'\n]*?from\s*'([^']+)'/gm), ...code.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)]
        .map((m) => m[1])
        .filter((specifier) => !specifier.startsWith('.'));
      for (const specifier of specifiers) {
        const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
        if (!allowed.has(name)) foreign.push(`${file}: ${specifier}`);
      }
    }
    expect(files.length).toBeGreaterThan(50);
    expect(foreign).toEqual([]);
  });

  it('answers npx logo-check --version', () => {
    const r = sh('npx', ['--no-install', 'logo-check', '--version'], app);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('loads no heavy module for --version and --help', async () => {
    // A module hook that refuses the libraries a check needs: the command must not touch them.
    const hooks = join(dir, 'refuse-heavy.mjs');
    await writeFile(
      hooks,
      `export async function load(url, context, next) {
  if (/node_modules\\/(sharp|@img|pdfjs-dist|opencv-wasm|tesseract\\.js|zod|piscina|pixelmatch)\\//.test(url)) throw new Error('loaded ' + url);
  return next(url, context);
}`,
    );
    const register = join(dir, 'register.mjs');
    await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const bin = join(app, 'node_modules/logo-check/dist/cli/run.js');
    for (const args of [['--version'], ['--help'], ['baseline', '--help']]) {
      const r = sh(process.execPath, ['--import', pathToFileURL(register).href, bin, ...args], app);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    // The hook does refuse: the charter command validates the charter with zod.
    const check = sh(process.execPath, ['--import', pathToFileURL(register).href, bin, 'charter'], app);
    expect(check.stderr).toContain('loaded file://');
  });

  it(
    'checks samples with npx logo-check, in worker threads loading the compiled checker',
    () => {
      const r = sh('npx', ['--no-install', 'logo-check', '--jobs', '2', '-f', 'json', SAMPLE_OK, SAMPLE_BAD], app);
      expect(r.status, r.stderr).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
        [SAMPLE_OK, 'pass'],
        [SAMPLE_BAD, 'fail'],
      ]);
      expect(report.files[1].pages[0].logos[0].findings.map((f: { rule: string }) => f.rule)).toContain('rotation');
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'is a library: check() and the formatters from import "logo-check"',
    async () => {
      const script = join(app, 'use.mjs');
      await writeFile(
        script,
        `import { check, formatters, loadCharter } from 'logo-check';
const charter = await loadCharter();
const report = await check([${JSON.stringify(SAMPLE_OK)}], { charter, lang: 'en' });
process.stdout.write(JSON.stringify({ summary: report.summary, charter: charter.id, csv: formatters.csv(report, { color: false }).split('\\r\\n')[1] }));`,
      );
      const r = sh(process.execPath, [script], app);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.summary).toMatchObject({ files: 1, passed: 1, failed: 0, errors: 0 });
      expect(out.charter).toBe('econumerique-2006');
      expect(out.csv).toBe(`${SAMPLE_OK},pass,,,,,,,,,,,,`);
    },
    RUN_TIMEOUT_MS,
  );
});

describe("the GitHub Action's script", () => {
  it(
    'installs the package, checks the paths, writes SARIF and hands the exit code to the workflow',
    async () => {
      const work = join(dir, 'repo');
      await mkdir(join(work, 'assets'), { recursive: true });
      for (const sample of [SAMPLE_OK, SAMPLE_BAD]) await copyFile(sample, join(work, 'assets', sample.split('/').at(-1)!));
      const output = join(dir, 'github-output');
      const r = sh('bash', [join(ROOT, 'scripts/action.sh')], work, {
        INPUT_PACKAGE: tarball,
        INPUT_PATHS: 'assets/*.jpg',
        INPUT_ARGS: '--quiet --jobs 1',
        INPUT_SARIF_FILE: 'out.sarif',
        RUNNER_TEMP: dir,
        GITHUB_OUTPUT: output,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(await readFile(output, 'utf8')).toBe('exit-code=1\n');
      // The glob reached logo-check unexpanded by the shell and matched the one JPEG.
      expect(r.stdout).toContain('flyer-logo-tourne.jpg');
      expect(r.stdout).not.toContain('flyer-conforme.png');
      const log = JSON.parse(await readFile(join(work, 'out.sarif'), 'utf8'));
      if (existsSync(SARIF_SCHEMA)) expect(sarifValidator(JSON.parse(await readFile(SARIF_SCHEMA, 'utf8')))(log)).toEqual([]);
      const location = log.runs[0].results[0].locations[0].physicalLocation;
      expect(location.artifactLocation).toEqual({ uri: 'assets/flyer-logo-tourne.jpg', uriBaseId: '%SRCROOT%' });
      expect(location.region.startLine).toBe(1);
    },
    SETUP_TIMEOUT_MS,
  );
});
