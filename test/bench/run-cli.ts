// Runs the CLI in this process, as src/cli/bin.mjs does, and reports its exit code and the
// process's peak memory and CPU time (worker threads included: they share the process) on the
// last line of stderr.
import { main } from '../../src/cli/main.ts';

const code = await main(process.argv);
const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
process.stderr.write(`\n${JSON.stringify({ code, maxRssBytes: maxRSS * 1024, cpuMs: (userCPUTime + systemCPUTime) / 1000 })}\n`);
process.exitCode = code;
