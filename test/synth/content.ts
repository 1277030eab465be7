// What fills a page besides the logo: French copy of the kind partners printed in 2007–2008, and
// the look-alikes a detector must not take for the logo (stray « @ » signs, e-mail addresses, blue
// and red shapes, other red-and-blue emblems, the operation's name written as plain text).
import type { Rng } from './random.ts';
import { measure, outline, type Face, type TextRun } from './text.ts';

export const HEADINGS = [
  'Passez au numérique avec nous',
  'Votre commerce en ligne',
  'Journée portes ouvertes',
  'Offre spéciale TPE',
  'Internet haut débit pour votre entreprise',
  'Équipez votre boutique',
  'Le numérique au service des artisans',
  'Gagnez du temps, gérez en ligne',
  'Votre site web clé en main',
  'Atelier : sécuriser son poste de travail',
  'Facturation électronique : mode d’emploi',
  'Nouveau : la caisse enregistreuse connectée',
];

export const SUBHEADINGS = [
  'Nos solutions',
  'Pourquoi choisir notre offre ?',
  'Comment ça marche',
  'Informations pratiques',
  'Nos engagements',
  'Tarifs 2008',
  'Programme de la journée',
];

// Some sentences quote the operation's name, a badge text or an « @ » on purpose: text a reader
// would find on a real partner flyer, and that must not count as the logo.
const SENTENCES = [
  'Notre équipe accompagne les très petites entreprises dans le choix de leur matériel informatique.',
  'Le devis est gratuit et sans engagement : contactez-nous par téléphone ou par courriel.',
  'Dans le cadre de l’opération « Entrepreneurs, faites le choix de l’économie numérique », nous proposons un diagnostic de votre installation.',
  'Écrivez-nous à contact@exemple.fr pour recevoir la brochure complète.',
  'Rendez-vous @ la Chambre de commerce le jeudi 14 février à 18 h.',
  'Plus de 300 commerçants de la région nous font déjà confiance.',
  'La connexion haut débit est installée en moins de dix jours ouvrés.',
  'Nos techniciens interviennent sur site, du lundi au samedi.',
  'Pour toute question, écrivez à info@cci-exemple.fr ou passez nous voir.',
  'Sauvegardez vos données chaque soir, automatiquement et en toute sécurité.',
  'Un conseiller vous aide à créer votre boutique en ligne et à encaisser vos premières commandes.',
  'Le pack comprend un ordinateur portable, une imprimante multifonction et une année d’assistance.',
  'Notre offre référencée répond au cahier des charges du ministère.',
  'Suivez l’actualité de l’atelier @numerique-lyon et sur notre site.',
  'La messagerie professionnelle permet d’utiliser une adresse du type prenom.nom@votre-entreprise.fr.',
  'Les inscriptions se font en ligne ou auprès de l’accueil, dans la limite des places disponibles.',
  'Les formations durent une demi-journée et se tiennent dans nos locaux.',
  'Le paiement par carte bancaire sur Internet est aujourd’hui à la portée de tous les commerces.',
  'Profitez d’une remise de 15 % sur l’installation jusqu’au 31 mars.',
  'Un numéro unique, le 01 23 45 67 89, pour joindre notre service client.',
  'Nos partenaires : banques, experts-comptables, fournisseurs d’accès et éditeurs de logiciels.',
  'Le signe @ figure désormais sur toutes nos cartes de visite.',
  'Chaque entreprise reçoit un compte rendu écrit et des recommandations adaptées à son activité.',
  'Gérez vos stocks, vos devis et vos factures depuis un seul logiciel.',
  'Demandez votre équipement référencé auprès de nos magasins partenaires.',
  'Réservez dès maintenant votre rendez-vous : rdv@atelier-exemple.fr.',
  'La sécurité de vos échanges est garantie par un certificat électronique.',
  'Les artisans du bâtiment peuvent désormais transmettre leurs devis par courrier électronique.',
  'Notre centre de compétence TPE vous reçoit sur rendez-vous.',
  'Découvrez les témoignages de nos clients sur www.exemple.fr/temoignages.',
  'Une assistance téléphonique est incluse pendant toute la durée du contrat.',
  'Vos clients vous trouvent plus facilement grâce à un site référencé dans les annuaires.',
];

export const EMAIL_LINES = [
  'Contact : contact@exemple.fr – 01 23 45 67 89 – www.exemple.fr',
  'Renseignements : info@cci-exemple.fr · 04 72 00 00 00',
  'Inscriptions : accueil@mairie-exemple.fr – www.mairie-exemple.fr',
  'ventes@boutique-exemple.fr – 12, rue du Commerce, 69002 Lyon',
];

