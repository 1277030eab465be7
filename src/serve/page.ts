// The partner's page: choose a category, drop files, read the report, download the artwork and the
// report. Server-rendered in the partner's language; the one script (/app.js) only uploads and
// inserts the report sections the server renders, so everything a file says is escaped once, here.
import { DIFFERENCE_CSS, artworkCss, escapeHtml } from '../report/html.ts';
import { REPORT_CSS } from '../report/html-style.ts';
import type { Charter, Lang } from '../types.ts';
import type { Limits } from './limits.ts';

const PAGE_WORDS = {
  fr: {
    title: 'Vérifier le logo de mes documents',
    intro:
      'Déposez vos brochures, affiches ou images : logo-check vérifie que le logo « Entrepreneurs, faites le choix de l’économie numérique » y est utilisé sans modification, ajout ni suppression.',
    privacy: 'Vos fichiers sont analysés sur cet ordinateur, puis effacés aussitôt la réponse donnée. Rien n’est envoyé sur Internet.',
    other: 'English',
    otherHref: '/?lang=en',
    step1: '1. Votre catégorie',
    categoryLabel: 'Catégorie de votre offre (elle détermine la mention sous le logo)',
    categoryHint: 'Ce choix est retenu par votre navigateur.',
    noCategory: 'Je ne sais pas / pas de catégorie',
    step2: '2. Vos documents',
    drop: 'Déposez ici vos fichiers PDF ou images, ou choisissez-les :',
    choose: 'Choisir des fichiers',
    limits: (l: Limits) => `Jusqu’à ${Math.round(l.maxUploadBytes / 1048576)} Mo et ${l.maxPages} pages par fichier.`,
    step3: '3. À télécharger',
    artworkPng: 'Logo officiel (PNG)',
    artworkSvg: 'Logo officiel (SVG)',
    report: 'Le rapport (HTML)',
    results: 'Résultats',
    progress: 'Fichiers analysés',
    analysing: 'Envoi et analyse de « {name} » ({i} sur {n})…',
    waiting: '« {name} » ({i} sur {n}) attend son tour : une autre analyse est en cours…',
    pages: 'Analyse de « {name} » ({i} sur {n}) : {pages} page(s), analysées une à une…',
    done: 'Terminé : {n} fichier(s) analysé(s).',
    failed: 'La vérification de « {name} » n’a pas pu aboutir : {reason}',
    network: 'le serveur ne répond pas. Vérifiez que logo-check serve fonctionne toujours.',
    tooLarge: 'le fichier dépasse {mb} Mo.',
  },
  en: {
    title: 'Check the logo in my documents',
    intro:
      'Drop your brochures, posters or images: logo-check checks that the logo “Entrepreneurs, faites le choix de l’économie numérique” is used without any change, addition or removal.',
    privacy: 'Your files are analysed on this computer and deleted as soon as the answer is given. Nothing is sent to the Internet.',
    other: 'Français',
    otherHref: '/?lang=fr',
    step1: '1. Your category',
    categoryLabel: 'Category of your offer (it decides the badge under the logo)',
    categoryHint: 'Your browser remembers this choice.',
    noCategory: 'I do not know / no category',
    step2: '2. Your documents',
    drop: 'Drop your PDF files or images here, or choose them:',
    choose: 'Choose files',
    limits: (l: Limits) => `Up to ${Math.round(l.maxUploadBytes / 1048576)} MB and ${l.maxPages} pages per file.`,
    step3: '3. Downloads',
    artworkPng: 'Approved logo (PNG)',
    artworkSvg: 'Approved logo (SVG)',
    report: 'The report (HTML)',
    results: 'Results',
    progress: 'Files analysed',
    analysing: 'Sending and analysing “{name}” ({i} of {n})…',
    waiting: '“{name}” ({i} of {n}) waits for its turn: another analysis is running…',
    pages: 'Analysing “{name}” ({i} of {n}): {pages} page(s), one by one…',
    done: 'Done: {n} file(s) analysed.',
    failed: 'The check of “{name}” could not finish: {reason}',
    network: 'the server does not answer. Check that logo-check serve is still running.',
    tooLarge: 'the file is larger than {mb} MB.',
  },
};

