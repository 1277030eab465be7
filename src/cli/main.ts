// Arguments in, exit code out. main never exits the process itself, and everything it touches
// outside logo-check's pure core can be handed in, so tests run it like a user would.
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { DEFAULT_CHARTER, loadCharter } from '../charter/load.ts';
import { FORMAT_NAMES } from '../report/index.ts';
import { runArtwork, type ArtworkFormat } from './artwork-command.ts';
import { runCharter } from './charter-command.ts';
import { runMerge, type MergeCommandOptions } from './merge-command.ts';
import { EXIT, runCheck, type CheckCommandOptions } from './check-command.ts';
import { resolveDeps, type MainDeps } from './deps.ts';
import { runHtmlMerge, runHtmlReport } from './html-command.ts';
import { runServe, SERVE_DEFAULTS, type ServeCommandOptions } from './serve-command.ts';
import { integerIn, isoDay, UsageError, usageLine } from './usage.ts';

export type { Checker, CreateChecker, ExpandInputs, MainDeps } from './deps.ts';

const TOOL = { name: 'logo-check', version: pkg.version };

// One line per language: commander wraps them to the terminal width.
const DESCRIPTION = [
  "Finds the logo « Entrepreneurs, faites le choix de l'économie numérique » in images and PDF brochures and reports every modification, addition or deletion (Article X of the terms of use).",
  "Repère le logo dans vos images et brochures PDF et signale toute modification, adjonction ou suppression (article X des conditions générales d'utilisation).",
].join('\n\n');

const EPILOGUE = `
Exit codes / codes de sortie:
  0  every logo found complies / tout est conforme
  1  at least one error-severity finding / au moins une non-conformité
  2  usage error, or a file could not be analysed / erreur d'utilisation ou fichier illisible
  130  interrupted (Ctrl-C, SIGTERM): the report holds what finished / interrompu : le rapport contient ce qui est fini

Examples / exemples:
  logo-check brochure.pdf
  logo-check --category offre-referencee --medium sms flyers/
  logo-check --lang en --format sarif --output logo-check.sarif docs/
  logo-check artwork --badge offre-referencee --out logo.png
  logo-check charter --charter my-charter.json
  logo-check --jobs 4 --cache .logo-check-cache --format jsonl --output results.jsonl partners/
  logo-check --shard 2/4 --format jsonl --output shard-2.jsonl partners/
  logo-check merge shard-*.jsonl --format sarif --output logo-check.sarif
  logo-check serve                     # the partner's page on http://127.0.0.1:8470/`;

/** Ids of the bundled charter, for help texts; a custom --charter may have others. */
async function bundledIds(): Promise<{ badges: string; media: string }> {
  try {
    const charter = await loadCharter(DEFAULT_CHARTER);
    return { badges: charter.badges.map((b) => b.id).join(', '), media: charter.media.map((m) => m.id).join(', ') };
  } catch {
    return { badges: 'see logo-check charter', media: 'see logo-check charter' };
  }
}

