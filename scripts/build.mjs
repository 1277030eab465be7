// Builds the package: src/ compiled to dist/ (JavaScript and declarations), the partner page's
// script as it is, and the pool's worker entry for compiled code only (src/batch/worker.mjs can
// fall back on tsx, which the package does not install).
// `npm pack` runs it (prepack), so an installed logo-check never needs a TypeScript runner.
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AS_IS = ['serve/client.js'];
const WORKER_ENTRY = `// Entry of a pool worker thread, as installed: the compiled task.
export { checkInWorker as default } from './worker-task.js';
`;

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
for (const file of AS_IS) copyFileSync(`src/${file}`, `dist/${file}`);
writeFileSync('dist/batch/worker.mjs', WORKER_ENTRY);
