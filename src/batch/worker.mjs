// Entry of a pool worker thread. Worker threads do not inherit the main thread's module hooks,
// so, as src/cli/bin.mjs does for the main thread, this registers tsx before importing the
// TypeScript task — unless a compiled worker-task.js sits beside it (a package built to JS).
import { existsSync } from 'node:fs';

const compiled = new URL('./worker-task.js', import.meta.url);
let task;
if (existsSync(compiled)) {
  task = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  task = await import(new URL('./worker-task.ts', import.meta.url).href);
}

export default task.checkInWorker;