const PAGE_CSS = `
.partner header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
.steps { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.steps h2 { font-size: 1.1rem; margin-bottom: 0.5rem; }
.steps select, .steps button, .steps input[type=file] { font: inherit; max-width: 100%; }
.steps select, .steps button { padding: 0.4rem 0.6rem; border: 1px solid #8c959f; border-radius: 0.4rem; background: #fff; }
.drop { border: 2px dashed #8c959f; border-radius: 0.5rem; padding: 1rem; }
.drop.over { border-color: #0969da; background: #ddf4ff; }
.downloads { list-style: none; padding: 0; margin: 0; }
.downloads li { margin: 0.4rem 0; }
.downloads a, .downloads button { display: inline-block; padding: 0.4rem 0.6rem; border: 1px solid #8c959f; border-radius: 0.4rem; background: #fff; color: #0550ae; text-decoration: none; cursor: pointer; }
.downloads button[disabled] { color: #8c959f; cursor: not-allowed; }
.hint { font-size: 0.9rem; color: var(--muted); margin: 0.25rem 0; }
progress { width: 100%; height: 1rem; }
`;

export function partnerPage(charter: Charter, lang: Lang, limits: Limits): string {
  const w = PAGE_WORDS[lang];
  const options = charter.badges
    .map((b) => `<option value="${escapeHtml(b.id)}">${escapeHtml(b.category[lang])} — « ${escapeHtml(b.text)} »</option>`)
    .join('');
  const artwork = artworkCss({ files: {}, artwork: Object.fromEntries(charter.badges.map((b) => [b.id, `/artwork/${b.id}.svg`])) });
  const first = charter.badges[0].id;
  // Read by /app.js; a JSON block is data, not script, so the CSP lets it be.
  const words = JSON.stringify({
    lang,
    analysing: w.analysing,
    waiting: w.waiting,
    pages: w.pages,
    done: w.done,
    failed: w.failed,
    network: w.network,
    tooLarge: w.tooLarge,
    maxUploadBytes: limits.maxUploadBytes,
  }).replace(/</g, '\\u003c');
  return [
    `<!DOCTYPE html>`,
    `<html lang="${lang}">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(w.title)}</title>`,
    `<style>${REPORT_CSS}\n${DIFFERENCE_CSS}\n${PAGE_CSS}\n${artwork}</style>`,
    `<script type="application/json" id="words">${words}</script>`,
    `<script src="/app.js" defer></script>`,
    `</head>`,
    `<body>`,
    `<main class="report partner">`,
    `<header><h1>${escapeHtml(w.title)}</h1><a href="${w.otherHref}" lang="${lang === 'fr' ? 'en' : 'fr'}">${escapeHtml(w.other)}</a></header>`,
    `<p>${escapeHtml(w.intro)}</p>`,
    `<p class="hint">${escapeHtml(w.privacy)}</p>`,
    `<section class="summary steps">`,
    `<div><h2>${escapeHtml(w.step1)}</h2>`,
    `<label for="category">${escapeHtml(w.categoryLabel)}</label><br>`,
    `<select id="category" name="category"><option value="">${escapeHtml(w.noCategory)}</option>${options}</select>`,
    `<p class="hint">${escapeHtml(w.categoryHint)}</p></div>`,
    `<div><h2>${escapeHtml(w.step2)}</h2>`,
    `<div class="drop" id="drop"><label for="files">${escapeHtml(w.drop)}</label><br>`,
    `<input type="file" id="files" name="files" multiple accept="application/pdf,image/*,.pdf,.png,.jpg,.jpeg,.tif,.tiff,.webp,.gif,.avif,.svg,.jp2"></div>`,
    `<p class="hint">${escapeHtml(w.limits(limits))}</p>`,
    `<div id="progress" hidden><progress id="bar" max="1" value="0" aria-label="${escapeHtml(w.progress)}"></progress></div>`,
    `<p id="status" role="status" aria-live="polite"></p><p id="elapsed" class="hint" aria-hidden="true"></p></div>`,
    `<div><h2>${escapeHtml(w.step3)}</h2><ul class="downloads">`,
    `<li><a id="artwork-png" href="/artwork/${escapeHtml(first)}.png" download>${escapeHtml(w.artworkPng)}</a></li>`,
    `<li><a id="artwork-svg" href="/artwork/${escapeHtml(first)}.svg" download>${escapeHtml(w.artworkSvg)}</a></li>`,
    `<li><button type="button" id="download-report" disabled>${escapeHtml(w.report)}</button></li>`,
    `</ul></div>`,
    `</section>`,
    `<h2 class="results-title">${escapeHtml(w.results)}</h2>`,
    `<div id="results"></div>`,
    `</main>`,
    `</body>`,
    `</html>`,
  ].join('\n');
}
