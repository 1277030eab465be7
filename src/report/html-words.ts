// What the HTML report and the partner's page say, in French and English. A partner reads a
// headline in plain words, why it matters (the article of the terms, said simply) and how to fix
// it; the checker's own message with its measured values goes to a details line for auditors.
import type { Charter, Finding, FindingKind, Lang } from '../types.ts';

type ElementName = (finding: Finding) => string;

/** Plain headline per rule id; the element is named the way the charter names it. */
const HEADLINES: Record<Lang, Record<string, (el: string) => string>> = {
  fr: {
    colour: (el) => `La couleur ${el ? `de l'élément « ${el} » ` : ''}a été changée.`,
    distortion: () => 'Le logo est déformé : étiré, écrasé ou penché.',
    rotation: () => 'Le logo est tourné.',
    mirror: () => 'Le logo est retourné, comme dans un miroir.',
    'badge-text': () => 'Le texte de la mention (sous le logo) a été modifié.',
    'badge-category': () => 'La mention ne correspond pas à votre catégorie.',
    'tagline-text': () => 'La phrase « Entrepreneurs, faites le choix de l’économie numérique » a été modifiée.',
    'missing-element': (el) => `Un élément du logo a été supprimé${el ? ` : « ${el} »` : ''}.`,
    cropped: () => 'Le logo est coupé par le bord de la page.',
    addition: () => 'Quelque chose a été ajouté sur le logo.',
    'min-size': () => 'Le logo est imprimé trop petit.',
    'clear-space': () => 'D’autres éléments empiètent sur l’espace libre autour du logo.',
    validity: () => 'Le document est daté en dehors de la période de l’opération.',
    unverifiable: () => 'Ce point n’a pas pu être vérifié sur ce fichier.',
    documentation: () => 'La documentation de l’offre ne précise pas tout ce que les conditions demandent (prix, frais, durée, options…).',
    'name-text': () => 'Le nom de l’opération est mal écrit dans le texte.',
    'offer-depth': () => 'Votre offre est difficile à trouver sur votre site.',
    'catalogue-link': () => 'La page de votre offre ne permet pas de revenir au catalogue de l’opération en 2 clics.',
  },
  en: {
    colour: (el) => `The colour ${el ? `of the ${el} ` : ''}was changed.`,
    distortion: () => 'The logo is distorted: stretched, squashed or slanted.',
    rotation: () => 'The logo is rotated.',
    mirror: () => 'The logo is flipped, as in a mirror.',
    'badge-text': () => 'The badge text (under the logo) was changed.',
    'badge-category': () => 'The badge does not match your category.',
    'tagline-text': () => 'The tagline “Entrepreneurs, faites le choix de l’économie numérique” was changed.',
    'missing-element': (el) => `A part of the logo was removed${el ? `: the ${el}` : ''}.`,
    cropped: () => 'The logo is cut by the edge of the page.',
    addition: () => 'Something was added on the logo.',
    'min-size': () => 'The logo is printed too small.',
    'clear-space': () => 'Other content crowds the free space around the logo.',
    validity: () => 'The document is dated outside the operation’s period.',
    unverifiable: () => 'This could not be checked on this file.',
    documentation: () => 'The offer documentation does not state everything the terms ask for (prices, costs, duration, options…).',
    'name-text': () => 'The operation’s name is written wrong in the text.',
    'offer-depth': () => 'Your offer is hard to find on your site.',
    'catalogue-link': () => 'Your offer page does not lead back to the operation’s catalogue within 2 clicks.',
  },
};

