// How much of a partner's site one audit reads, and how fast: safe defaults for a small business's
// server (a request a second, a few hundred pages, deeper than the 6 clicks Article VIII counts).
export const SITE_DEFAULTS = { maxPages: 200, maxDepth: 10, delay: 1000, timeout: 20 } as const;
