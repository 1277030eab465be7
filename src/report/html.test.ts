import { describe, expect, it } from 'vitest';
import { loadCharter } from '../charter/load.ts';
import type { Report } from '../types.ts';
import { escapeHtml, html, outlineOf, verdictOf } from './html.ts';
import type { ReportVisuals } from './html-visuals.ts';
import { rules } from '../rules/index.ts';
import { hasPlainWords } from './html-words.ts';
import { formatters } from './index.ts';
import { summarise } from './summary.ts';
import { failingFile, fileWithoutLogo, passingFile, sampleReport, unreadableFile } from './testing/fixtures.ts';

const charter = await loadCharter();
const PIXEL = 'data:image/webp;base64,UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==';

function reportOf(files: Report['files'], lang: 'fr' | 'en' = 'fr'): Report {
  return { ...sampleReport(lang), files, summary: summarise(files) };
}

describe('HTML report', () => {
  it('is registered as a format', () => {
    expect(formatters.html).toBe(html);
  });

  it('is one self-contained page that forbids itself scripts and any request', () => {
    const out = html(sampleReport('fr'), { color: false, charter });
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(out).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:;`);
    expect(out).not.toMatch(/<script|<link|https?:\/\/|src="(?!data:)/);
  });

  it('gives a summary of verdicts and problems by kind, and filters by verdict and by rule', () => {
    const out = html(sampleReport('fr'), { color: false, charter });
    expect(out).toContain('<li><strong>4</strong>Fichiers analysés</li>');
    expect(out).toContain('<li><strong>1</strong>Non conforme</li>');
    expect(out).toContain('<li><strong>1</strong>Illisible</li>');
    expect(out).toContain('<li><strong>1</strong>Aucun logo trouvé</li>');
    // min-size is waived for the medium: an information, not a problem.
    expect(out).toContain('<li><strong>2</strong>modifications</li>');
    expect(out).toContain('<input type="radio" name="verdict" id="show-fail">');
    expect(out).toContain('<label><input type="radio" name="rule" id="rule-colour"> couleurs (1) — colour</label>');
    expect(out).toContain('body:has(#rule-colour:checked) .file:not(.r-colour) { display: none; }');
    expect(out).toMatch(/<article class="file v-fail r-period r-colour r-addition r-min-size r-badge-text"/);
  });

  it('outlines each logo where its box is, numbered, red for an error, amber for warnings only, green otherwise', () => {
    const out = html(sampleReport('fr'), { color: false, charter });
    expect(out).toContain('<svg viewBox="0 0 1240 1754" preserveAspectRatio="none" aria-hidden="true">');
    expect(out).toContain('<rect class="outline fail" data-logo="1" x="60.4" y="1200" width="400" height="150"/>');
    expect(out).toContain('<rect class="outline warn" data-logo="2" x="900" y="60" width="300" height="110"/>');
    expect(out).toContain('<rect class="outline pass" data-logo="1" x="640" y="40" width="320" height="120"/>');
    const file = failingFile('fr');
    expect(file.pages[1].logos.map(outlineOf)).toEqual(['fail', 'warn']);
    // Marks added on a logo are outlined apart; the partner's own logo is not.
    file.pages[1].logos[0].measurement.additions = [
      { bbox: [300, 1210, 40, 30], areaFraction: 0.02, partnerLogo: false, confidence: 1 },
      { bbox: [500, 1210, 60, 60], areaFraction: 0.06, partnerLogo: true, confidence: 1 },
    ];
    const marked = html(reportOf([file]), { color: false, charter });
    expect(marked).toContain('<rect class="mark" x="300" y="1210" width="40" height="30"/>');
    expect(marked).not.toContain('x="500"');
  });

  it('says each finding in plain words, why it matters and how to fix it, measured values in a details line', () => {
    const out = html(sampleReport('fr'), { color: false, charter });
    expect(out).toContain('La couleur de l&#39;élément « flèche rouge » a été changée.');
    expect(out).toContain('Les conditions d’utilisation interdisent toute modification');
    expect(out).toContain('<strong>Comment corriger :</strong> Reprenez la flèche dans le fichier officiel du logo');
    expect(out).toContain('<p class="details">Détails : La flèche rouge est d&#39;une autre couleur : ΔE2000 = 14.2');
  });

  it('translates what an unreadable file means from its error code, and keeps the technical words', () => {
    const file = unreadableFile('en');
    file.error = { code: 'encrypted', message: 'x.pdf: is encrypted' };
    const fr = html(reportOf([file]), { color: false, charter });
    expect(fr).toContain('Le PDF est protégé par un mot de passe.');
    expect(fr).toContain('Détail technique : x.pdf: is encrypted [encrypted]');
    const en = html(reportOf([file], 'en'), { color: false, lang: 'en', charter });
    expect(en).toContain('The PDF is protected by a password.');
    expect(en).toContain('<html lang="en">');
  });

  it('escapes every text that comes from a file', () => {
    const file = failingFile('fr');
    file.path = '<img src=x onerror=alert(1)>.pdf';
    file.pages[1].logos[0].findings[0].message = 'texte lu : « <script>alert(1)</script> »';
    const out = html(reportOf([file]), { color: false, charter });
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;.pdf');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).not.toContain('<script>');
    expect(escapeHtml(`a"b'c&`)).toBe('a&quot;b&#39;c&amp;');
  });

  it('has a plain headline and a short name for every rule of the registry, in French and English', () => {
    expect(rules.map((r) => r.meta.id).filter((id) => !hasPlainWords(id))).toEqual([]);
  });

  it('tells a file without any logo from a compliant one', () => {
    expect(verdictOf(fileWithoutLogo())).toBe('none');
    expect(verdictOf(passingFile())).toBe('pass');
  });

  it('draws a blank page of the right proportions when there is no picture, and inlines pictures when given', () => {
    const without = html(reportOf([passingFile()]), { color: false, charter });
    expect(without).toContain('style="aspect-ratio:1000 / 1400"');
    const visuals: ReportVisuals = {
      files: {
        'samples/flyer ok.png': {
          thumbnails: { 1: { uri: PIXEL, width: 457, height: 640 } },
          logos: { '1:0': { upright: { uri: PIXEL, width: 400, height: 150 }, difference: { uri: PIXEL, width: 400, height: 150 }, shares: { added: 0.012, removed: 0, changed: 0.3 }, variant: 'offre-referencee' } },
        },
      },
      artwork: { 'offre-referencee': 'data:image/svg+xml;base64,PHN2Zy8+' },
    };
    const out = html(reportOf([passingFile()]), { color: false, charter, visuals });
    expect(out).toContain(`<img src="${PIXEL}" width="457" height="640" alt="Page 1, logos entourés et numérotés">`);
    expect(out).toContain('alt="Logo 1 tel qu’il apparaît dans le document, redressé"');
    expect(out).toContain('.art-offre-referencee { background-image: url("data:image/svg+xml;base64,PHN2Zy8+"); }');
    expect(out).toContain('aria-label="Logo officiel avec la mention « offre référencée »"');
    expect(out).toContain('couleur changée 30 %');
  });
});