export async function main(argv: string[], injected?: MainDeps): Promise<number> {
  const deps = resolveDeps(injected);
  const ids = await bundledIds();
  let exitCode: number = EXIT.ok;

  const program = new Command('logo-check')
    .description(DESCRIPTION)
    .version(TOOL.version, '-V, --version', 'print the version / affiche la version')
    .helpOption('-h, --help', 'show this help / affiche cette aide')
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => deps.stdout.write(s),
      writeErr: (s) => deps.stderr.write(s),
      // Errors are printed once, by main, in the one-line usage format.
      outputError: () => {},
    })
    .exitOverride();

  program
    .argument('<paths...>', 'images, PDF files or folders to check / fichiers ou dossiers à vérifier')
    .addOption(
      new Option('--format <format>', 'report format / format du rapport; jsonl: one line per file, written as each finishes')
        .choices([...FORMAT_NAMES, 'jsonl'])
        .default('text'),
    )
    .addOption(new Option('--lang <lang>', 'language of the report / langue du rapport').choices(['fr', 'en']).default('fr'))
    .option('--category <variant>', `badge the partner is entitled to, by category of offer (Article II): ${ids.badges}`)
    .option('--medium <id>', `medium whose constraints Article X allows adapting the logo for: ${ids.media}`)
    .option('--as-of <date>', 'judge the validity period (Article IX) on this day, YYYY-MM-DD, instead of the document date', isoDay)
    .option('--partner-logo <file>', 'your own logo: the one addition Article X allows next to the logo')
    .option('--charter <file>', 'charter to check against (default: the bundled charter)')
    .option('--dpi <n>', 'resolution PDF pages are rendered at, 36 to 600', integerIn(36, 600), 150)
    .option('--output <file>', 'write the report to this file instead of the standard output')
    .option('--quiet', 'no progress bar; the text report lists only files that need attention')
    .option('--jobs <n>', 'files checked at the same time, one worker thread each (default: the number of cores)', integerIn(1, 256))
    .option('--timeout <seconds>', 'longest a file may take; past it the file is reported with code timeout', integerIn(1, 3600), 300)
    .option('--max-memory <MiB>', 'JavaScript memory a worker may use for a file; past it the file is reported with code out-of-memory', integerIn(128, 65_536), 1024)
    .option('--password <password>', 'password of encrypted PDFs / mot de passe des PDF protégés')
    .option('--cache <dir>', 'keep each result in this folder and reuse it while the file, charter, version and options are unchanged; resumes an interrupted run')
    .option('--documentation', "judge every document's offer documentation (Annex 2.2, Article VII), reading pages without text by OCR; by default only documents with the logo and a text layer")
    .option('--shard <i/n>', 'check only share i of n of the files, by a hash of their path (n machines, one share each; combine with merge)')
    .addHelpText('after', EPILOGUE)
    .action(async (paths: string[], opts: CheckCommandOptions) => {
      exitCode = opts.format === 'html' ? await runHtmlReport(paths, opts, deps, TOOL) : await runCheck(paths, opts, deps, TOOL);
    });

  const artwork = program
    .command('artwork')
    .description('export the approved logo artwork / exporte le logo officiel (SVG or PNG)')
    .requiredOption('--badge <variant>', `badge variant: ${ids.badges}`)
    .addOption(new Option('--format <format>', 'svg or png (default: from the --out extension)').choices(['svg', 'png']))
    .option('--width <n>', 'PNG width in pixels, 100 to 10000; height follows the aspect ratio', integerIn(100, 10000), 1200)
    .requiredOption('--out <file>', 'file to write')
    .option('--charter <file>', 'charter whose artwork to export (default: the bundled charter)')
    .action(async (opts: { badge: string; format?: ArtworkFormat; width: number; out: string; charter?: string }) => {
      exitCode = await runArtwork(
        { ...opts, charter: opts.charter ?? program.opts().charter, widthGiven: artwork.getOptionValueSource('width') !== 'default' },
        deps,
      );
    });

  const charter = program
    .command('charter')
    .description('validate a charter file and show what logo-check compares against / valide une charte')
    .option('--charter <file>', 'charter to validate (default: the bundled charter)')
    .action(async (opts: { charter?: string }) => {
      exitCode = await runCharter(opts.charter ?? program.opts().charter, deps);
    });

  const merge = program
    .command('merge')
    .description('combine the --format jsonl results of several runs or shards into one report / fusionne des résultats jsonl')
    .argument('<results...>', 'files written by logo-check --format jsonl')
    .addOption(new Option('--format <format>', 'report format').choices([...FORMAT_NAMES, 'jsonl']).default('text'))
    .option('--output <file>', 'write the report to this file instead of the standard output')
    .action(async (inputs: string[], opts: MergeCommandOptions) => {
      exitCode = opts.format === 'html' ? await runHtmlMerge(inputs, opts, deps) : await runMerge(inputs, opts, deps);
    });


  const serve = program
    .command('serve')
    .description("the partner's page: check files in your browser, on this computer / vérifiez vos fichiers dans votre navigateur")
    .option('--port <n>', 'port to listen on, 0 for any free port', integerIn(0, 65535), SERVE_DEFAULTS.port)
    .option('--host <address>', 'interface to listen on; another than 127.0.0.1 lets other machines upload files', SERVE_DEFAULTS.host)
    .option('--max-upload-mb <n>', 'largest file accepted, in MB', integerIn(1, 2048), SERVE_DEFAULTS.maxUploadMb)
    .option('--max-pages <n>', 'most pages analysed in one document', integerIn(1, 10000), SERVE_DEFAULTS.maxPages)
    .option('--max-analyses <n>', 'analyses running at the same time', integerIn(1, 64), SERVE_DEFAULTS.maxAnalyses)
    .option('--per-minute <n>', 'uploads one address may send per minute', integerIn(1, 100000), SERVE_DEFAULTS.perMinute)
    .option('--timeout <seconds>', 'longest one analysis may take', integerIn(5, 86400), SERVE_DEFAULTS.timeout)
    .option('--dpi <n>', 'resolution PDF pages are rendered at, 36 to 600', integerIn(36, 600), 150)
    .option('--charter <file>', 'charter to check against (default: the bundled charter)')
    .action(async (opts: ServeCommandOptions) => {
      exitCode = await runServe({ ...opts, charter: opts.charter ?? program.opts().charter }, deps, TOOL);
    });

  for (const command of [program, artwork, charter, merge, serve]) {
    const name = command === program ? 'logo-check' : `logo-check ${command.name()}`;
    command.exitOverride((err) => {
      throw Object.assign(err, { helpCommand: name });
    });
  }

  try {
    await program.parseAsync(argv, { from: 'node' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end parsing through the same path as errors, with code 0.
      if (err.exitCode === 0) return EXIT.ok;
      const helpCommand = (err as CommanderError & { helpCommand?: string }).helpCommand ?? 'logo-check';
      const message = err.message.replace(/^error: /, '').replace(/\n+/g, ' ').trim();
      deps.stderr.write(usageLine(new UsageError(message, helpCommand)));
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      deps.stderr.write(usageLine(err));
      return EXIT.usage;
    }
    deps.stderr.write(`logo-check: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.usage;
  }
}
