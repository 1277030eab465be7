import { describe, expect, it } from 'vitest';
import { loadCharter } from '../charter/load.ts';
import type { Report } from '../types.ts';
import { summarise } from './summary.ts';
import { positionInWords, text } from './text.ts';
import { failingFile, passingFile, sampleReport } from './testing/fixtures.ts';

const charter = await loadCharter();

describe('text report of a batch', () => {
  it('says which share of the files a --shard run covered', () => {
    expect(text(sampleReport('fr', { shard: '2/4' }), { color: false, charter }).split('\n')[1]).toBe('Part des fichiers : 2/4');
    expect(text(sampleReport('en', { shard: '2/4' }), { color: false, charter }).split('\n')[1]).toBe('Share of the files: 2/4');
  });

  it('says an interrupted run is incomplete, next to the totals', () => {
    const report = sampleReport('en');
    report.summary = summarise(report.files, 7);
    const lines = text(report, { color: false, charter }).split('\n');
    expect(lines.at(-4)).toBe('⚠ Check interrupted: 7 of 11 files not checked; this report holds only what finished (with --cache, running the same command again resumes where it stopped)');
  });
});

describe('text report in French (the default)', () => {
  it('groups by file, places each logo in words and says how to fix each finding', () => {
    const report = sampleReport('fr', { category: 'offre-referencee', medium: 'small-screen', asOf: '2007-01-01' });
    expect(text(report, { color: false, charter })).toBe(
      [
        "logo-check 0.1.0 — charte « Entrepreneurs, faites le choix de l'économie numérique » (econumerique-2006)",
        'Catégorie déclarée : « offre référencée » · support : petit écran (mobile, bannière) · date de référence : 2007-01-01',
        '',
        '✔ samples/flyer ok.png — conforme',
        '  Logo 1 · en haut à droite (x 640, y 40 ; 320 × 120 px)',
        '    Mention « offre référencée » · confiance 96 %',
        '    ✔ aucun problème',
        '',
        '✘ samples/brochure.pdf — non conforme',
        '  Logo 1 · page 2, en bas à gauche (x 60, y 1200 ; 400 × 150 px)',
        '    Mention « offre référencée » · confiance 87 %',
        "    ✘ erreur — La flèche rouge est d'une autre couleur : ΔE2000 = 14.2 du rouge de la charte (tolérance 10). [Article X, règle colour]",
        '      Comment corriger : Reprenez la flèche dans le fichier officiel du logo, sans changer sa couleur.',
        '    ⚠ avertissement — Une marque étrangère couvre 3 % du logo. [Article X, règle addition]',
        "      Comment corriger : Retirez ce qui a été ajouté sur le logo ; seul votre propre logo peut l'accompagner.",
        '    ℹ info — Le logo mesure 18 mm de large (minimum 25 mm). ' +
          "Admis pour le support « petit écran (mobile, bannière) », car un petit écran ne peut pas afficher le logo à sa taille minimale d'impression. " +
          '[Article X, règle min-size]',
        '  Logo 2 · page 2, en haut à droite (x 900, y 60 ; 300 × 110 px)',
        '    Mention non reconnue · confiance 61 %',
        '    ⚠ avertissement — La mention de catégorie est illisible. [Article II, règle badge-text]',
        '  Document :',
        "    ✘ erreur — Le document est daté du 2009-02-01, après la fin de l'opération (2008-12-31). [Article IX, règle period]",
        '      Comment corriger : Retirez le logo des documents produits après le 31 décembre 2008.',
        '',
        '⚠ samples/scan.tif — illisible [code DECODE_FAILED]',
        '  Le fichier est endommagé et ne peut pas être ouvert.',
        '',
        '○ samples/photo.jpg — aucun logo trouvé',
        '',
        'Résumé : 4 fichiers analysés — 2 conformes (dont 1 sans logo), 1 non conforme, 1 illisible',
        '         3 logos trouvés — 2 erreurs, 2 avertissements',
      ].join('\n'),
    );
  });

  it('names badges and media by id when no charter is given', () => {
    const out = text(sampleReport('fr', { medium: 'small-screen' }), { color: false });
    expect(out).toContain('    Mention « offre-referencee » · confiance 96 %');
    expect(out).toContain('Support : small-screen');
  });

  it('says why a finding is waived once, in the words of the rule engine', () => {
    const out = text(sampleReport('fr', { medium: 'small-screen' }), { color: false, charter });
    expect(out.match(/support « petit écran/g)).toHaveLength(1);
    expect(out).not.toMatch(/dérogation/i);
  });

  it('says a file with document findings but no logo fails and has no logo', () => {
    const file = failingFile('fr');
    file.pages = [{ page: 1, width: 100, height: 100, logos: [] }];
    const report: Report = { ...sampleReport('fr'), files: [file], summary: summarise([file]) };
    const out = text(report, { color: false });
    expect(out).toContain('✘ samples/brochure.pdf — non conforme\n  Aucun logo trouvé.\n  Document :\n');
    expect(out).toContain('Résumé : 1 fichier analysé — 0 conforme, 1 non conforme, 0 illisible\n         0 logo trouvé — 1 erreur, 0 avertissement');
  });
});

