#!/usr/bin/env node
// The command as installed (compiled to dist/cli/run.js); src/cli/bin.mjs runs this same file
// from the sources through tsx.
import { main } from './main.ts';

// A reader that stops early (`logo-check … | head`) closes the pipe: that ends the output, not in
// an unhandled EPIPE error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await main(process.argv);
