// Hand-built results for formatter and CLI tests: one file of each kind a partner can meet —
// compliant, non-compliant with several findings, unreadable, and without any logo.
import type { BBox, ElementId, FileResult, Finding, Lang, LogoMeasurement, LogoResult, Report } from '../../types.ts';
import { summarise } from '../summary.ts';

/**
 * A plausible measurement. Formatters only pass it through, so it is cast rather than typed:
 * the measurement types keep growing while the inspectors are written, and these tests do not
 * depend on them.
 */
export function measurement(bbox: BBox): LogoMeasurement {
  const value = {
    detection: { bbox, homography: [1, 0, bbox[0], 0, 1, bbox[1], 0, 0, 1], confidence: 0.9, mirrored: false, anchor: 'at' },
    geometry: { widthPx: bbox[2], heightPx: bbox[3], aspectRatio: 1, skewDeg: 0, rotationDeg: 0, mirrored: false, perspective: 0 },
    elements: { at: element('at'), arrow: element('arrow'), tagline: element('tagline'), badge: element('badge') },
    monochrome: false,
    badge: { text: 'offre référencée', source: 'ocr', match: 'offre-referencee', similarity: 1, closest: 'offre-referencee' },
    tagline: { text: null, source: null, match: null, similarity: 0, closest: null },
    additions: [],
    clearSpace: { marginPx: 18, occupiedFraction: 0 },
    croppedEdges: [],
    visibleFraction: 1,
  };
  return value as unknown as LogoMeasurement;
}

function element(id: ElementId, likeness = 0.9) {
  return { id, visibleFraction: 1, likeness, present: likeness >= 0.35, colours: [] };
}

function logo(bbox: BBox, badge: string | null, confidence: number, findings: Finding[]): LogoResult {
  return { bbox, confidence, badge, findings, measurement: measurement(bbox) };
}

const MESSAGES = {
  fr: {
    colour: "La flèche rouge est d'une autre couleur : ΔE2000 = 14.2 du rouge de la charte (tolérance 10).",
    colourFix: "Reprenez la flèche dans le fichier officiel du logo, sans changer sa couleur.",
    addition: "Une marque étrangère couvre 3 % du logo.",
    additionFix: "Retirez ce qui a été ajouté sur le logo ; seul votre propre logo peut l'accompagner.",
    // A waived finding's message already says why, as the rule engine words it.
    minSize:
      'Le logo mesure 18 mm de large (minimum 25 mm). ' +
      "Admis pour le support « petit écran (mobile, bannière) », car un petit écran ne peut pas afficher le logo à sa taille minimale d'impression.",
    period: "Le document est daté du 2009-02-01, après la fin de l'opération (2008-12-31).",
    periodFix: 'Retirez le logo des documents produits après le 31 décembre 2008.',
    badge: 'La mention de catégorie est illisible.',
    unreadable: 'Le fichier est endommagé et ne peut pas être ouvert.',
  },
  en: {
    colour: 'The red arrow has another colour: ΔE2000 = 14.2 from the charter red (tolerance 10).',
    colourFix: 'Take the arrow from the official logo file, without changing its colour.',
    addition: 'A foreign mark covers 3% of the logo.',
    additionFix: 'Remove what was added on the logo; only your own logo may stand beside it.',
    minSize:
      'The logo is 18 mm wide (minimum 25 mm). ' +
      'Allowed for the medium “small screen (mobile, banner)” because a small screen cannot show the logo at its minimum print size.',
    period: 'The document is dated 2009-02-01, after the end of the operation (2008-12-31).',
    periodFix: 'Remove the logo from documents produced after 31 December 2008.',
    badge: 'The category badge cannot be read.',
    unreadable: 'The file is damaged and cannot be opened.',
  },
};

export function passingFile(): FileResult {
  return {
    path: 'samples/flyer ok.png',
    status: 'pass',
    kind: 'png',
    pages: [{ page: 1, width: 1000, height: 1400, logos: [logo([640, 40, 320, 120], 'offre-referencee', 0.96, [])] }],
    findings: [],
  };
}

export function failingFile(lang: Lang): FileResult {
  const m = MESSAGES[lang];
  return {
    path: 'samples/brochure.pdf',
    status: 'fail',
    kind: 'pdf',
    date: '2009-02-01',
    pages: [
      { page: 1, width: 1240, height: 1754, logos: [] },
      {
        page: 2,
        width: 1240,
        height: 1754,
        logos: [
          logo([60.4, 1200, 400, 150], 'offre-referencee', 0.874, [
            { rule: 'colour', kind: 'modification', severity: 'error', article: 'Article X', message: m.colour, fix: m.colourFix, element: 'arrow', measured: 14.2, expected: 10 },
            { rule: 'addition', kind: 'addition', severity: 'warning', article: 'Article X', message: m.addition, fix: m.additionFix, measured: 0.03, expected: 0.004 },
            { rule: 'min-size', kind: 'placement', severity: 'warning', article: 'Article X', message: m.minSize, measured: 18, expected: 25, waivedBy: 'small-screen' },
          ]),
          logo([900, 60, 300, 110], null, 0.61, [
            { rule: 'badge-text', kind: 'modification', severity: 'warning', article: 'Article II', message: m.badge, element: 'badge', measured: null, expected: 'offre référencée' },
          ]),
        ],
      },
    ],
    findings: [
      { rule: 'period', kind: 'period', severity: 'error', article: 'Article IX', message: m.period, fix: m.periodFix, measured: '2009-02-01', expected: '2008-12-31' },
    ],
  };
}

export function unreadableFile(lang: Lang): FileResult {
  return {
    path: 'samples/scan.tif',
    status: 'error',
    error: { code: 'DECODE_FAILED', message: MESSAGES[lang].unreadable },
    pages: [],
    findings: [],
  };
}

export function fileWithoutLogo(): FileResult {
  return {
    path: 'samples/photo.jpg',
    status: 'pass',
    kind: 'jpeg',
    pages: [{ page: 1, width: 800, height: 600, logos: [] }],
    findings: [],
  };
}

export function sampleReport(lang: Lang, options: Partial<Report['options']> = {}): Report {
  const files = [passingFile(), failingFile(lang), unreadableFile(lang), fileWithoutLogo()];
  return {
    tool: { name: 'logo-check', version: '0.1.0' },
    charter: { id: 'econumerique-2006', name: "Entrepreneurs, faites le choix de l'économie numérique" },
    options: { lang, ...options },
    files,
    summary: summarise(files),
  };
}