/** Short names of the rules, for the filters; the id stays beside for auditors. */
const RULE_LABELS: Record<Lang, Record<string, string>> = {
  fr: {
    colour: 'couleurs',
    distortion: 'déformation',
    rotation: 'rotation',
    mirror: 'effet miroir',
    'badge-text': 'texte de la mention',
    'badge-category': 'mention d’une autre catégorie',
    'tagline-text': 'texte de la dénomination',
    'missing-element': 'élément supprimé',
    cropped: 'logo coupé',
    addition: 'ajout sur le logo',
    'min-size': 'taille minimale',
    'clear-space': 'espace libre',
    validity: 'date du document',
    unverifiable: 'non vérifiable',
    documentation: 'documentation de l’offre',
    'name-text': 'nom de l’opération',
    'offer-depth': 'offre trop loin de l’accueil',
    'catalogue-link': 'retour au catalogue',
  },
  en: {
    colour: 'colours',
    distortion: 'distortion',
    rotation: 'rotation',
    mirror: 'mirrored',
    'badge-text': 'badge text',
    'badge-category': 'badge of another category',
    'tagline-text': 'tagline text',
    'missing-element': 'part removed',
    cropped: 'logo cut',
    addition: 'addition on the logo',
    'min-size': 'minimum size',
    'clear-space': 'free space',
    validity: 'document date',
    unverifiable: 'could not be checked',
    documentation: 'offer documentation',
    'name-text': 'operation’s name',
    'offer-depth': 'offer far from the home page',
    'catalogue-link': 'back to the catalogue',
  },
};

/** Whether a rule has its plain headline and short name in every language (the registry test asks). */
export function hasPlainWords(rule: string): boolean {
  return (['fr', 'en'] as const).every((lang) => HEADLINES[lang][rule] !== undefined && RULE_LABELS[lang][rule] !== undefined);
}

export function ruleLabel(rule: string, lang: Lang): string {
  return RULE_LABELS[lang][rule] ?? rule;
}

/** Why it matters: the clause each rule enforces, said simply. */
const WHY: Record<Lang, Record<string, string>> = {
  fr: {
    alteration:
      'Les conditions d’utilisation interdisent toute modification, tout ajout (autre que votre propre logo) et toute suppression d’un élément du logo : le droit de l’utiliser prend fin de plein droit (article X).',
    category: 'La mention sous le logo dépend de la catégorie de votre offre ; celle d’une autre catégorie induirait vos clients en erreur (article II).',
    placement: 'La charte graphique fixe une taille minimale et un espace libre autour du logo pour qu’il reste lisible (article X et charte graphique).',
    period: 'Le droit d’utiliser le logo ne dure que le temps de l’opération, jusqu’au 31 décembre 2008 (article IX).',
    unverified: 'Ce n’est pas une infraction : la qualité du fichier ne permet pas de conclure. Un fichier plus net (PDF d’origine, image plus grande) permettrait la vérification.',
    documentation: 'Vos clients doivent pouvoir décider en connaissance de cause : la documentation de l’offre précise les prix, les frais annexes, la durée, les offres de base et les options (annexe 2.2), la garantie et l’unité de base (article VII).',
    name: 'Le nom de l’opération ne s’utilise que tel qu’il est approuvé (article II).',
    site: 'Votre offre doit être facile à trouver sur votre site, et la page liée depuis le catalogue doit permettre d’y revenir en 2 clics au plus (article VIII).',
  },
  en: {
    alteration:
      'The terms of use forbid any modification, any addition (other than your own logo) and any removal of a part of the logo: the right to use it ends automatically (Article X).',
    category: 'The badge under the logo depends on the category of your offer; another category’s badge would mislead your customers (Article II).',
    placement: 'The graphic charter sets a minimum size and a free space around the logo so that it stays legible (Article X and the graphic charter).',
    period: 'The right to use the logo only lasts as long as the operation, until 31 December 2008 (Article IX).',
    unverified: 'This is not a breach: the file’s quality does not allow a conclusion. A sharper file (the original PDF, a larger image) would allow the check.',
    documentation: 'Your customers must be able to decide knowingly: the offer documentation states prices, extra costs, duration, base offers and options (Annex 2.2), guarantee and base unit (Article VII).',
    name: 'The operation’s name is only used as approved (Article II).',
    site: 'Your offer must be easy to find on your site, and the page the catalogue links to must lead back to it within 2 clicks (Article VIII).',
  },
};

function whyKey(finding: Finding): keyof (typeof WHY)['fr'] {
  if (finding.rule === 'badge-category') return 'category';
  if (finding.rule === 'name-text') return 'name';
  const byKind: Record<FindingKind, keyof (typeof WHY)['fr']> = {
    modification: 'alteration',
    addition: 'alteration',
    deletion: 'alteration',
    placement: 'placement',
    period: 'period',
    unverified: 'unverified',
    documentation: 'documentation',
    site: 'site',
  };
  return byKind[finding.kind] ?? 'alteration';
}

