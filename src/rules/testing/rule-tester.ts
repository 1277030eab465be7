// A table-driven tester in the manner of ESLint's RuleTester: each case states the measurements
// it changes from a compliant logo and the exact drafts the rule must report. Every failing case
// is also rendered in both languages, so a template that cannot be filled fails its rule's tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { compliantMeasurement, loadTestCharter, TEST_PAGE, type DeepPartial } from '../../../test/fixtures/measurement.ts';
import type { Charter, Finding, Lang, LogoMeasurement, PageText } from '../../types.ts';
import { runDocumentRules, runLogoRules, runSiteRules } from '../engine.ts';
import type { DateSource, DocumentContext, DocumentRule, FindingDraft, LogoContext, LogoRule, PageGeometry, SiteContext, SiteRule } from '../rule.ts';

interface Case {
  name: string;
  /** Changes the bundled charter for this case, e.g. to mark an element optional. */
  charter?: (charter: Charter) => Charter;
  /** Language of `messages`; French by default, like the CLI. */
  lang?: Lang;
}

interface Expectations {
  /** Exactly what the rule reports, in order. */
  drafts: FindingDraft[];
  /** Exact rendered messages, when the wording itself is under test. */
  messages?: string[];
}

export interface LogoCase extends Case {
  logo?: DeepPartial<LogoMeasurement>;
  category?: string;
  page?: Partial<PageGeometry>;
}

export interface DocumentCase extends Case {
  date?: Date;
  dateSource?: DateSource;
  /** Running text of each page; a string is page 1 read from a text layer. */
  texts?: PageText[] | string;
}

export interface SiteCase extends Case {
  site: Omit<SiteContext, 'charter' | 'lang'>;
}

interface Table<C> {
  valid: C[];
  invalid: Array<C & Expectations>;
}

function collect<C>(check: (ctx: C, report: (draft: FindingDraft) => void) => void, ctx: C): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  check(ctx, (draft) => drafts.push(draft));
  return drafts;
}

function edited(charter: Charter, test: Case): Charter {
  return test.charter ? test.charter(structuredClone(charter)) : charter;
}

function run<C extends Case, X>(
  id: string,
  table: Table<C>,
  context: (charter: Charter, test: C, lang: Lang) => X,
  check: (ctx: X, report: (draft: FindingDraft) => void) => void,
  render: (ctx: X) => Finding[],
): void {
  describe(id, () => {
    let charter: Charter;
    beforeAll(async () => {
      charter = await loadTestCharter();
    });
    describe('valid', () => {
      it.each(table.valid.map((test) => [test.name, test] as const))('%s', (_, test) => {
        expect(collect(check, context(edited(charter, test), test, 'fr'))).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(table.invalid.map((test) => [test.name, test] as const))('%s', (_, test) => {
        expect(collect(check, context(edited(charter, test), test, 'fr'))).toEqual(test.drafts);
        for (const lang of ['fr', 'en'] as const) {
          const findings = render(context(edited(charter, test), test, lang));
          expect(findings.map((f) => f.rule)).toEqual(test.drafts.map(() => id));
          for (const finding of findings) {
            expect(finding.message).not.toMatch(/^(la règle \S+ a échoué|rule \S+ failed)/);
            expect(finding.message).not.toMatch(/\{\{|\}\}/);
            expect(finding.fix).not.toMatch(/\{\{|\}\}/);
          }
          if (test.messages && lang === (test.lang ?? 'fr')) expect(findings.map((f) => f.message)).toEqual(test.messages);
        }
      });
    });
  });
}

export function testLogoRule(rule: LogoRule, table: Table<LogoCase>): void {
  const context = (charter: Charter, test: LogoCase, lang: Lang): LogoContext => ({
    charter,
    lang,
    logo: compliantMeasurement(test.logo),
    page: { ...TEST_PAGE, ...test.page },
    ...(test.category === undefined ? {} : { category: test.category }),
  });
  run(rule.meta.id, table, context, rule.check, (ctx) => runLogoRules([rule], ctx));
}

export function testDocumentRule(rule: DocumentRule, table: Table<DocumentCase>): void {
  const context = (charter: Charter, test: DocumentCase, lang: Lang): DocumentContext => ({
    charter,
    lang,
    ...(test.date === undefined ? {} : { date: test.date }),
    ...(test.dateSource === undefined ? {} : { dateSource: test.dateSource }),
    ...(test.texts === undefined ? {} : { texts: typeof test.texts === 'string' ? [{ page: 1, text: test.texts, source: 'pdf-text', confidence: 1 }] : test.texts }),
  });
  run(rule.meta.id, table, context, rule.check, (ctx) => runDocumentRules([rule], ctx));
}

export function testSiteRule(rule: SiteRule, table: Table<SiteCase>): void {
  const context = (charter: Charter, test: SiteCase, lang: Lang): SiteContext => ({ charter, lang, ...test.site });
  run(rule.meta.id, table, context, rule.check, (ctx) => runSiteRules([rule], ctx));
}
