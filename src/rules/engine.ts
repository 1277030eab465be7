// Turns a rule's drafts into findings: wording in the reader's language, the article cited from
// the charter (so another brand's terms work unchanged), and the medium waivers of Article X.
import type { Finding, Lang, Medium } from '../types.ts';
import type { DocumentContext, DocumentRule, FindingDraft, Localised, LogoContext, LogoRule, Rule, SiteContext, SiteRule, TemplateValue } from './rule.ts';
import { fillTemplate } from './template.ts';

const RULE_FAILED: { message: Localised; fix: Localised } = {
  message: { fr: 'la règle {{rule}} a échoué : {{error}}', en: 'rule {{rule}} failed: {{error}}' },
  fix: {
    fr: "ce n'est pas forcément un défaut de votre document : relancez la vérification et, si l'erreur revient, signalez-la avec le fichier concerné",
    en: 'this is not necessarily a fault in your document: run the check again and, if the error comes back, report it with the file concerned',
  },
};

const UNCERTAIN: Localised = {
  fr: 'mesure incertaine (confiance {{confidence}} %, il en faut {{min}} % pour conclure) : vérifiez à l’œil ou fournissez un fichier plus net',
  en: 'uncertain measurement (confidence {{confidence}} %, {{min}} % needed to conclude): check by eye or provide a sharper file',
};

const WAIVED: Localised = {
  fr: 'Admis pour le support « {{medium}} », car {{why}}.',
  en: 'Allowed for the medium “{{medium}}” because {{why}}.',
};

/** Data every logo message may use: the badge variant to regenerate clean artwork for. */
function logoData(ctx: LogoContext): Record<string, TemplateValue> {
  const { badge } = ctx.logo;
  const variant = ctx.category ?? badge.match ?? badge.closest ?? ctx.charter.badges[0].id;
  return { variant };
}

function render(rule: Rule, draft: FindingDraft, common: Record<string, TemplateValue>, ctx: LogoContext | DocumentContext | SiteContext): Finding {
  const { meta } = rule;
  const template = meta.messages[draft.messageId];
  if (!template) {
    throw new Error(`reported message id "${draft.messageId}", which meta.messages does not define (defined: ${Object.keys(meta.messages).join(', ')})`);
  }
  const data = { ...common, ...draft.data };
  const finding: Finding = {
    rule: meta.id,
    kind: meta.kind,
    severity: draft.severity ?? meta.severity,
    article: ctx.charter.terms.clauses[meta.clause].article,
    message: fillTemplate(template[ctx.lang], data, ctx.lang),
    fix: fillTemplate(meta.fix[ctx.lang], data, ctx.lang),
  };
  // Absent keys rather than `undefined` ones, so JSON reports and deep equality stay clean.
  if (draft.element !== undefined) finding.element = draft.element;
  if (draft.measured !== undefined) finding.measured = draft.measured;
  if (draft.expected !== undefined) finding.expected = draft.expected;
  if (draft.details !== undefined) finding.data = draft.details;
  finding.confidence = draft.confidence ?? 1;
  // A verdict of non-compliance must rest on something measured with confidence: an error whose
  // measurement may as well be capture noise is reported as a warning that says so.
  const { minConfidence } = ctx.charter.verdict;
  if (finding.severity !== 'error' || finding.confidence >= minConfidence) return finding;
  const uncertain = fillTemplate(UNCERTAIN[ctx.lang], { confidence: Math.round(finding.confidence * 100), min: Math.round(minConfidence * 100) }, ctx.lang);
  return { ...finding, severity: 'warning', message: `${finding.message} — ${uncertain}` };
}

function failure(rule: Rule, error: unknown, ctx: LogoContext | DocumentContext | SiteContext): Finding {
  const data = { rule: rule.meta.id, error: describeThrown(error) };
  return {
    rule: rule.meta.id,
    kind: rule.meta.kind,
    severity: 'error',
    article: ctx.charter.terms.clauses[rule.meta.clause].article,
    message: fillTemplate(RULE_FAILED.message[ctx.lang], data, ctx.lang),
    fix: RULE_FAILED.fix[ctx.lang],
  };
}

/** What a rule threw, in words: a thrown object that is no Error is shown as JSON, not « [object Object] ». */
function describeThrown(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) {
    try {
      return JSON.stringify(error);
    } catch {
      // A cycle: its own toString is all there is.
    }
  }
  return String(error);
}

/**
 * Runs one rule. A rule that throws yields a single finding saying so instead of its partial
 * output, and the other rules still run (markdownlint: "This rule threw an exception").
 */
function run(
  rule: Rule,
  ctx: LogoContext | DocumentContext | SiteContext,
  common: Record<string, TemplateValue>,
  check: (report: (draft: FindingDraft) => void) => void,
): { findings: Finding[]; failed: boolean } {
  const findings: Finding[] = [];
  try {
    check((draft) => findings.push(render(rule, draft, common, ctx)));
  } catch (error) {
    return { findings: [failure(rule, error, ctx)], failed: true };
  }
  return { findings, failed: false };
}

/** Whether a waiver of the medium excuses the finding (Article X, second paragraph). */
function waives(medium: Medium, finding: Finding, ctx: LogoContext): boolean {
  return medium.waives.some(
    (waiver) =>
      waiver.rule === finding.rule &&
      (!waiver.elements || (finding.element !== undefined && waiver.elements.includes(finding.element))) &&
      (waiver.when === 'always' || (waiver.when === 'monochrome' && ctx.logo.monochrome)),
  );
}

function waive(finding: Finding, medium: Medium, lang: Lang): Finding {
  const sentence = fillTemplate(WAIVED[lang], { medium: medium.name, why: medium.why }, lang);
  return { ...finding, severity: 'info', waivedBy: medium.id, message: `${finding.message}. ${sentence}` };
}

export function runLogoRules(rules: LogoRule[], ctx: LogoContext): Finding[] {
  const common = logoData(ctx);
  const { medium } = ctx;
  return rules.flatMap((rule) => {
    const { findings, failed } = run(rule, ctx, common, (report) => rule.check(ctx, report));
    // A failed rule is not an adaptation of the logo: only real findings can be excused.
    if (!medium || failed) return findings;
    return findings.map((finding) => (waives(medium, finding, ctx) ? waive(finding, medium, ctx.lang) : finding));
  });
}

export function runDocumentRules(rules: DocumentRule[], ctx: DocumentContext): Finding[] {
  return rules.flatMap((rule) => run(rule, ctx, {}, (report) => rule.check(ctx, report)).findings);
}

export function runSiteRules(rules: SiteRule[], ctx: SiteContext): Finding[] {
  return rules.flatMap((rule) => run(rule, ctx, {}, (report) => rule.check(ctx, report)).findings);
}
