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
  const unregister = register();
  task = await import(new URL('./worker-task.ts', import.meta.url).href);
  // The task's TypeScript is all loaded by now (it imports no TypeScript lazily); what it loads
  // later is pdf.js, on the worker's first PDF. tsx rewrites every ES module with a dynamic
  // import() in it, with a fine-grained source map: pdf.js's 3.3 MB of modules would cost the
  // worker about 400 MB and a second that way, against 50 MB and a tenth of a second from Node.
  await unregister();
}

export default task.checkInWorker;
