// --charter as every command takes it; the loader (and its schema library) is imported only when
// a command runs, so that --help and --version stay quick.
import type { Charter } from '../types.ts';
import { UsageError } from './usage.ts';

export async function charterFromOption(file: string | undefined, command?: string): Promise<Charter> {
  const { CharterError, loadCharter } = await import('../charter/load.ts');
  try {
    return await loadCharter(file);
  } catch (err) {
    if (err instanceof CharterError) {
      throw new UsageError(`option '--charter <file>': ${err.message}`, command);
    }
    throw err;
  }
}