export function paragraph(rng: Rng, sentences = rng.int(2, 5)): string {
  return Array.from({ length: sentences }, () => rng.pick(SENTENCES)).join(' ');
}

export type Rect = [number, number, number, number];

export const intersects = (a: Rect, b: Rect, gap = 0): boolean =>
  a[0] < b[0] + b[2] + gap && b[0] < a[0] + a[2] + gap && a[1] < b[1] + b[3] + gap && b[1] < a[1] + a[3] + gap;

export interface FlowOptions {
  /** Font size in px, rounded to whole px. */
  size: number;
  face: Face;
  fill: string;
  /** Line height over font size. */
  leading?: number;
  /** Room kept between text and anything in `avoid`. */
  gap?: number;
}

export interface Flowed {
  runs: TextRun[];
  /** One rectangle per line drawn, for later content to avoid. */
  lines: Rect[];
  /** Where the next block may start. */
  bottom: number;
  /** Words that did not fit. */
  rest: string[];
}

/**
 * Lays words out line by line inside `region`, flowing around the rectangles in `avoid` as page
 * layout software wraps text around a picture. Each line uses the widest stretch left free by the
 * obstacles, so reading order stays plain; stretches too narrow for a few words are skipped.
 */
export function flowText(text: string, region: Rect, avoid: Rect[], options: FlowOptions): Flowed {
  const { face, fill } = options;
  const size = Math.round(options.size);
  const leading = options.leading ?? 1.35;
  const gap = options.gap ?? 14;
  const lineHeight = size * leading;
  const space = measure(' ', size, face);
  const words = text.split(/\s+/).filter(Boolean);
  const runs: TextRun[] = [];
  const lines: Rect[] = [];
  const [rx, ry, rw, rh] = region;
  let y = ry;
  let i = 0;
  while (i < words.length && y + lineHeight <= ry + rh) {
    const band: Rect = [rx, y, rw, lineHeight];
    const blocked = avoid
      .filter((a) => intersects(a, band, gap))
      .map((a) => [a[0] - gap, a[0] + a[2] + gap] as const)
      .sort((a, b) => a[0] - b[0]);
    let best: [number, number] = [rx, rx];
    let cursor = rx;
    for (const [b0, b1] of [...blocked, [rx + rw, rx + rw] as const]) {
      const end = Math.min(b0, rx + rw);
      if (end - cursor > best[1] - best[0]) best = [cursor, end];
      cursor = Math.max(cursor, b1);
    }
    const [f0, f1] = best;
    if (f1 - f0 >= size * 8) {
      let lineText = '';
      let width = 0;
      while (i < words.length) {
        const w = measure(words[i], size, face);
        const next = lineText ? width + space + w : w;
        if (next > f1 - f0) break;
        lineText = lineText ? `${lineText} ${words[i]}` : words[i];
        width = next;
        i++;
      }
      if (lineText) {
        runs.push({ text: lineText, x: f0, y: y + size * 0.95, size, face, fill });
        lines.push([f0, y, width, lineHeight]);
      } else if (f1 - f0 >= rw) {
        // A word wider than the whole region would stall the flow; drop it.
        i++;
      }
    }
    y += lineHeight;
  }
  return { runs, lines, bottom: y, rest: words.slice(i) };
}

export const DISTRACTOR_BLUES = ['#0055A4', '#1F5FA8', '#2B6CB0', '#003F7F', '#3A7BD5'];
export const DISTRACTOR_REDS = ['#E1000F', '#C8102E', '#D62828', '#B22222'];

const f1 = (n: number) => String(Math.round(n * 10) / 10);

