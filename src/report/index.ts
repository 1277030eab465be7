import type { FormatName, Formatter } from './format.ts';
import { csv } from './csv.ts';
import { html } from './html.ts';
import { json } from './json.ts';
import { junit } from './junit.ts';
import { sarif } from './sarif.ts';
import { text } from './text.ts';

export type { FormatContext, FormatName, Formatter } from './format.ts';
export { fileStatus, summarise } from './summary.ts';

export const formatters: Record<FormatName, Formatter> = { text, json, sarif, html, junit, csv };

export { FORMAT_NAMES } from './format.ts';
