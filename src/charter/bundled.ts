// Where the bundled charter is, apart from the loader so that --help and --version can name its
// ids without loading the schema library.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The charter bundled with logo-check: the « économie numérique » operation. */
export const DEFAULT_CHARTER = resolve(dirname(fileURLToPath(import.meta.url)), '../../charter/econumerique.json');
