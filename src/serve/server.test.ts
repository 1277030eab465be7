import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCharter } from '../charter/load.ts';
import { failingFile, passingFile } from '../report/testing/fixtures.ts';
import type { FileResult } from '../types.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { displayName, startServer, type ServeChecker } from './server.ts';

const charter = await loadCharter();

/** The fixture's file with a measurement complete enough for the rules to judge it again: a compliant logo. */
function compliant(path: string): FileResult {
  const file = { ...passingFile(), path };
  for (const logo of file.pages[0].logos) {
    Object.assign(logo.measurement, {
      tagline: { text: charter.tagline.lines.join(' '), source: 'artwork', match: 'tagline', similarity: 1, closest: 'tagline', confidence: 1 },
      badge: { text: 'offre référencée', source: 'artwork', match: 'offre-referencee', similarity: 1, closest: 'offre-referencee', confidence: 1 },
      unverifiable: [],
      noise: 1,
      blur: 0,
    });
    Object.assign(logo.measurement.geometry, { widthMm: 60, precision: { aspect: 0.01, skewDeg: 0.1, rotationDeg: 0.1 } });
  }
  return file;
}

/** A GET with a Host header of the caller's choosing (fetch does not let one set it). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}
const TOOL = { name: 'logo-check', version: 'test' };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

interface World {
  checker?: ServeChecker;
  limits?: Partial<Limits>;
  pages?: number;
}

/** A server on a free loopback port with a fake checker that records which files it saw. */
async function serve(world: World = {}) {
  const seen: string[] = [];
  const checker: ServeChecker = world.checker ?? {
    async checkFile(path) {
      seen.push(path);
      return compliant(path);
    },
  };
  const started = await startServer({
    charter,
    checker,
    tool: TOOL,
    dpi: 150,
    limits: { ...DEFAULT_LIMITS, ...world.limits },
    countPages: async () => world.pages ?? 1,
    host: '127.0.0.1',
    port: 0,
    loopback: true,
  });
  close = started.close;
  const upload = (body: string, query = 'name=flyer.png&lang=fr&n=1', headers: Record<string, string> = {}) =>
    fetch(`${started.url}api/check?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', ...headers }, body });
  return { url: started.url, seen, upload };
}

/** The answer to an upload: progress lines, then the report section. */
async function lines(response: Response): Promise<Array<Record<string, unknown>>> {
  return (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}
interface Answer {
  html: string;
  result: FileResult;
}
const answerOf = async (response: Response) => (await lines(response)).at(-1) as unknown as Answer;

/** Whether a folder is gone within a second: it is deleted once the answer is sent, not before. */
async function deleted(folder: string): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (!existsSync(folder)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('logo-check serve', () => {
  it('serves the partner page in French by default, English on request, with a CSP that allows only itself', async () => {
    const { url } = await serve();
    const fr = await fetch(url);
    expect(fr.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    const page = await fr.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<label for="category">');
    expect(page).toContain('<input type="file" id="files"');
    expect(await (await fetch(`${url}?lang=en`)).text()).toContain('Check the logo in my documents');
    expect((await fetch(`${url}app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('analyses an upload, answers with its report section under the name the partner gave, and deletes the file', async () => {
    const { upload, seen } = await serve();
    const response = await upload('fake image bytes', 'name=C%3A%5Cdocs%5C%3Cb%3Eflyer.png&lang=en&category=offre-referencee&n=3');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const [pages, answer] = (await lines(response)) as [unknown, Answer];
    expect(pages).toEqual({ pages: 1 });
    expect(answer.result.path).toBe('<b>flyer.png');
    expect(answer.html).toContain('<article class="file v-pass" id="file-3"');
    expect(answer.html).toContain('&lt;b&gt;flyer.png');
    expect(answer.html).toContain('No problem: this logo follows the charter.');
    expect(seen).toHaveLength(1);
    expect(dirname(seen[0])).toMatch(/logo-check-serve-/);
    expect(await deleted(dirname(seen[0]))).toBe(true);
  });

  it('judges again with the category and language the partner chose', async () => {
    const file = failingFile('fr');
    const { upload } = await serve({ checker: { checkFile: async (path) => ({ ...file, path }) } });
    const answer = await answerOf(await upload('x', 'name=b.pdf&lang=en&n=1'));
    // The fixture's hand-written findings are replaced by the rules' own, in English.
    expect(answer.result.findings.map((f) => f.rule)).toEqual(['validity']);
    expect(answer.result.findings[0].message).toMatch(/^document dated 1 February 2009/);
  });

  it('refuses a file over the size limit, a document over the page limit, and an analysis that takes too long', async () => {
    const slow: ServeChecker = { checkFile: () => new Promise((resolve) => setTimeout(() => resolve(passingFile()), 400)) };
    const { upload } = await serve({ checker: slow, limits: { maxUploadBytes: 10, timeoutMs: 100 } });
    const big = await upload('more than ten bytes');
    expect(big.status).toBe(413);
    expect((await answerOf(big)).html).toContain('Le fichier est trop grand pour être analysé.');
    const late = await answerOf(await upload('ten bytes'));
    expect(late.html).toContain('L’analyse a pris trop de temps.');
    close?.();
    const pages = await serve({ pages: 500, limits: { maxPages: 40 } });
    const many = await answerOf(await pages.upload('x'));
    expect(many.result.error?.code).toBe('too-many-pages');
    expect(many.html).toContain('Le document a trop de pages');
    expect(pages.seen).toEqual([]);
  });

  it('tells the partner when the checker fails, and still deletes the upload', async () => {
    const seen: string[] = [];
    const { upload } = await serve({ checker: { checkFile: async (path) => (seen.push(path), Promise.reject(new Error('worker died'))) } });
    const answer = await answerOf(await upload('x'));
    expect(answer.result.error).toEqual({ code: 'internal', message: 'flyer.png: analysis failed: worker died' });
    expect(answer.html).toContain('Le fichier n’a pas pu être analysé.');
    expect(await deleted(dirname(seen[0]))).toBe(true);
  });

  it('limits uploads per minute per address and analyses waiting, with messages a partner understands', async () => {
    const { upload } = await serve({ limits: { perMinute: 2 } });
    expect((await upload('a')).status).toBe(200);
    expect((await upload('b')).status).toBe(200);
    const third = await upload('c');
    expect(third.status).toBe(429);
    expect((await answerOf(third)).html).toContain('Trop d’analyses sont en cours.');

    let finish: () => void = () => {};
    const held: ServeChecker = { checkFile: (path) => new Promise((resolve) => (finish = () => resolve(compliant(path)))) };
    const busy = await serve({ checker: held, limits: { concurrent: 1, queued: 1 } });
    const first = busy.upload('a');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The second waits for its turn and is told so; the third finds the queue full.
    const second = busy.upload('b');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await busy.upload('c')).status).toBe(503);
    finish();
    expect((await first).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish();
    const waited = await lines(await second);
    expect(waited[0]).toEqual({ waiting: 1 });
    expect((waited.at(-1) as unknown as Answer).result.status).toBe('pass');
  });

  it('accepts uploads only as raw bytes, and answers only to its loopback names (no DNS rebinding)', async () => {
    const { url, upload } = await serve();
    expect((await upload('a', 'name=a.png', { 'Content-Type': 'multipart/form-data; boundary=x' })).status).toBe(404);
    expect(await getWithHost(url, 'evil.example')).toBe(421);
    expect(await getWithHost(url, 'evil.example:80')).toBe(421);
    expect((await fetch(url.replace('127.0.0.1', 'localhost'))).status).toBe(200);
  });

  it('builds the downloadable report from what the client sends back, pictures only if inline', async () => {
    const { url } = await serve();
    const entries = [{ result: passingFile(), visuals: { thumbnails: { 1: { uri: 'https://example.com/x.png', width: 1, height: 1 } }, logos: {} } }];
    const response = await fetch(`${url}api/report?lang=fr&category=offre-referencee`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ entries }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="rapport-logo.html"');
    const page = await response.text();
    expect(page).toContain('<!DOCTYPE html>');
    expect(page).toContain('samples/flyer ok.png');
    expect(page).not.toContain('example.com');
    const bad = await fetch(`${url}api/report`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"entries": 3}' });
    expect(bad.status).toBe(400);
  });

  it('hands out the approved artwork in PNG and SVG', async () => {
    const { url } = await serve();
    const png = await fetch(`${url}artwork/conseiller-tpe.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect(await (await fetch(`${url}artwork/conseiller-tpe.svg`)).text()).toContain('<svg');
    expect((await fetch(`${url}artwork/..%2Fcharter.svg`)).status).toBe(404);
  });

  it('shows an upload by its own name only, never as a path', () => {
    expect(displayName('C:\\Users\\me\\brochure.pdf')).toBe('brochure.pdf');
    expect(displayName('../../etc/passwd')).toBe('passwd');
    expect(displayName('a\u0000b.png')).toBe('ab.png');
    expect(displayName(null)).toBe('document');
  });
});
