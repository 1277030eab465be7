// Browser tests drive Debian's chromium (`apt-get install -y chromium`; .ci/run installs it)
// through playwright-core, which downloads nothing. Without it they fail in CI, and elsewhere are
// skipped with a warning that says how to install it.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, it } from 'vitest';

export const CHROMIUM = process.env.LOGO_CHECK_CHROMIUM ?? '/usr/bin/chromium';
const INSTALL = `install Debian's chromium (apt-get install -y chromium) or set LOGO_CHECK_CHROMIUM to a Chromium binary`;

/** Screenshots and other things a person may want to look at after a run; git-ignored. */
export const ARTIFACTS = resolve(fileURLToPath(new URL('../../test-artifacts/browser', import.meta.url)));

export function browserSuite(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${CHROMIUM} is missing: ${INSTALL}`);
      });
    });
    return;
  }
  console.warn(`logo-check: browser tests "${name}" skipped: ${CHROMIUM} is missing; ${INSTALL}`);
  describe.skip(name, body);
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM });
}

/** Every URL the page asks for, to prove it asks nothing of the network. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}
