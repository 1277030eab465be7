// The partner's page as a partner uses it: in Chromium, against the real server and checker.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, launch, recordRequests, screenshot } from '../../test/browser/chromium.ts';
import { loadCharter } from '../charter/load.ts';
import { createChecker, type Checker } from '../check.ts';
import { openDocument } from '../ingest/index.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { startServer } from './server.ts';

/** Chromium and the checker on a loaded machine (2 shared cores) take seconds per page. */
const SLOW = 120_000;

browserSuite('logo-check serve in Chromium', () => {
  let browser: Browser;
  let checker: Checker;
  let page: Page;
  let requests: string[];
  let server: Awaited<ReturnType<typeof startServer>>;
  let broken: string;

  beforeAll(async () => {
    const charter = await loadCharter();
    checker = await createChecker({ charter, lang: 'fr' });
    const countPages = async (path: string) => {
      const doc = await openDocument(path).catch(() => undefined);
      await doc?.close();
      return doc?.pageCount;
    };
    server = await startServer({ charter, checker, tool: { name: 'logo-check', version: 'test' }, dpi: 150, limits: DEFAULT_LIMITS, countPages, host: '127.0.0.1', port: 0, loopback: true });
    broken = join(await mkdtemp(join(tmpdir(), 'logo-check-upload-')), 'brochure abîmée.pdf');
    await writeFile(broken, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n'.slice(0, 40));
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    requests = recordRequests(page);
    await page.goto(server.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await checker?.close();
  });

  it('remembers the category chosen', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByLabel('Catégorie de votre offre').selectOption('offre-referencee');
    await page.reload();
    expect(await page.getByLabel('Catégorie de votre offre').inputValue()).toBe('offre-referencee');
  }, SLOW);

  it('analyses files picked with the file input and shows the verdict, the outlines and the findings', async () => {
    // Everything the status line says while the partner waits.
    await page.evaluate(() => {
      const said: string[] = ((window as unknown as { said: string[] }).said = []);
      new MutationObserver(() => said.push(document.getElementById('status')!.textContent ?? '')).observe(document.getElementById('status')!, { childList: true, characterData: true, subtree: true });
    });
    await page.getByLabel('Déposez ici vos fichiers PDF ou images').setInputFiles(['samples/flyer-ajout-promo.png', broken]);
    await page.locator('#results article.file').nth(1).waitFor({ timeout: 90_000 });
    await page.getByText('Terminé : 2 fichier(s) analysé(s).').waitFor();
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said).toContain('Analyse de « flyer-ajout-promo.png » (1 sur 2) : 1 page(s), analysées une à une…');
    const first = page.locator('#results article.file').first();
    expect(await first.locator('h2').textContent()).toBe('Non conformeflyer-ajout-promo.png');
    expect(await first.locator('rect.outline').evaluate((el) => getComputedStyle(el).stroke)).toBe('rgb(207, 34, 46)');
    expect(await first.locator('.finding .head').first().textContent()).toContain('Quelque chose a été ajouté sur le logo.');
    expect(await first.locator('img.difference').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(400);
    // The broken file gets a sentence a shop owner understands; the other file its report.
    const second = page.locator('#results article.file').nth(1);
    expect(await second.locator('h2').textContent()).toBe('Illisiblebrochure abîmée.pdf');
    expect(await second.locator('.problem').textContent()).toMatch(/^Le fichier est endommagé et ne peut pas être ouvert\./);
    // The technical detail never shows the private folder the upload was kept in.
    expect(await second.locator('.details').textContent()).toMatch(/^Détail technique : .*PDF/);
    expect(await second.locator('.details').textContent()).not.toContain('logo-check-serve-');
    expect(await first.getByRole('img', { name: 'Logo officiel avec la mention « offre référencée »' }).evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/\/artwork\/offre-referencee\.svg/);
    await screenshot(page, 'serve.png');
  }, SLOW);

  it('takes files dropped on the drop zone', async () => {
    const bytes = (await readFile('samples/flyer-conforme.png')).toString('base64');
    const dropped = await page.evaluateHandle((base64) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'flyer-conforme.png', { type: 'image/png' }));
      return transfer;
    }, bytes);
    await page.locator('#drop').dispatchEvent('drop', { dataTransfer: dropped });
    const third = page.locator('#results article.file').nth(2);
    await third.waitFor({ timeout: 90_000 });
    expect(await third.locator('h2').textContent()).toBe('Conformeflyer-conforme.png');
    expect(await third.locator('rect.outline').evaluate((el) => getComputedStyle(el).stroke)).toBe('rgb(26, 127, 55)');
  }, SLOW);

  it('hands out the approved artwork for the category and the report', async () => {
    const [artwork] = await Promise.all([page.waitForEvent('download'), page.getByText('Logo officiel (PNG)').click()]);
    expect(artwork.suggestedFilename()).toBe('logo-offre-referencee.png');
    expect((await readFile((await artwork.path())!)).subarray(1, 4).toString()).toBe('PNG');
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Le rapport (HTML)' }).click()]);
    expect(report.suggestedFilename()).toBe('rapport-logo.html');
    const text = await readFile((await report.path())!, 'utf8');
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(text).toContain('flyer-ajout-promo.png');
    expect(text).toContain('brochure abîmée.pdf');
    expect(text).toContain('data:image/webp;base64,');
  }, SLOW);

  it('stays readable at 200 % zoom: nothing wider than the window', async () => {
    await page.setViewportSize({ width: 640, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  }, SLOW);

  it('makes no request outside the server on the loopback address', () => {
    const origin = server.url.replace(/\/$/, '');
    expect(requests.filter((r) => !r.startsWith(`${origin}/`) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
    expect(requests.some((r) => r.startsWith(`${origin}/api/check`))).toBe(true);
  }, SLOW);
});