export function headline(finding: Finding, lang: Lang, charter?: Charter): string {
  const el: ElementName = (f) => (f.element ? (charter?.elements[f.element]?.name[lang] ?? f.element) : '');
  const plain = HEADLINES[lang][finding.rule];
  return plain ? plain(el(finding)) : finding.message;
}

export function why(finding: Finding, lang: Lang): string {
  return WHY[lang][whyKey(finding)];
}

/** What an unreadable file's error code means for a shop owner, and what to do. */
const FILE_ERRORS: Record<Lang, Record<string, string>> = {
  fr: {
    'not-found': 'Le fichier est introuvable. Vérifiez son nom et son emplacement.',
    unreadable: 'Le fichier ne peut pas être lu. Vérifiez qu’il n’est pas ouvert dans un autre logiciel, puis réessayez.',
    'unsupported-format': 'Ce type de fichier n’est pas pris en charge. Envoyez un PDF ou une image (PNG, JPEG, TIFF, WebP…).',
    corrupt: 'Le fichier est endommagé et ne peut pas être ouvert. Enregistrez-le ou exportez-le de nouveau depuis le logiciel qui l’a créé.',
    encrypted: 'Le PDF est protégé par un mot de passe. Enregistrez une copie sans protection, puis réessayez.',
    'too-large': 'Le fichier est trop grand pour être analysé. Exportez-le en résolution plus basse ou en moins de pages.',
    'too-complex': 'Une page du document est trop complexe pour être analysée (des centaines de milliers de formes vectorielles). Aplatissez-la en image, puis réessayez.',
    timeout: 'L’analyse a pris trop de temps. Essayez avec un fichier plus léger (moins de pages, résolution plus basse).',
    empty: 'Le fichier est vide (0 octet). Envoyez le fichier complet.',
    'too-many-pages': 'Le document a trop de pages pour être analysé ici. Envoyez les pages qui portent le logo.',
    busy: 'Trop d’analyses sont en cours. Réessayez dans un instant.',
  },
  en: {
    'not-found': 'The file cannot be found. Check its name and where it is.',
    unreadable: 'The file cannot be read. Check that no other program holds it open, then try again.',
    'unsupported-format': 'This type of file is not supported. Send a PDF or an image (PNG, JPEG, TIFF, WebP…).',
    corrupt: 'The file is damaged and cannot be opened. Save or export it again from the program that made it.',
    encrypted: 'The PDF is protected by a password. Save a copy without protection, then try again.',
    'too-large': 'The file is too large to analyse. Export it at a lower resolution or with fewer pages.',
    'too-complex': 'A page of the document is too complex to analyse (hundreds of thousands of vector shapes). Flatten it to an image, then try again.',
    timeout: 'The analysis took too long. Try a lighter file (fewer pages, lower resolution).',
    empty: 'The file is empty (0 bytes). Send the complete file.',
    'too-many-pages': 'The document has too many pages to analyse here. Send the pages that carry the logo.',
    busy: 'Too many analyses are running. Try again in a moment.',
  },
};

export function fileErrorInWords(code: string, lang: Lang): string {
  const key = code.toLowerCase().replace(/_/g, '-');
  return (
    FILE_ERRORS[lang][key] ??
    (lang === 'fr' ? 'Le fichier n’a pas pu être analysé. Les détails techniques sont ci-dessous.' : 'The file could not be analysed. The technical details are below.')
  );
}

