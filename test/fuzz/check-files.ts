// Child process of `npm run fuzz`: checks the files listed in a JSON file, from a given index,
// with the real checker, one JSON line per file on stdout. It may die or stall on a file: the
// parent sees which one from the last « start » line, and starts another child after it.
import { readFile } from 'node:fs/promises';
import { loadCharter } from '../../src/charter/load.ts';
import { createChecker } from '../../src/check.ts';

const [listFile, from = '0', dpi = '72'] = process.argv.slice(2);
const paths = JSON.parse(await readFile(listFile!, 'utf8')) as string[];
const checker = await createChecker({ charter: await loadCharter(), lang: 'en', dpi: Number(dpi) });
const say = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
say({ ready: true });
for (let index = Number(from); index < paths.length; index++) {
  say({ start: index });
  const began = performance.now();
  const result = await checker.checkFile(paths[index]!);
  say({ done: index, ms: Math.round(performance.now() - began), result: { path: result.path, status: result.status, error: result.error } });
}
await checker.close();
// kB on Linux: the peak the run reached, native memory (pdf.js's canvas, libvips, WebAssembly) included.
say({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
