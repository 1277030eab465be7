import { afterEach, describe, expect, it } from 'vitest';
import { watchStrays } from './strays.ts';

/** An error as pdf.js's bundle makes them: its stack points into pdfjs-dist. */
function pdfjsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  error.stack = `${name}: ${message}\n    at BaseExceptionClosure (/app/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs:6289:29)`;
  return error;
}

/** Announces a rejection the way Node does when nobody handled it. */
function announce(reason: unknown): boolean {
  return process.emit('unhandledRejection', reason, Promise.resolve());
}

describe('rejections pdf.js leaves unawaited', () => {
  const heard: unknown[] = [];
  const listener = (reason: unknown): number => heard.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', listener);
    heard.length = 0;
  });

  it('go to the open document, once, and to no listener', async () => {
    const strays = watchStrays();
    process.on('unhandledRejection', listener);
    try {
      const damage = pdfjsError('FormatError', 'Illegal character: 41');
      expect(announce(damage)).toBe(true);
      expect(await strays.take()).toBe(damage);
      expect(await strays.take()).toBeUndefined();
      expect(heard).toEqual([]);
    } finally {
      strays.stop();
    }
  });

  it('are no damage when they only say pdf.js was stopped', async () => {
    const strays = watchStrays();
    try {
      announce(pdfjsError('RenderingCancelledException', 'Rendering cancelled, page 1'));
      announce(pdfjsError('AbortException', 'Worker was destroyed'));
      expect(await strays.take()).toBeUndefined();
    } finally {
      strays.stop();
    }
  });

  it('leave every other rejection to the listeners, and reach no document stopped watching', async () => {
    const strays = watchStrays();
    strays.stop();
    const later = watchStrays();
    process.on('unhandledRejection', listener);
    try {
      const other = new Error('not from pdf.js');
      announce(other);
      announce(pdfjsError('FormatError', 'Bad (uncompressed) XRef entry: 9R'));
      expect(heard).toEqual([other]);
      expect(await strays.take()).toBeUndefined();
      expect(await later.take()).toMatchObject({ name: 'FormatError' });
    } finally {
      later.stop();
    }
  });
});
