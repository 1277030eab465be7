// The rule registry and the two entry points the checker calls: one per logo found, one per
// document. Rules run in this order, which is also the order of their findings.
import type { Finding } from '../types.ts';
import { addition } from './addition.ts';
import { badgeCategory } from './badge-category.ts';
import { badgeText } from './badge-text.ts';
import { clearSpace } from './clear-space.ts';
import { colour } from './colour.ts';
import { cropped } from './cropped.ts';
import { distortion } from './distortion.ts';
import { documentation } from './documentation.ts';
import { runDocumentRules, runLogoRules } from './engine.ts';
import { minSize } from './min-size.ts';
import { mirror } from './mirror.ts';
import { nameText } from './name-text.ts';
import { missingElement } from './missing-element.ts';
import { rotation } from './rotation.ts';
import type { DocumentContext, DocumentRule, LogoContext, LogoRule, Rule } from './rule.ts';
import { taglineText } from './tagline-text.ts';
import { unverifiable } from './unverifiable.ts';
import { validity } from './validity.ts';

export type {
  DateSource,
  DocumentContext,
  DocumentRule,
  FindingDraft,
  Localised,
  LogoContext,
  LogoRule,
  PageGeometry,
  Rule,
  RuleMeta,
  TemplateValue,
} from './rule.ts';

export const rules: Rule[] = [
  colour,
  distortion,
  rotation,
  mirror,
  badgeText,
  badgeCategory,
  taglineText,
  missingElement,
  cropped,
  addition,
  minSize,
  clearSpace,
  unverifiable,
  validity,
  documentation,
  nameText,
];

const logoRules = rules.filter((rule): rule is LogoRule => rule.meta.scope === 'logo');
const documentRules = rules.filter((rule): rule is DocumentRule => rule.meta.scope === 'document');

/** Findings about one logo found on a page, waivers of the declared medium applied. */
export function checkLogo(ctx: LogoContext): Finding[] {
  return runLogoRules(logoRules, ctx);
}

/** Findings about the document as a whole: its date against the operation's period, its text against Article II, Article VII and Annex 2.2. */
export function checkDocument(ctx: DocumentContext): Finding[] {
  return runDocumentRules(documentRules, ctx);
}
