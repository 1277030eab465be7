// A partner's site and the operation's catalogue, served on the loopback interface only, for the
// crawl's tests: pages at known depths, a redirect, a broken link, a loop, a page 7 clicks deep, a
// way back to the catalogue 3 clicks away, a folder robots.txt forbids, and the logo as <img>, as
// inline SVG and as a CSS background (that one recoloured). Also written as a saved copy: a folder
// and a WARC file.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { WARCRecord, WARCSerializer } from 'warcio';
import { drawLogo } from '../../artwork/draw.ts';
import type { Charter } from '../../types.ts';

export interface TestSite {
  partner: string;
  catalogue: string;
  /** Paths requested from the partner's server, in order, and when (ms since the epoch). */
  requests: string[];
  times: number[];
  userAgents: Set<string>;
  /** Every resource of the partner's site by path (redirects and errors excluded). */
  resources: Map<string, { type: string; body: Buffer }>;
  close(): Promise<void>;
}

interface Resource {
  status?: number;
  location?: string;
  type?: string;
  body: string | Buffer;
}

const html = (title: string, body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/style.css"></head><body>${body}</body></html>`;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export async function startTestSite(charter: Charter): Promise<TestSite> {
  const badge = charter.badges.find((b) => b.id === 'centre-competence-tpe')!;
  const svg = drawLogo(charter, { badgeText: badge.text }).replace(/^<\?xml[^>]*>\s*/, '');
  const logoPng = await sharp(Buffer.from(svg)).resize({ width: 800 }).png().toBuffer();
  const greenArrow = await sharp(Buffer.from(drawLogo(charter, { badgeText: badge.text, colours: { red: '#1E9E3A' } }))).resize({ width: 800 }).png().toBuffer();

  const catalogueServer = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html('Catalogue', '<h1>Catalogue des offres</h1>'));
  });
  const catalogue = `http://localhost:${await listen(catalogueServer)}/catalogue/`;

  const chain: Record<string, Resource> = {};
  for (let i = 1; i <= 7; i++) {
    const next = i < 7 ? `<a href="/niveau-${i + 1}">Niveau ${i + 1}</a>` : `<h1>Offre réseau</h1><a href="${catalogue}?offre=reseau">Retour au catalogue</a>`;
    chain[`/niveau-${i}`] = { body: html(`Niveau ${i}`, next) };
  }
  const site: Record<string, Resource> = {
    '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /prive/\nCrawl-delay: 0.05\n' },
    '/style.css': { type: 'text/css', body: '.bandeau { background: url("/img/bandeau.png") no-repeat; }' },
    '/': {
      body: html(
        'Informatique Dupont',
        '<header><img src="/img/logo.png" alt="logo"></header><nav><a href="/offres/">Nos offres</a> <a href="/ancien">À propos</a> <a href="/casse">Actualités</a> <a href="/prive/tarifs.html">Espace pro</a> <a href="/boucle-a">Boucle</a> <a href="/niveau-1">Toutes les offres</a> <a href="mailto:contact@dupont.test">Contact</a> <a href="https://ailleurs.invalid/">Ailleurs</a></nav>',
      ),
    },
    '/ancien': { status: 301, location: '/a-propos', body: '' },
    '/a-propos': {
      body: html(
        'À propos',
        '<div class="bandeau" style="background-image: url(/img/bandeau-inline.png)"></div><p>Partenaire « Entrepreneurs, faites le choix du numérique » depuis 2007.</p><a href="/">Accueil</a> <a href="/partenaires">Partenaires</a>',
      ),
    },
    '/partenaires': { body: html('Partenaires', `<a href="${catalogue}">Catalogue de l'opération</a>`) },
    '/boucle-a': { body: html('A', '<a href="/boucle-b">B</a>') },
    '/boucle-b': { body: html('B', '<a href="/boucle-a">A</a> <a href="/">Accueil</a>') },
    '/offres/': { body: html('Nos offres', '<a href="pack-tpe">Pack TPE</a>') },
    '/offres/pack-tpe': {
      body: html(
        'Pack TPE',
        `<h1>Pack TPE</h1>${svg}<p>Offre « Entrepreneurs, faites le choix de l'économie numérique ».</p><p>Offre de base : installation de votre poste, 350 € HT, en 2 heures.</p><p>En option : sauvegarde en ligne.</p><a href="/a-propos">À propos</a>`,
      ),
    },
    '/prive/tarifs.html': { body: html('Privé', '<p>Ne pas lire</p>') },
    '/img/logo.png': { type: 'image/png', body: logoPng },
    '/img/bandeau.png': { type: 'image/png', body: logoPng },
    '/img/bandeau-inline.png': { type: 'image/png', body: greenArrow },
    ...chain,
  };

  const requests: string[] = [];
  const times: number[] = [];
  const userAgents = new Set<string>();
  const partnerServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    times.push(Date.now());
    userAgents.add(req.headers['user-agent'] ?? '');
    const resource = site[path];
    if (!resource) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end(html('Introuvable', '<p>Page introuvable</p>'));
      return;
    }
    res.writeHead(resource.status ?? 200, {
      'content-type': resource.type ?? 'text/html; charset=utf-8',
      ...(resource.location && { location: resource.location }),
    });
    res.end(resource.body);
  });
  const partner = `http://127.0.0.1:${await listen(partnerServer)}/`;

  const resources = new Map<string, { type: string; body: Buffer }>();
  for (const [path, r] of Object.entries(site)) {
    if (!r.status) resources.set(path, { type: r.type ?? 'text/html; charset=utf-8', body: Buffer.from(r.body) });
  }
  return {
    partner,
    catalogue,
    requests,
    times,
    userAgents,
    resources,
    close: async () => {
      await new Promise((r) => partnerServer.close(r));
      await new Promise((r) => catalogueServer.close(r));
    },
  };
}

/** The site as a browser's « save » leaves it: one file per path, index.html for folders. */
export async function saveAsFolder(site: TestSite, dir: string): Promise<void> {
  for (const [path, { body }] of site.resources) {
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }
}

/** The site as a web archive keeps it: one response record per URL, the redirect included. */
export async function saveAsWarc(site: TestSite, file: string): Promise<void> {
  const chunks: Uint8Array[] = [];
  const add = async (path: string, statusline: string, headers: Record<string, string>, body: Buffer) => {
    const record = WARCRecord.create({ url: new URL(path, site.partner).href, type: 'response', statusline, httpHeaders: headers }, [new Uint8Array(body)]);
    chunks.push(await WARCSerializer.serialize(record, { gzip: true }));
  };
  for (const [path, { type, body }] of site.resources) await add(path, 'HTTP/1.1 200 OK', { 'Content-Type': type }, body);
  await add('/ancien', 'HTTP/1.1 301 Moved Permanently', { Location: '/a-propos' }, Buffer.alloc(0));
  await writeFile(file, Buffer.concat(chunks));
}
