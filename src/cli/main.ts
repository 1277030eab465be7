// Arguments in, exit code out. main never exits the process itself, and everything it touches
// outside logo-check's pure core can be handed in, so tests run it like a user would.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { DEFAULT_CHARTER } from '../charter/bundled.ts';
import { FORMAT_NAMES } from '../report/format.ts';
import type { ArtworkFormat } from './artwork-command.ts';
import type { BaselineCommandOptions, CheckCommandOptions } from './check-command.ts';
import { resolveDeps, type MainDeps } from './deps.ts';
import type { MergeCommandOptions } from './merge-command.ts';
import { SERVE_DEFAULTS, type ServeCommandOptions } from './serve-command.ts';
import { SITE_DEFAULTS } from '../site/limits.ts';
import type { SiteCommandOptions } from './site-command.ts';
import { EXIT, integerIn, isoDay, UsageError, usageLine } from './usage.ts';

// The commands' modules are imported when one runs: --version and --help load only the serve defaults.

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
  1  at least one error-severity finding, or more warnings than --max-warnings / au moins une non-conformité
  2  usage or configuration error / erreur d'utilisation ou de configuration
  3  at least one file could not be analysed / au moins un fichier n'a pas pu être analysé
  130  interrupted (Ctrl-C, SIGTERM): the report holds what finished / interrompu : le rapport contient ce qui est fini

Configuration: logo-check.config.json (or a "logo-check" key in package.json), found upward from
the current folder; flags override it. Baseline: logo-check-baseline.json, written by
logo-check baseline --reason "…"; later runs report only new findings.

Examples / exemples:
  logo-check brochure.pdf
  logo-check --category offre-referencee --medium sms flyers/
  logo-check 'assets/**/*.pdf' --ignore-pattern 'assets/archive/**'
  logo-check -f sarif -o logo-check.sarif --report junit=logo-check.xml docs/
  logo-check baseline --reason "printed before the audit" assets/
  logo-check artwork --badge offre-referencee --out logo.png
  logo-check charter --charter my-charter.json
  logo-check --jobs 4 --cache .logo-check-cache --format jsonl --output-file results.jsonl partners/
  logo-check --shard 2/4 --format jsonl -o shard-2.jsonl partners/
  logo-check merge shard-*.jsonl --format sarif -o logo-check.sarif
  logo-check serve                     # the partner's page on http://127.0.0.1:8470/`;