describe('text report in English', () => {
  it('uses the same layout with English words', () => {
    expect(text(sampleReport('en'), { color: false })).toBe(
      [
        "logo-check 0.1.0 — charter “Entrepreneurs, faites le choix de l'économie numérique” (econumerique-2006)",
        '',
        '✔ samples/flyer ok.png — compliant',
        '  Logo 1 · top right (x 640, y 40; 320 × 120 px)',
        '    Badge “offre-referencee” · confidence 96%',
        '    ✔ no problem found',
        '',
        '✘ samples/brochure.pdf — not compliant',
        '  Logo 1 · page 2, bottom left (x 60, y 1200; 400 × 150 px)',
        '    Badge “offre-referencee” · confidence 87%',
        '    ✘ error — The red arrow has another colour: ΔE2000 = 14.2 from the charter red (tolerance 10). [Article X, rule colour]',
        '      How to fix: Take the arrow from the official logo file, without changing its colour.',
        '    ⚠ warning — A foreign mark covers 3% of the logo. [Article X, rule addition]',
        '      How to fix: Remove what was added on the logo; only your own logo may stand beside it.',
        '    ℹ info — The logo is 18 mm wide (minimum 25 mm). ' +
          'Allowed for the medium “small screen (mobile, banner)” because a small screen cannot show the logo at its minimum print size. ' +
          '[Article X, rule min-size]',
        '  Logo 2 · page 2, top right (x 900, y 60; 300 × 110 px)',
        '    Badge not recognised · confidence 61%',
        '    ⚠ warning — The category badge cannot be read. [Article II, rule badge-text]',
        '  Document:',
        '    ✘ error — The document is dated 2009-02-01, after the end of the operation (2008-12-31). [Article IX, rule period]',
        '      How to fix: Remove the logo from documents produced after 31 December 2008.',
        '',
        '⚠ samples/scan.tif — unreadable [code DECODE_FAILED]',
        '  The file is damaged and cannot be opened.',
        '',
        '○ samples/photo.jpg — no logo found',
        '',
        'Summary: 4 files checked — 2 compliant (1 without any logo), 1 not compliant, 1 unreadable',
        '         3 logos found — 2 errors, 2 warnings',
      ].join('\n'),
    );
  });

  it('lets the context override the language of the report', () => {
    expect(text(sampleReport('fr'), { color: false, lang: 'en' })).toContain('✔ samples/flyer ok.png — compliant');
  });

  it('counts with English plurals', () => {
    const files = [passingFile()];
    const report: Report = { ...sampleReport('en'), files, summary: summarise(files) };
    expect(text(report, { color: false })).toMatch(/Summary: 1 file checked — 1 compliant, 0 not compliant, 0 unreadable\n {9}1 logo found — 0 errors, 0 warnings$/);
  });
});

describe('colour', () => {
  it('uses no escape sequence when colour is off', () => {
    expect(text(sampleReport('fr'), { color: false })).not.toContain('\u001b[');
  });

  it('colours status marks and severities when colour is on, and only adds escapes', () => {
    const coloured = text(sampleReport('fr'), { color: true });
    expect(coloured).toContain('\u001b[32m✔\u001b[39m \u001b[1msamples/flyer ok.png\u001b[22m — \u001b[32mconforme\u001b[39m');
    expect(coloured).toContain('\u001b[31m✘ erreur\u001b[39m');
    expect(coloured).toContain('\u001b[33m⚠ avertissement\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(text(sampleReport('fr'), { color: false }));
  });
});

describe('positionInWords', () => {
  it.each<[[number, number, number, number], string, string]>([
    [[0, 0, 100, 100], 'en haut à gauche', 'top left'],
    [[450, 0, 100, 100], 'en haut au centre', 'top centre'],
    [[900, 0, 100, 100], 'en haut à droite', 'top right'],
    [[0, 450, 100, 100], 'au milieu à gauche', 'middle left'],
    [[450, 450, 100, 100], 'au centre', 'centre'],
    [[900, 450, 100, 100], 'au milieu à droite', 'middle right'],
    [[0, 900, 100, 100], 'en bas à gauche', 'bottom left'],
    [[450, 900, 100, 100], 'en bas au centre', 'bottom centre'],
    [[900, 900, 100, 100], 'en bas à droite', 'bottom right'],
    // A logo cut by the page edge still has a place on the page.
    [[-80, 1050, 100, 100], 'en bas à gauche', 'bottom left'],
  ])('%j on a 1000 × 1000 page: %s / %s', (bbox, fr, en) => {
    expect(positionInWords(bbox, 1000, 1000, 'fr')).toBe(fr);
    expect(positionInWords(bbox, 1000, 1000, 'en')).toBe(en);
  });
});
