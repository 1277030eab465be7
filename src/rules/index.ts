// The rule registry and the two entry points the checker calls: one per logo found, one per
// document. Rules run in this order, which is also the order of their findings.
import type { Finding } from '../types.ts';
import { addition } from './addition.ts';
import { badgeCategory } from './badge-category.ts';
import { badgeText } from './badge-text.ts';
import { catalogueLink } from './catalogue-link.ts';
import { clearSpace } from './clear-space.ts';
import { colour } from './colour.ts';
import { cropped } from './cropped.ts';
import { distortion } from './distortion.ts';
import { documentation } from './documentation.ts';
import { runDocumentRules, runLogoRules, runSiteRules } from './engine.ts';
import { minSize } from './min-size.ts';
import { mirror } from './mirror.ts';
import { nameText } from './name-text.ts';
import { offerDepth } from './offer-depth.ts';
import { missingElement } from './missing-element.ts';
import { rotation } from './rotation.ts';
import type { DocumentContext, DocumentRule, LogoContext, LogoRule, Rule, SiteContext, SiteRule } from './rule.ts';
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
  OfferPage,
  PageGeometry,
  Rule,
  RuleMeta,
  SiteContext,
  SiteRule,
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
  offerDepth,
  catalogueLink,
];

const logoRules = rules.filter((rule): rule is LogoRule => rule.meta.scope === 'logo');
const documentRules = rules.filter((rule): rule is DocumentRule => rule.meta.scope === 'document');
const siteRules = rules.filter((rule): rule is SiteRule => rule.meta.scope === 'site');

/** Findings about one logo found on a page, waivers of the declared medium applied. */
export function checkLogo(ctx: LogoContext): Finding[] {
  return runLogoRules(logoRules, ctx);
}

/** Findings about the document as a whole: its date against the operation's period, its text against Article II, Article VII and Annex 2.2. */
export function checkDocument(ctx: DocumentContext, only?: readonly string[]): Finding[] {
  return runDocumentRules(only ? documentRules.filter((rule) => only.includes(rule.meta.id)) : documentRules, ctx);
}

/** Findings about where the offer sits in a partner's site (Article VIII); each names its page in data.url. */
export function checkSite(ctx: SiteContext): Finding[] {
  return runSiteRules(siteRules, ctx);
}