/** Ids of the bundled charter, for help texts, read without validating it (that is for a run). */
function bundledIds(): { badges: string; media: string } {
  try {
    const charter = JSON.parse(readFileSync(DEFAULT_CHARTER, 'utf8')) as { badges: Array<{ id: string }>; media: Array<{ id: string }> };
    return { badges: charter.badges.map((b) => b.id).join(', '), media: charter.media.map((m) => m.id).join(', ') };
  } catch {
    return { badges: 'see logo-check charter', media: 'see logo-check charter' };
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** What the check and the baseline commands share: what to check and how. */
function addCheckOptions(command: Command, ids: { badges: string; media: string }): Command {
  return command
    .addOption(new Option('--lang <lang>', 'language of the report / langue du rapport').choices(['fr', 'en']).default('fr'))
    .option('--category <variant>', `badge the partner is entitled to, by category of offer (Article II): ${ids.badges}`)
    .option('--medium <id>', `medium whose constraints Article X allows adapting the logo for: ${ids.media}`)
    .option('--as-of <date>', 'judge the validity period (Article IX) on this day, YYYY-MM-DD, instead of the document date', isoDay)
    .option('--partner-logo <file>', 'your own logo: the one addition Article X allows next to the logo')
    .option('--charter <file>', 'charter to check against (default: the bundled charter)')
    .option('--dpi <n>', 'resolution PDF pages are rendered at, 36 to 600 (default: 150)', integerIn(36, 600))
    .option('-c, --config <file>', 'settings file (default: logo-check.config.json or package.json "logo-check", found upward)')
    .option('--no-config', 'ignore every settings file')
    .option('--ignore-pattern <glob>', 'do not check files matching this glob (repeatable), e.g. "archive/**"', collect)
    .option('--quiet', 'no progress bar; the text report lists only files that need attention')
    .option('--jobs <n>', 'files checked at the same time, one worker thread each (default: the number of cores)', integerIn(1, 256))
    .option('--timeout <seconds>', 'longest a file may take; past it the file is reported with code timeout', integerIn(1, 3600), 300)
    .option('--max-memory <MiB>', 'JavaScript memory a worker may use for a file; past it the file is reported with code out-of-memory', integerIn(128, 65_536), 1024)
    .option('--password <password>', 'password of encrypted PDFs / mot de passe des PDF protégés')
    .option('--cache <dir>', 'keep each result in this folder and reuse it while the file, charter, version and options are unchanged; resumes an interrupted run')
    .option('--documentation', "judge every document's offer documentation (Annex 2.2, Article VII), reading pages without text by OCR; by default only documents with the logo and a text layer");
}

export async function main(argv: string[], injected?: MainDeps): Promise<number> {
  const deps = resolveDeps(injected);
  const ids = bundledIds();
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

  program.argument('<paths...>', "images, PDF files, folders or quoted globs ('assets/**/*.pdf') to check / fichiers, dossiers ou motifs à vérifier");
  addCheckOptions(program, ids)
    .addOption(
      new Option('-f, --format <format>', 'report format / format du rapport; jsonl: one line per file, written as each finishes')
        .choices([...FORMAT_NAMES, 'jsonl'])
        .default('text'),
    )
    .option('-o, --output-file <file>', 'write the report to this file instead of the standard output')
    .addOption(new Option('--output <file>', 'same as --output-file').hideHelp())
    .option('--report <format=file>', `also write the report in this format to this file (repeatable), e.g. sarif=logo-check.sarif; formats: ${FORMAT_NAMES.join(', ')}`, collect)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', integerIn(0, 1_000_000))
    .option('--baseline <file>', 'report only findings not accepted in this baseline (default: logo-check-baseline.json, found upward)')
    .option('--no-baseline', 'report every finding, even those the baseline accepts')
    .option('--base-dir <dir>', 'folder SARIF names files relative to (default: the current folder)')
    .option('--shard <i/n>', 'check only share i of n of the files, by a hash of their path (n machines, one share each; combine with merge)')
    .addHelpText('after', EPILOGUE)
    .action(async (paths: string[], raw: CheckCommandOptions & { outputFile?: string }) => {
      const { outputFile, ...opts } = raw;
      const { settle } = await import('./settings.ts');
      const options = await settle({ ...opts, ...(outputFile !== undefined && { output: outputFile }) }, deps.cwd);
      if (opts.format === 'html') {
        const { runHtmlReport } = await import('./html-command.ts');
        exitCode = await runHtmlReport(paths, options, deps, TOOL);
      } else {
        const { runCheck } = await import('./check-command.ts');
        exitCode = await runCheck(paths, options, deps, TOOL);
      }
    });

  const baseline = addCheckOptions(
    program
      .command('baseline')
      .description("accept today's findings: later runs report only new ones / accepte les constats actuels")
      .argument('<paths...>', 'files, folders or globs whose findings to accept')
      .requiredOption('--reason <text>', 'why these findings are accepted, kept with each entry')
      .option('--baseline <file>', 'file to write (default: the logo-check-baseline.json runs find, upward from here, else a new one here)'),
    ids,
  ).action(async (paths: string[], opts: BaselineCommandOptions) => {
    const [{ runBaseline }, { settle }] = await Promise.all([import('./check-command.ts'), import('./settings.ts')]);
    exitCode = await runBaseline(paths, await settle(opts, deps.cwd, 'logo-check baseline'), deps, TOOL);
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
      const { runArtwork } = await import('./artwork-command.ts');
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
      const { runCharter } = await import('./charter-command.ts');
      exitCode = await runCharter(opts.charter ?? program.opts().charter, deps);
    });

  const merge = program
    .command('merge')
    .description('combine the --format jsonl results of several runs or shards into one report / fusionne des résultats jsonl')
    .argument('<results...>', 'files written by logo-check --format jsonl')
    .addOption(new Option('-f, --format <format>', 'report format').choices([...FORMAT_NAMES, 'jsonl']).default('text'))
    .option('-o, --output-file <file>', 'write the report to this file instead of the standard output')
    .addOption(new Option('--output <file>', 'same as --output-file').hideHelp())
    .action(async (inputs: string[], raw: MergeCommandOptions & { outputFile?: string }) => {
      const { outputFile, ...opts } = raw;
      const options = { ...opts, ...(outputFile !== undefined && { output: outputFile }) };
      if (opts.format === 'html') {
        const { runHtmlMerge } = await import('./html-command.ts');
        exitCode = await runHtmlMerge(inputs, options, deps);
      } else {
        const { runMerge } = await import('./merge-command.ts');
        exitCode = await runMerge(inputs, options, deps);
      }
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
      const { runServe } = await import('./serve-command.ts');
      exitCode = await runServe({ ...opts, charter: opts.charter ?? program.opts().charter }, deps, TOOL);
    });

  const site = program
    .command('site')
    .description("a partner's web site against Article VIII: where the offer sits, the way back to the catalogue, every logo and the offer's documentation / votre site internet")
    .argument('[home-url]', 'home page of the site / page d’accueil du site')
    .option('--offer-url <url...>', 'page(s) of the site the catalogue links to; otherwise the offer is recognised by its logo or name')
    .option('--catalogue <url>', "the operation's catalogue offer pages must lead back to (default: the charter's)")
    .option('--saved <folder|file.warc>', 'read a saved copy of the site (a folder of HTML files or a WARC file) instead of the web')
    .option('--sites <file>', 'check every site listed, one a line: home page, then its --offer-url pages; one report each (--output is then a folder)')
    .option('--max-pages <n>', 'most pages read', integerIn(1, 100_000), SITE_DEFAULTS.maxPages)
    .option('--max-depth <n>', 'most clicks followed from the home page', integerIn(1, 100), SITE_DEFAULTS.maxDepth)
    .option('--delay <ms>', 'pause between two requests to the site', integerIn(0, 60_000), SITE_DEFAULTS.delay)
    .option('--timeout <seconds>', 'longest wait for one answer', integerIn(1, 600), SITE_DEFAULTS.timeout)
    .addOption(new Option('--format <format>', 'report format').choices([...FORMAT_NAMES]).default('text'))
    .option('--output <file>', 'write the report to this file instead of the standard output')
    .addOption(new Option('--lang <lang>', 'language of the report / langue du rapport').choices(['fr', 'en']).default('fr'))
    .option('--dpi <n>', 'resolution PDF brochures of the site are rendered at, 36 to 600', integerIn(36, 600), 150)
    .option('--charter <file>', 'charter to check against (default: the bundled charter)')
    .action(async (home: string | undefined, opts: SiteCommandOptions) => {
      const { runSite } = await import('./site-command.ts');
      exitCode = await runSite(home, { ...opts, charter: opts.charter ?? program.opts().charter }, deps, TOOL);
    });

  for (const command of [program, baseline, artwork, charter, merge, serve, site]) {
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
