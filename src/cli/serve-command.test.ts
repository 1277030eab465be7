import { describe, expect, it } from 'vitest';
import { passingFile } from '../report/testing/fixtures.ts';
import type { CheckOptions } from '../types.ts';
import { resolveDeps } from './deps.ts';
import { runServe, SERVE_DEFAULTS } from './serve-command.ts';
import { capture } from './testing.ts';

const TOOL = { name: 'logo-check', version: 'test' };

/** Runs `serve` until `stop` resolves, with a fake checker; returns what it printed and did. */
async function serve(options: Partial<typeof SERVE_DEFAULTS>, during: (url: string) => Promise<void> = async () => {}) {
  const stdout = capture();
  const stderr = capture();
  const created: Array<{ options: CheckOptions; jobs: number }> = [];
  let closed = 0;
  let release: () => void = () => {};
  const until = new Promise<void>((resolve) => (release = resolve));
  const deps = resolveDeps({
    stdout,
    stderr,
    createChecker: async (opts, pool) => {
      created.push({ options: opts, jobs: pool.jobs });
      return { checkFile: async (path: string) => ({ ...passingFile(), path }), close: async () => void closed++ };
    },
  });
  const running = runServe({ ...SERVE_DEFAULTS, dpi: 150, port: 0, ...options }, deps, TOOL, until);
  // The address is printed once the server listens.
  while (!/http:\/\/\S+\//.test(stdout.text)) await new Promise((resolve) => setTimeout(resolve, 10));
  await during(/(http:\/\/\S+\/)/.exec(stdout.text)![1]);
  release();
  const code = await running;
  return { code, stdout: stdout.text, stderr: stderr.text, created, closed };
}

describe('logo-check serve', () => {
  it('listens on 127.0.0.1, prints where in both languages, starts one checker and closes it when stopped', async () => {
    const r = await serve({ maxAnalyses: 2 }, async (url) => {
      expect((await fetch(url)).status).toBe(200);
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^logo-check: open http:\/\/127\.0\.0\.1:\d+\/ in your browser \(Ctrl\+C to stop\) \/ ouvrez http:\/\/127\.0\.0\.1:\d+\/ dans votre navigateur/);
    expect(r.stderr).toBe('');
    expect(r.created).toHaveLength(1);
    expect(r.created[0].jobs).toBe(2);
    expect(r.created[0].options).toMatchObject({ lang: 'fr', dpi: 150 });
    expect(r.created[0].options.category).toBeUndefined();
    expect(r.closed).toBe(1);
  });

  it('warns when asked to listen on another interface, and then answers to any host name', async () => {
    const r = await serve({ host: '0.0.0.0' }, async (url) => {
      expect((await fetch(url.replace('0.0.0.0', '127.0.0.1'))).status).toBe(200);
    });
    expect(r.stderr).toMatch(/^logo-check: warning: serving on 0\.0\.0\.0, reachable by other machines on the network\./);
    expect(r.stderr).toContain('uploads are never served to anyone else');
  });

  it('says which port is taken', async () => {
    await serve({}, async (url) => {
      const port = Number(new URL(url).port);
      const stderr = capture();
      const deps = resolveDeps({ stdout: capture(), stderr, createChecker: async () => ({ checkFile: async () => passingFile(), close: async () => {} }) });
      expect(await runServe({ ...SERVE_DEFAULTS, dpi: 150, port }, deps, TOOL, Promise.resolve())).toBe(2);
      expect(stderr.text).toMatch(new RegExp(`^logo-check: cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE.*; choose another port with --port`));
    });
  });
});
