// The HTML report of real samples, opened from disk in Chromium as a partner would from a USB key.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, launch, recordRequests, screenshot } from '../../test/browser/chromium.ts';
import { loadCharter } from '../charter/load.ts';
import { createChecker } from '../check.ts';
import type { FileResult, Report } from '../types.ts';
import { html } from './html.ts';
import { renderVisuals } from './html-visuals.ts';
import { summarise } from './summary.ts';

/** Chromium and the checker on a loaded machine (2 shared cores) take seconds per page. */
const SLOW = 120_000;

const STROKE = 3;
const SAMPLES = ['samples/flyer-ajout-promo.png', 'samples/flyer-conforme.png', 'samples/brochure-conforme.pdf', 'samples/flyer-sans-logo.png'];

browserSuite('HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let report: Report;
  let requests: string[];
  let url: string;

  beforeAll(async () => {
    const charter = await loadCharter();
    const checker = await createChecker({ charter, lang: 'fr' });
    const files: FileResult[] = [];
    try {
      for (const file of SAMPLES) files.push(await checker.checkFile(file));
    } finally {
      await checker.close();
    }
    report = { tool: { name: 'logo-check', version: 'test' }, charter: { id: charter.id, name: charter.name }, options: { lang: 'fr' }, files, summary: summarise(files) };
    const visuals = await renderVisuals(report, { charter });
    const file = join(await mkdtemp(join(tmpdir(), 'logo-check-report-')), 'rapport.html');
    await writeFile(file, html(report, { color: false, charter, visuals }));
    url = pathToFileURL(file).href;
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    requests = recordRequests(page);
    await page.goto(url);
  }, 120_000);
  afterAll(async () => browser?.close());

  it('outlines each logo where the JSON box says, on the page thumbnail', async () => {
    const frames = page.locator('.page-frame');
    const expected = report.files.flatMap((f) => f.pages.filter((p) => p.logos.length > 0));
    expect(await frames.count()).toBe(expected.length);
    for (const [i, result] of expected.entries()) {
      const frame = frames.nth(i);
      const picture = (await frame.locator('img').boundingBox())!;
      const scale = picture.width / result.width;
      expect(picture.height / result.height).toBeCloseTo(scale, 2);
      for (const [k, logo] of result.logos.entries()) {
        const box = (await frame.locator(`rect[data-logo="${k + 1}"]`).boundingBox())!;
        const [x, y, w, h] = logo.bbox;
        // The box drawn includes the outline's 3 px stroke, centred on the box's edge.
        const half = STROKE / 2;
        expect(Math.abs(box.x + half - (picture.x + x * scale))).toBeLessThan(1);
        expect(Math.abs(box.y + half - (picture.y + y * scale))).toBeLessThan(1);
        expect(Math.abs(box.width - STROKE - w * scale)).toBeLessThan(1);
        expect(Math.abs(box.height - STROKE - h * scale)).toBeLessThan(1);
      }
    }
  }, SLOW);

  it('colours outlines by verdict and shows each picture decoded', async () => {
    const stroke = (n: number) => page.locator('.page-frame rect.outline').nth(n).evaluate((el) => getComputedStyle(el).stroke);
    expect(await stroke(0)).toBe('rgb(207, 34, 46)');
    expect(await stroke(1)).toBe('rgb(26, 127, 55)');
    const broken = await page.locator('img').evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((img) => !img.complete || img.naturalWidth === 0).length);
    expect(broken).toBe(0);
    expect(await page.locator('.art-offre-referencee').first().evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/^url\("data:image\/svg\+xml;base64,/);
    await screenshot(page, 'report.png');
  }, SLOW);

  it('filters files by verdict with the keyboard alone', async () => {
    const visible = () => page.locator('article.file:visible').count();
    expect(await visible()).toBe(4);
    await page.locator('#show-all').focus();
    // Radios move and check with the arrow keys: « tous » → « Non conforme ».
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#show-fail').isChecked()).toBe(true);
    expect(await visible()).toBe(1);
    expect(await page.locator('article.file:visible h2').textContent()).toContain('flyer-ajout-promo.png');
    await page.locator('#show-all').check();
    await page.locator('#rule-addition').check();
    expect(await visible()).toBe(1);
  }, SLOW);

  it('makes no request but for the file itself and its inline images', () => {
    expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
  }, SLOW);
});
