// The contract between the engine and one rule. A rule only reads measurements and the charter
// and reports drafts; the engine turns drafts into findings (wording, article, waivers), so that
// no rule has to know how findings are worded, cited or excused.
import type { Charter, ElementId, Finding, FindingKind, Lang, LogoMeasurement, Medium, PageText, Severity } from '../types.ts';

/** A text in every language logo-check speaks. */
export type Localised = Record<Lang, string>;

/**
 * A value a message template can show. Numbers and dates are formatted by the engine for the
 * reader's language; localised texts let a rule stay unaware of the language.
 */
export type TemplateValue = string | number | Date | Localised;

export type ClauseId = keyof Charter['terms']['clauses'];

export interface RuleMeta {
  /** Public contract: reports, waivers in charters and users' scripts refer to it. */
  id: string;
  kind: FindingKind;
  severity: Severity;
  /** The clause of the terms the rule enforces; its article is read from the charter. */
  clause: ClauseId;
  scope: 'logo' | 'document' | 'site';
  description: Localised;
  /** Message templates by message id, with {{placeholders}} filled from the draft's data. */
  messages: Record<string, Localised>;
  /** What the reader should do, filled from the same data as the message. */
  fix: Localised;
  /** Charter fields the rule reads, `*` standing for any key, e.g. 'elements.*.colours'. */
  charterEntries: string[];
}

export interface PageGeometry {
  width: number;
  height: number;
  dpi?: number;
}

export interface LogoContext {
  charter: Charter;
  lang: Lang;
  /** Badge variant id the partner declared they are entitled to. */
  category?: string;
  /** Medium the material is meant for, whose adaptations Article X allows. */
  medium?: Medium;
  logo: LogoMeasurement;
  page: PageGeometry;
}

export type DateSource = 'pdf' | 'exif' | 'xmp' | 'as-of';

export interface DocumentContext {
  charter: Charter;
  lang: Lang;
  /** Date the material was made or is judged at; unknown dates raise no finding. */
  date?: Date;
  dateSource?: DateSource;
  /** Running text of each page; absent when the document's text was not read (its offer documentation is then not judged). */
  texts?: PageText[];
}

/** A page of a partner's site presenting the offer, and where it sits in the site (Article VIII). */
export interface OfferPage {
  url: string;
  /** given: the catalogue links to it (--offer-url); logo or name: recognised on the page. */
  recognisedBy: 'given' | 'logo' | 'name';
  /** Clicks from the home page along the site's links; null when the crawl did not reach it. */
  clicksFromHome: number | null;
  /** Those clicks, as the words of each link. */
  homePath: string[];
  /** For given pages: clicks to a link back to the catalogue; null when there is none within reach. */
  catalogueClicks?: number | null;
  cataloguePath?: string[];
}

export interface SiteContext {
  charter: Charter;
  lang: Lang;
  home: string;
  /** The catalogue offer pages must lead back to. */
  catalogue: string;
  offers: OfferPage[];
  /** Pages of the site read by the crawl. */
  pagesRead: number;
}

export interface FindingDraft {
  messageId: string;
  data: Record<string, TemplateValue>;
  element?: ElementId;
  measured?: Finding['measured'];
  expected?: Finding['expected'];
  /** Overrides the rule's severity for this one finding. */
  severity?: Severity;
  /** 0..1, how sure the measurement is (see confidence.ts); omitted when it is exact (a date, a page edge). */
  confidence?: number;
  /** Copied to the finding's `data` for scripts (JSON, SARIF properties). */
  details?: Finding['data'];
}

export type Report = (draft: FindingDraft) => void;

export interface LogoRule {
  meta: RuleMeta & { scope: 'logo' };
  check(ctx: LogoContext, report: Report): void;
}

export interface DocumentRule {
  meta: RuleMeta & { scope: 'document' };
  check(ctx: DocumentContext, report: Report): void;
}

export interface SiteRule {
  meta: RuleMeta & { scope: 'site' };
  check(ctx: SiteContext, report: Report): void;
}

export type Rule = LogoRule | DocumentRule | SiteRule;
