// The pre-commit hook (.pre-commit-hooks.yaml) run by the pre-commit tool itself, as a project
// that adds logo-check to its .pre-commit-config.yaml would: pre-commit installs the hook's repo
// (this one, as it stands) in its own environment and runs it on the files of a commit.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const available = preCommit.status === 0;
if (!available) {
  console.warn('test/pre-commit.test.ts: skipped, the pre-commit tool is not installed (pip install pre-commit, or apt-get install pre-commit)');
}
// pre-commit installs the repository with its development tools, builds it and installs the pack.
const HOOK_TIMEOUT_MS = 480_000;

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('pre-commit hook', () => {
  it(
    'fails a commit with a rotated logo, naming only that file (--quiet leaves out those that pass)',
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'logo-check-pre-commit-'));
      const env = { ...process.env, PRE_COMMIT_HOME: join(dir, 'cache'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
      const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env });
      const repo = join(dir, 'assets-repo');
      spawnSync('git', ['init', '-q', repo], { encoding: 'utf8', env });
      await copyFile(join(ROOT, 'samples/flyer-conforme.png'), join(repo, 'ok.png'));
      await copyFile(join(ROOT, 'samples/flyer-logo-tourne.jpg'), join(repo, 'tourne.jpg'));
      git('add', '.');
      // Each try-repo installs the hook anew (a minute or two): one run with both files.
      const r = spawnSync('pre-commit', ['try-repo', ROOT, 'logo-check', '--files', 'ok.png', 'tourne.jpg', '--verbose'], { cwd: repo, encoding: 'utf8', env, timeout: HOOK_TIMEOUT_MS });
      expect(r.status, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toMatch(/logo-check\.+Failed/);
      expect(r.stdout).toContain('✘ tourne.jpg');
      expect(r.stdout).not.toContain('ok.png —');
    },
    HOOK_TIMEOUT_MS,
  );
});
