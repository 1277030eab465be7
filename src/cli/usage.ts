// Usage errors end the run with exit code 2 and one line that names the option, what it expects
// and what it got, so that a partner can fix the command without reading the source.
import { InvalidArgumentError } from 'commander';

/** Exit codes, documented in --help and the README (ESLint's: 0 clean, 1 problems, 2 fatal). */
export const EXIT = { ok: 0, findings: 1, usage: 2, unanalysed: 3, interrupted: 130 } as const;

export class UsageError extends Error {
  constructor(
    message: string,
    /** Command whose --help explains the option, e.g. "logo-check artwork". */
    readonly command = 'logo-check',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Same wording as commander's own option errors, so every usage error reads alike. */
export function invalidOption(flags: string, actual: string, expected: string, command?: string): UsageError {
  return new UsageError(`option '${flags}' argument '${actual}' is invalid. ${expected}`, command);
}

export function usageLine(error: UsageError): string {
  // A charter's field-by-field problems take several lines; the hint then gets its own.
  const multiline = error.message.includes('\n');
  const message = multiline ? error.message : error.message.replace(/\.$/, '');
  return `logo-check: ${message}${multiline ? '\n' : ' — '}see ${error.command} --help\n`;
}

export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || n < min || n > max) {
      throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** YYYY-MM-DD naming a day that exists (2008-02-30 is refused). */
export function isoDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('Expected a date written YYYY-MM-DD, e.g. 2008-12-31.');
  }
  return value;
}
