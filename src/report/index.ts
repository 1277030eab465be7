import type { FormatName, Formatter } from './format.ts';
import { html } from './html.ts';
import { json } from './json.ts';
import { sarif } from './sarif.ts';
import { text } from './text.ts';

export type { FormatContext, FormatName, Formatter } from './format.ts';
export { fileStatus, summarise } from './summary.ts';

export const formatters: Record<FormatName, Formatter> = { text, json, sarif, html };

export { FORMAT_NAMES } from './format.ts';
