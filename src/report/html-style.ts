// The report's stylesheet, inlined in every report and served to the partner's page. System fonts
// only (nothing to download); sizes in rem and wrapping layouts so that 200 % zoom stays readable.
export const OUTLINE_COLOURS = { pass: '#1a7f37', warn: '#b35900', fail: '#cf222e' } as const;

export const REPORT_CSS = `
:root { color-scheme: light; --pass: ${OUTLINE_COLOURS.pass}; --warn: ${OUTLINE_COLOURS.warn}; --fail: ${OUTLINE_COLOURS.fail}; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #f6f8fa; }
.report { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 0; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.5rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 2; }
.summary, .file { background: #fff; border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem; margin: 0 0 1rem; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0; padding: 0; list-style: none; }
.counts li { min-width: 8rem; }
.counts strong { display: block; font-size: 1.5rem; }
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin-top: 1rem; }
.filters fieldset { border: 1px solid var(--line); border-radius: 0.4rem; margin: 0; padding: 0.25rem 0.75rem 0.5rem; }
.filters label { display: inline-block; margin: 0.25rem 0.75rem 0.25rem 0; cursor: pointer; }
input:focus-visible, a:focus-visible, button:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.verdict { display: inline-block; border-radius: 1rem; padding: 0 0.7rem; font-weight: 600; color: #fff; margin-right: 0.5rem; }
.verdict.pass { background: var(--pass); } .verdict.fail { background: var(--fail); } .verdict.error { background: #6e7781; } .verdict.none { background: #8c959f; }
.pages { display: flex; flex-direction: column; gap: 1rem; }
.page { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; margin: 1rem 0 0; border-top: 1px solid var(--line); padding-top: 1rem; }
.page-view { flex: 0 1 20rem; margin: 0; }
.page-frame { position: relative; width: 100%; background: #fff; border: 1px solid var(--line); }
.page-frame img, .page-frame .blank { display: block; width: 100%; height: auto; }
.page-frame .blank { background: repeating-linear-gradient(45deg, #f6f8fa 0 0.5rem, #eef1f4 0.5rem 1rem); }
.page-frame svg { position: absolute; inset: 0; width: 100%; height: 100%; }
.outline { fill: none; stroke-width: 3; vector-effect: non-scaling-stroke; }
.mark { fill: none; stroke: #c000d8; stroke-width: 2; stroke-dasharray: 4 2; vector-effect: non-scaling-stroke; }
.outline.pass { stroke: var(--pass); } .outline.warn { stroke: var(--warn); } .outline.fail { stroke: var(--fail); }
.number { fill: #fff; font-weight: 700; font-family: system-ui, sans-serif; }
.number-bg.pass { fill: var(--pass); } .number-bg.warn { fill: var(--warn); } .number-bg.fail { fill: var(--fail); }
.logos { flex: 1 1 28rem; min-width: 0; }
.logo { border-left: 0.4rem solid var(--line); padding-left: 0.75rem; margin-bottom: 1.5rem; }
.logo.pass { border-color: var(--pass); } .logo.warn { border-color: var(--warn); } .logo.fail { border-color: var(--fail); }
.compare { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.compare figure { flex: 1 1 12rem; max-width: 20rem; margin: 0; }
.compare img, .compare .artwork { display: block; width: 100%; aspect-ratio: 8 / 3; height: auto; border: 1px solid var(--line); background-color: #fff; background-repeat: no-repeat; background-position: center; background-size: contain; }
figcaption { font-size: 0.9rem; color: var(--muted); }
.legend { list-style: none; padding: 0; margin: 0.25rem 0 0; font-size: 0.85rem; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
.legend span, .swatch { display: inline-block; width: 1em; height: 1em; vertical-align: -0.15em; border: 1px solid #8c959f; margin-right: 0.3em; }
.swatches { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; padding: 0; margin: 0.5rem 0; font-size: 0.9rem; }
.findings { list-style: none; padding: 0; margin: 0.5rem 0 0; }
.finding { margin: 0 0 0.75rem; }
.finding .head { font-weight: 600; margin: 0; }
.finding.error .head::before { content: "✘ "; color: var(--fail); }
.finding.warning .head::before { content: "⚠ "; color: var(--warn); }
.finding.info .head::before { content: "ℹ "; color: #0969da; }
.finding p { margin: 0.15rem 0; }
.details { font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.ok { color: var(--pass); font-weight: 600; }
.problem { color: var(--fail); }
`;

/**
 * Filters in CSS alone, so the report needs no script at all: a checked radio hides the files that
 * do not carry its class (`:has` is in every browser released since 2023).
 */
export function filterCss(ruleIds: readonly string[]): string {
  const verdicts = ['pass', 'fail', 'error', 'none'].map((v) => `body:has(#show-${v}:checked) .file:not(.v-${v}) { display: none; }`);
  const rules = ruleIds.map((id) => `body:has(#rule-${id}:checked) .file:not(.r-${id}) { display: none; }`);
  return [...verdicts, ...rules].join('\n');
}

/** Ids are lower case with dashes (the charter's and the rules' own convention); anything else is dropped. */
export const cssIdent = (id: string): string => id.toLowerCase().replace(/[^a-z0-9-]/g, '');
