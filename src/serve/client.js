// The partner page's only script: remembers the category, sends each file to the server that
// runs on this computer, inserts the report section the server rendered (escaped there), and
// builds the downloadable report. It requests nothing but the server that served it.
'use strict';

const words = JSON.parse(document.getElementById('words').textContent);
const category = document.getElementById('category');
const input = document.getElementById('files');
const drop = document.getElementById('drop');
const progress = document.getElementById('progress');
const bar = document.getElementById('bar');
const status = document.getElementById('status');
const elapsed = document.getElementById('elapsed');
const results = document.getElementById('results');
const downloadReport = document.getElementById('download-report');
const artworkPng = document.getElementById('artwork-png');
const artworkSvg = document.getElementById('artwork-svg');

const STORAGE_KEY = 'logo-check.category';
/** What the downloadable report is made of: each file's result and pictures, as the server sent them. */
const entries = [];
let sectionId = 0;
let busy = false;
const queue = [];

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));

function showArtworkLinks() {
  const variant = category.value || category.options[1].value;
  artworkPng.href = `/artwork/${encodeURIComponent(variant)}.png`;
  artworkSvg.href = `/artwork/${encodeURIComponent(variant)}.svg`;
}

try {
  const remembered = localStorage.getItem(STORAGE_KEY);
  if (remembered !== null && [...category.options].some((o) => o.value === remembered)) category.value = remembered;
} catch {
  // Storage may be disabled; the choice is then simply not remembered.
}
showArtworkLinks();
category.addEventListener('change', () => {
  try {
    localStorage.setItem(STORAGE_KEY, category.value);
  } catch {
    // See above.
  }
  showArtworkLinks();
});

/** Reads the server's answer, a stream of JSON lines: progress, then the report section. */
async function readAnswer(response, onProgress) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let answer;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      if (!line) continue;
      const message = JSON.parse(line);
      if ('html' in message) answer = message;
      else onProgress(message);
    }
  }
  if (!answer) throw new Error('no answer');
  return answer;
}

async function analyse(file, i, n) {
  if (file.size > words.maxUploadBytes) {
    status.textContent = fill(words.failed, { name: file.name, reason: fill(words.tooLarge, { mb: Math.round(words.maxUploadBytes / 1048576) }) });
    return;
  }
  // What the partner reads while waiting; the seconds are counted beside it (not read aloud every
  // second), so a long PDF never looks stuck.
  let template = words.analysing;
  let pages = '';
  const started = Date.now();
  const show = () => {
    status.textContent = fill(template, { name: file.name, i, n, pages });
  };
  const tick = () => {
    elapsed.textContent = `${Math.round((Date.now() - started) / 1000)} s`;
  };
  show();
  tick();
  const ticking = setInterval(tick, 1000);
  const query = new URLSearchParams({ name: file.name, lang: words.lang, category: category.value, n: String(++sectionId) });
  let answer;
  try {
    const response = await fetch(`/api/check?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
    answer = await readAnswer(response, (message) => {
      if (message.pages !== undefined) [template, pages] = [words.pages, message.pages];
      else if (message.waiting !== undefined) template = words.waiting;
      show();
    });
  } catch {
    status.textContent = fill(words.failed, { name: file.name, reason: words.network });
    return;
  } finally {
    clearInterval(ticking);
    elapsed.textContent = '';
  }
  results.insertAdjacentHTML('beforeend', answer.html);
  entries.push({ result: answer.result, visuals: answer.visuals });
  downloadReport.disabled = false;
}

async function run() {
  if (busy) return;
  busy = true;
  progress.hidden = false;
  let done = 0;
  while (queue.length) {
    const total = done + queue.length;
    const file = queue.shift();
    bar.max = total;
    bar.value = done;
    await analyse(file, done + 1, total);
    done++;
    bar.value = done;
  }
  status.textContent = fill(words.done, { n: done });
  progress.hidden = true;
  busy = false;
}

function add(files) {
  queue.push(...files);
  run();
}

input.addEventListener('change', () => {
  add([...input.files]);
  input.value = '';
});
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  add([...event.dataTransfer.files]);
});

downloadReport.addEventListener('click', async () => {
  const query = new URLSearchParams({ lang: words.lang, category: category.value });
  const response = await fetch(`/api/report?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ entries }) });
  if (!response.ok) {
    status.textContent = await response.text();
    return;
  }
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = words.lang === 'fr' ? 'rapport-logo.html' : 'logo-report.html';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});
