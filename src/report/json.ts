// The shape is documented by report.schema.json beside this file; a test keeps the two in step.
import type { Formatter } from './format.ts';

export const json: Formatter = (report) => JSON.stringify(report, null, 2);
