// Runs the CLI in this process, as src/cli/bin.mjs does, and reports its exit code and the
// process's peak memory (worker threads included: they share it) on the last line of stderr.
import { main } from '../../src/cli/main.ts';

const code = await main(process.argv);
process.stderr.write(`\n${JSON.stringify({ code, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
process.exitCode = code;
