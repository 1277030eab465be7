// Builds the package: src/ compiled to dist/ (JavaScript and declarations) plus the few
// JavaScript files that run as they are (the pool's worker entry, the partner page's script).
// `npm pack` runs it (prepack), so an installed logo-check never needs a TypeScript runner.
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const AS_IS = ['batch/worker.mjs', 'serve/client.js'];

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
for (const file of AS_IS) copyFileSync(`src/${file}`, `dist/${file}`);
