// What the crawl needs from one HTML page: where its links lead, which pictures it shows (<img>,
// inline <svg>, CSS background images) and its running text. Parsed with htmlparser2, as
// forgiving as browsers are of the HTML small businesses' sites are made of.
import { getAttributeValue, getOuterHTML, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';

export interface PageLink {
  /** Absolute, without its #fragment. */
  url: string;
  /** The words of the link, for the report's click path. */
  text: string;
}

export type PictureKind = 'img' | 'svg' | 'css';

export interface PagePicture {
  kind: PictureKind;
  /** Absolute URL of the picture; absent for an inline SVG. */
  url?: string;
  /** The SVG itself, for inline SVG. */
  svg?: string;
}

export interface PageContent {
  title: string;
  links: PageLink[];
  pictures: PagePicture[];
  /** Stylesheets the page links to, whose background images are pictures of the page too. */
  stylesheets: string[];
  /** Visible text, one line per block. */
  text: string;
}

/** Elements whose content is not running text. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const BLOCKS = new Set(['p', 'div', 'li', 'tr', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'td', 'th', 'dt', 'dd', 'table', 'ul', 'ol', 'nav', 'main', 'aside', 'blockquote', 'title']);
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/** An absolute http(s) URL without fragment, or undefined for mailto:, javascript:, bad URLs. */
export function resolveUrl(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/** url(…) references of a stylesheet or a style attribute, resolved against `base`. */
export function cssUrls(css: string, base: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => resolveUrl(m[2], base)).filter((u): u is string => u !== undefined);
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function visibleText(nodes: AnyNode[]): string {
  let text = '';
  const walk = (node: AnyNode) => {
    if (node.type === 'text') text += (node as unknown as { data: string }).data;
    if (!isElement(node)) return;
    if (HIDDEN.has(node.name)) return;
    if (BLOCKS.has(node.name)) text += '\n';
    if (node.name === 'img') text += ` ${getAttributeValue(node, 'alt') ?? ''} `;
    node.children.forEach(walk);
    if (BLOCKS.has(node.name)) text += '\n';
  };
  nodes.forEach(walk);
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export function readPage(html: string, pageUrl: string): PageContent {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  let base = pageUrl;
  const links: PageLink[] = [];
  const pictures: PagePicture[] = [];
  const stylesheets: string[] = [];
  let title = '';
  const walk = (node: AnyNode) => {
    if (!isElement(node)) return;
    const attr = (name: string) => getAttributeValue(node, name);
    switch (node.name) {
      case 'base': {
        const href = attr('href');
        if (href) base = resolveUrl(href, pageUrl) ?? base;
        break;
      }
      case 'title':
        title = textContent(node).trim();
        break;
      case 'a':
      case 'area': {
        const url = attr('href') ? resolveUrl(attr('href')!, base) : undefined;
        if (url) links.push({ url, text: textContent(node).replace(/\s+/g, ' ').trim() || (attr('title') ?? '') });
        break;
      }
      case 'img': {
        const url = attr('src') ? resolveUrl(attr('src')!, base) : undefined;
        if (url) pictures.push({ kind: 'img', url });
        break;
      }
      case 'svg':
        pictures.push({ kind: 'svg', svg: getOuterHTML(node, { xmlMode: true }) });
        return;
      case 'link':
        if ((attr('rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet') && attr('href')) {
          const url = resolveUrl(attr('href')!, base);
          if (url) stylesheets.push(url);
        }
        break;
      case 'style':
        for (const url of cssUrls(textContent(node), base)) pictures.push({ kind: 'css', url });
        return;
    }
    const style = attr('style');
    if (style) for (const url of cssUrls(style, base)) pictures.push({ kind: 'css', url });
    node.children.forEach(walk);
  };
  doc.children.forEach(walk);
  return { title, links, pictures, stylesheets, text: visibleText(doc.children) };
}
