#!/usr/bin/env node
// The command as installed (compiled to dist/cli/run.js); src/cli/bin.mjs runs this same file
// from the sources through tsx.
import { main } from './main.ts';

process.exitCode = await main(process.argv);