/** A red-and-blue emblem that is not the logo, drawn in a size×size square. */
export function emblem(rng: Rng, x: number, y: number, size: number): string {
  const blue = rng.pick(DISTRACTOR_BLUES);
  const red = rng.pick(DISTRACTOR_REDS);
  switch (rng.pick(['swoosh', 'tricolore', 'euro', 'bubble'] as const)) {
    case 'swoosh': {
      // A blue disc with a letter and a red arc: the same colours and roundness as the @ sign.
      const r = size / 2;
      const letter = rng.pick(['e', 'N', 'W']);
      const ls = size * 0.62;
      const lw = measure(letter, ls, 'sans-bold');
      return (
        `<circle cx="${f1(x + r)}" cy="${f1(y + r)}" r="${f1(r * 0.86)}" fill="${blue}"/>` +
        `<path fill="#FFFFFF" d="${outline(letter, x + r - lw / 2, y + r + ls * 0.36, ls, 'sans-bold')}"/>` +
        `<path fill="none" stroke="${red}" stroke-width="${f1(size * 0.07)}" stroke-linecap="round" d="M${f1(x + size * 0.05)} ${f1(y + size * 0.7)}Q${f1(x + r)} ${f1(y + size * 1.08)} ${f1(x + size * 0.97)} ${f1(y + size * 0.28)}"/>`
      );
    }
    case 'tricolore': {
      const w = size;
      const h = size * 0.5;
      const ts = size * 0.085;
      return (
        `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(w / 3)}" height="${f1(h)}" fill="${blue}"/>` +
        `<rect x="${f1(x + w / 3)}" y="${f1(y)}" width="${f1(w / 3)}" height="${f1(h)}" fill="#FFFFFF" stroke="#DDDDDD" stroke-width="1"/>` +
        `<rect x="${f1(x + (2 * w) / 3)}" y="${f1(y)}" width="${f1(w / 3)}" height="${f1(h)}" fill="${red}"/>` +
        `<path fill="#111111" d="${outline('RÉPUBLIQUE', x, y + h + ts * 1.4, ts, 'sans-bold')}${outline('FRANÇAISE', x, y + h + ts * 2.7, ts, 'sans-bold')}"/>`
      );
    }
    case 'euro': {
      const es = size * 0.6;
      const ew = measure('€', es, 'sans-bold');
      return (
        `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(size)}" height="${f1(size * 0.8)}" rx="${f1(size * 0.12)}" fill="${red}"/>` +
        `<path fill="#FFFFFF" d="${outline('€', x + size / 2 - ew / 2, y + size * 0.62, es, 'sans-bold')}"/>` +
        `<rect x="${f1(x)}" y="${f1(y + size * 0.86)}" width="${f1(size)}" height="${f1(size * 0.14)}" fill="${blue}"/>`
      );
    }
    case 'bubble': {
      const w = size;
      const h = size * 0.7;
      return (
        `<path fill="${blue}" d="M${f1(x + h * 0.2)} ${f1(y)}L${f1(x + w - h * 0.2)} ${f1(y)}Q${f1(x + w)} ${f1(y)} ${f1(x + w)} ${f1(y + h * 0.2)}` +
        `L${f1(x + w)} ${f1(y + h * 0.8)}Q${f1(x + w)} ${f1(y + h)} ${f1(x + w - h * 0.2)} ${f1(y + h)}L${f1(x + w * 0.35)} ${f1(y + h)}` +
        `L${f1(x + w * 0.15)} ${f1(y + size)}L${f1(x + w * 0.2)} ${f1(y + h)}L${f1(x + h * 0.2)} ${f1(y + h)}Q${f1(x)} ${f1(y + h)} ${f1(x)} ${f1(y + h * 0.8)}` +
        `L${f1(x)} ${f1(y + h * 0.2)}Q${f1(x)} ${f1(y)} ${f1(x + h * 0.2)} ${f1(y)}Z"/>` +
        `<circle cx="${f1(x + w * 0.8)}" cy="${f1(y + h * 0.5)}" r="${f1(h * 0.16)}" fill="${red}"/>` +
        `<circle cx="${f1(x + w * 0.5)}" cy="${f1(y + h * 0.5)}" r="${f1(h * 0.12)}" fill="#FFFFFF"/>` +
        `<circle cx="${f1(x + w * 0.25)}" cy="${f1(y + h * 0.5)}" r="${f1(h * 0.12)}" fill="#FFFFFF"/>`
      );
    }
  }
}

/** A plain blue or red rectangle or disc, as flyers use for decoration. */
export function decoration(rng: Rng, x: number, y: number, w: number, h: number): string {
  const colour = rng.chance(0.5) ? rng.pick(DISTRACTOR_BLUES) : rng.pick(DISTRACTOR_REDS);
  if (rng.chance(0.5)) {
    const r = Math.min(w, h) / 2;
    return `<circle cx="${f1(x + w / 2)}" cy="${f1(y + h / 2)}" r="${f1(r)}" fill="${colour}"/>`;
  }
  return `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(w)}" height="${f1(h)}" rx="${f1(rng.chance(0.5) ? Math.min(w, h) * 0.15 : 0)}" fill="${colour}"/>`;
}

/** A lone « @ » glyph, large, in blue or red: the logo's main shape without the rest of it. */
export function bigAt(rng: Rng, x: number, y: number, size: number): string {
  const colour = rng.chance(0.6) ? rng.pick(DISTRACTOR_BLUES) : rng.pick(DISTRACTOR_REDS);
  return `<path fill="${colour}" d="${outline('@', x, y + size * 0.8, size, rng.pick(['sans', 'sans-bold', 'serif'] as const))}"/>`;
}