export const WORDS = {
  fr: {
    title: 'Rapport de conformité du logo',
    colon: ' :',
    charter: 'Charte',
    generated: (tool: string) => `Établi par ${tool}`,
    category: 'Catégorie déclarée',
    medium: 'Support',
    asOf: 'Date de référence',
    summary: 'Résumé',
    files: 'Fichiers analysés',
    pass: 'Conforme',
    fail: 'Non conforme',
    error: 'Illisible',
    noLogo: 'Aucun logo trouvé',
    logos: 'Logos trouvés',
    errors: 'Problèmes',
    warnings: 'Avertissements',
    byKind: 'Problèmes par nature',
    kinds: {
      modification: 'modifications',
      addition: 'ajouts',
      deletion: 'suppressions',
      placement: 'taille et espace libre',
      period: 'dates',
      unverified: 'points non vérifiables',
      documentation: 'documentation de l’offre',
      site: 'site internet',
    } as Record<FindingKind, string>,
    show: 'Afficher les fichiers',
    showAll: 'tous',
    byRule: 'Afficher par problème',
    allRules: 'tous les problèmes',
    page: 'Page',
    pageAlt: (n: number) => `Page ${n}, logos entourés et numérotés`,
    logo: 'Logo',
    found: 'Logo trouvé (redressé)',
    approved: 'Logo officiel',
    approvedAlt: (text: string) => `Logo officiel avec la mention « ${text} »`,
    foundAlt: (n: number) => `Logo ${n} tel qu’il apparaît dans le document, redressé`,
    difference: 'Différences',
    differenceAlt: (n: number) => `Différences entre le logo ${n} et le logo officiel`,
    added: 'ajouté',
    removed: 'supprimé',
    changed: 'couleur changée',
    offPage: 'hors de la page',
    colours: 'Couleurs mesurées / attendues',
    measured: 'mesurée',
    expected: 'attendue',
    noProblem: 'Aucun problème : ce logo respecte la charte.',
    whyLabel: 'Pourquoi :',
    fixLabel: 'Comment corriger :',
    details: 'Détails',
    rule: 'règle',
    confidence: 'confiance',
    measuredValue: 'mesuré',
    expectedValue: 'attendu',
    document: 'Document',
    noPicture: 'Image non disponible',
    severity: { error: 'Problème', warning: 'Attention', info: 'Information' },
    position: 'Position',
    badge: 'Mention',
    noBadge: 'mention non reconnue',
    technical: 'Détail technique',
    skip: 'Aller aux fichiers',
  },
  en: {
    title: 'Logo compliance report',
    colon: ':',
    charter: 'Charter',
    generated: (tool: string) => `Made by ${tool}`,
    category: 'Declared category',
    medium: 'Medium',
    asOf: 'Judged as of',
    summary: 'Summary',
    files: 'Files checked',
    pass: 'Compliant',
    fail: 'Not compliant',
    error: 'Unreadable',
    noLogo: 'No logo found',
    logos: 'Logos found',
    errors: 'Problems',
    warnings: 'Warnings',
    byKind: 'Problems by kind',
    kinds: {
      modification: 'modifications',
      addition: 'additions',
      deletion: 'removals',
      placement: 'size and free space',
      period: 'dates',
      unverified: 'points that could not be checked',
      documentation: 'offer documentation',
      site: 'web site',
    } as Record<FindingKind, string>,
    show: 'Show files',
    showAll: 'all',
    byRule: 'Show by problem',
    allRules: 'all problems',
    page: 'Page',
    pageAlt: (n: number) => `Page ${n}, logos outlined and numbered`,
    logo: 'Logo',
    found: 'Logo as found (upright)',
    approved: 'Approved logo',
    approvedAlt: (text: string) => `Approved logo with the badge “${text}”`,
    foundAlt: (n: number) => `Logo ${n} as it appears in the document, upright`,
    difference: 'Differences',
    differenceAlt: (n: number) => `Differences between logo ${n} and the approved logo`,
    added: 'added',
    removed: 'removed',
    changed: 'colour changed',
    offPage: 'off the page',
    colours: 'Colours measured / expected',
    measured: 'measured',
    expected: 'expected',
    noProblem: 'No problem: this logo follows the charter.',
    whyLabel: 'Why:',
    fixLabel: 'How to fix:',
    details: 'Details',
    rule: 'rule',
    confidence: 'confidence',
    measuredValue: 'measured',
    expectedValue: 'expected',
    document: 'Document',
    noPicture: 'Picture not available',
    severity: { error: 'Problem', warning: 'Warning', info: 'Information' },
    position: 'Position',
    badge: 'Badge',
    noBadge: 'badge not recognised',
    technical: 'Technical detail',
    skip: 'Skip to the files',
  },
};

export type HtmlWords = (typeof WORDS)['fr'];
