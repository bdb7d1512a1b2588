/**
 * The bioanchors command line. Commands are loaded when they run, so `--help` and `--version`
 * start without loading the model (zod, the engine).
 */
import { Command, CommanderError, Help, Option } from 'commander';
import type { CliContext } from './context.js';
import { availableParallelism } from 'node:os';
import {
  collect,
  collectGrid,
  collectSweepRange,
  collectSwing,
  collectValues,
  parseChoice,
  parseChunks,
  parseCount,
  parseRange,
  parseSeed,
  parseTargetSe,
  parseYear,
  parseYears,
} from './options.js';
import { VERSION } from '../version.js';
import { resolve } from 'node:path';
import { useNodeFiles } from '../node/files.js';

/** 20200918: the date the draft report was published. Kept here too so --help needs no engine import. */
const DEFAULT_SEED = 20200918;
const DEFAULT_SAMPLES = 100_000;
const FORMATS = ['table', 'csv', 'json'] as const;
const RUN_FORMATS = [...FORMATS, 'metaculus'] as const;

export const EXIT = { ok: 0, internal: 1, usage: 2, input: 3 } as const;

/** --observation-error: a positive number of orders of magnitude (a usage error otherwise, exit 2). */
function parseObservationError(raw: string): number {
  const value = Number(raw);
  if (!(value > 0) || !Number.isFinite(value)) {
    throw Object.assign(new Error(`--observation-error takes a positive number of orders of magnitude, e.g. 0.5; found "${raw}"`), { name: 'UsageError' });
  }
  return value;
}

/** --trend-error: a non-negative number of orders of magnitude (a usage error otherwise, exit 2). */
function parseTrendError(raw: string): number {
  const value = Number(raw);
  if (!(value >= 0) || !Number.isFinite(value) || raw.trim() === '') {
    throw Object.assign(new Error(`--trend-error takes a number of orders of magnitude of the rate, 0 or more, e.g. 0.1; found "${raw}"`), {
      name: 'UsageError',
    });
  }
  return value;
}

/** The options that choose the evidence of --given-observed (run and compare); a new Option for each command. */
const levelsOption = () =>
  new Option(
    '--observed-levels <list>',
    'for --given-observed: which yearly figures weigh: all (default), none, or quantities among largestRun,flopPerUsd,spending',
  );
const trendsOption = () =>
  new Option(
    '--observed-trends <list>',
    'for --given-observed: which growth-rate estimates of the observations file weigh on the parameter each bears on: none (default), all (those with an interval and its level), or trend ids separated by commas (bioanchors hindcast lists them)',
  );
const trendErrorOption = () =>
  new Option(
    '--trend-error <oom>',
    "for --observed-trends: added in quadrature to each estimate's standard deviation, in log10 of the rate, for the gap between what it measures and the parameter (default 0)",
  ).argParser(parseTrendError);

/** The exit code for an error that ended a command. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
  }
  const name = (error as Error | undefined)?.name;
  if (name === 'UsageError') return EXIT.usage;
  if (name === 'InputError') return EXIT.input;
  return EXIT.internal;
}

/**
 * Runs `work` with a pool of worker threads for a command that will simulate about `worlds`
 * worlds' worth of work on `threads` threads (none when not worth it), and stops the pool after.
 */
async function withPool<T>(
  ctx: CliContext,
  threads: number,
  worlds: number,
  work: (pool: import('../jobs/pool.js').WorkerPool | undefined) => Promise<T>,
): Promise<T> {
  const { startPool } = await import('./inputs.js');
  const pool = startPool(ctx, threads, worlds);
  try {
    return await work(pool);
  } finally {
    await pool?.close();
  }
}

/**
 * --threads, one declaration for every command that simulates: `what` says what stays the same on
 * any number, `note` when fewer are used. Its default is this machine's cores, shown as "all cores".
 */
const threadsOption = (what = 'output', note?: string) =>
  new Option('-t, --threads <N>', `threads to use${note ? ` (${note})` : ''}; the ${what} is the same for any number`)
    .argParser(parseCount('--threads', 256))
    .default(availableParallelism(), 'all cores');

/** The command line: every command with its options (exported for the test that keeps docs/cli.md in step). */
export function buildProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('bioanchors')
    .description("Forecast when transformative AI becomes affordable to train, with Ajeya Cotra's biological anchors model.")
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s), outputError: () => {} })
    .showSuggestionAfterError(true)
    .configureHelp({
      // A repeatable option starts empty: its help has no "(default: [])".
      optionDescription(option) {
        const empty = option.defaultValue !== null && typeof option.defaultValue === 'object' && Object.keys(option.defaultValue).length === 0;
        return Help.prototype.optionDescription.call(
          this,
          empty ? Object.assign(Object.create(Object.getPrototypeOf(option)), option, { defaultValue: undefined }) : option,
        );
      },
    })
    .addHelpText(
      'after',
      `
Examples:
  bioanchors run                                 the report's best guess (cotra-2020), table and chart
  bioanchors run cotra-2020-aggressive --format csv > out.csv
  bioanchors run my-scenario.json --set spending.doublingYears=2
  bioanchors compare cotra-2020 cotra-2020-aggressive   side by side, with paired errors
  bioanchors sensitivity                         which inputs move the median year most
  bioanchors sweep --grid spending.doublingYears=1.5:3.5:0.25   the forecast at every value
  bioanchors trajectories > curves.csv           the curves behind the forecast
  bioanchors samples -n 1000 > worlds.csv        one row per simulated world
  bioanchors plot cdf -o cdf.svg                 a chart (cdf, requirements, compare, hindcast, tornado, sweep)
  bioanchors report cotra-2020 my.json -o r.html  everything in one self-contained HTML file
  bioanchors explore -o explore.html             every belief a control, recomputed live in the browser
  bioanchors list                                anchors and scenarios
  bioanchors validate my-scenario.json           check a file; problems as file:line:col

Scenarios: a name with a "/" or ending in .json is a file; a bare id (cotra-2020) is the bundled
scenario, unless a file (not a folder) of exactly that name is in the working folder.
Years: a year Y means "by the end of year Y"; dates (2053.9) are decimal years, year Y ending at Y+1.
Format: --format, else the --output file's extension, else a table on a terminal and CSV when piped.
Exit codes: 0 ok, 1 internal error, 2 command-line mistake (or an --output that cannot be written),
3 bad input file, 128+N when stopped by signal N (130 for Ctrl-C).`,
    );

  program
    .command('run')
    .description('forecast one or more scenarios (ids or JSON files; default: cotra-2020)')
    .argument('[scenarios...]', 'scenario ids (see `bioanchors list`) or paths to scenario files')
    .option('-n, --samples <N>', 'simulated worlds (up to 1e13: a run split with --chunks may be that large)', parseCount('--samples', 1e13), DEFAULT_SAMPLES)
    .option('--seed <S>', 'random seed (the same seed and inputs give the same output)', parseSeed, DEFAULT_SEED)
    .addOption(
      new Option('-f, --format <format>', "output format (default: by the --output file's extension; else table on a terminal, csv when piped)")
        .choices(RUN_FORMATS)
        .argParser(parseChoice('--format', RUN_FORMATS)),
    )
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .option('--horizon <year>', 'last year to simulate (same as --set horizonYear=YEAR)', parseYear('--horizon'))
    .option(
      '--given-no-tai-by <year>',
      'the forecast given that TAI has not arrived by the end of YEAR (worlds that arrived are dropped)',
      parseYear('--given-no-tai-by'),
    )
    .option(
      '--given-observed [file]',
      'weight the worlds by how well their growth matches the observations (default: the bundled data/observations.json); without -n the run grows until every headline probability has standard error ≤ 0.5pp (about 10,000 effective worlds), or --target-se',
    )
    .option(
      '--observation-error <oom>',
      "for --given-observed: the observations' error, standard deviation in orders of magnitude (default 0.5)",
      parseObservationError,
    )
    .addOption(levelsOption())
    .addOption(trendsOption())
    .addOption(trendErrorOption())
    .option(
      '--range <from,to>',
      "for --format metaculus: the question's range as dates in decimal years (default: every date the forecast covers, the end of its first year to the end of its last)",
      parseRange,
    )
    .option('--set <path=value>', 'override one scenario value, e.g. spending.doublingYears=2 or anchors.lifetime.weight=0.1 (repeatable)', collect, [])
    .addOption(threadsOption('output', 'runs under 1,000,000 worlds a thread use fewer'))
    .option(
      '--target-se <X>',
      'keep adding worlds until every headline probability has standard error ≤ X (0.001 or 0.1pp), or the median year ≤ X years (0.05y); repeatable',
      parseTargetSe,
    )
    .option(
      '--max-samples <N>',
      'most worlds --target-se, or a --given-observed run that grows, may draw (default 1e9; 1e8 with --given-observed)',
      parseCount('--max-samples', 1e11),
    )
    .option(
      '--chunks <from:to>',
      'simulate only chunks FROM..TO-1 of the run (16,384 worlds each) and write their counts as JSON for `bioanchors merge`',
      parseChunks,
    )
    .option('--chart', 'draw the terminal chart even when stdout is not a terminal')
    .option('--no-chart', 'no terminal chart')
    .option('--chart-anchors', "the terminal chart shows each anchor's curve too (P(TAI by year | anchor))")
    .option('-q, --quiet', 'no messages on stderr')
    .addHelpText(
      'after',
      `
Examples:
  bioanchors run                                       cotra-2020, 100,000 worlds
  bioanchors run cotra-2020 cotra-2020-conservative -n 1000000 --format csv -o out.csv
  bioanchors run --set spending.doublingYears=2 --set anchors.long-horizon.weight=0.2
  bioanchors run --set 'variables.brainLog10FlopPerS={"dist":"normal","low":14,"high":16,"level":0.9}'
  bioanchors run --target-se 0.05pp --target-se 0.1y      as many worlds as that precision takes
  bioanchors run --given-no-tai-by 2026                    the curve now that TAI has not arrived by 2026
  bioanchors run --format metaculus --range 2025,2100      201-point CDF from 1 Jan 2025 to 1 Jan 2100
  bioanchors run cotra-2020-uncertain-growth --given-observed   updated on what was observed since 2020

The table shows P(TAI by the end of each year) with Monte Carlo standard errors (beside the published
forecast an unmodified bundled scenario is the reference for: the report's spreadsheet curve for
cotra-2020, Cotra's stated 2022 numbers for cotra-2022, rp-2022 and cotra-2022-fit), the dates each
probability is reached (decimal years; a "?" marks one the run cannot settle), "after <horizon>"
and "never" (no anchor) as separate outcomes, and each anchor's curve. CSV: one row per scenario and year (then
after-<horizon> and never), with the overrides and conditioning in every row; several scenarios
share one header, one column per anchor id of any of them (empty where a scenario lacks that
anchor); JSON adds the run's manifest. --format metaculus writes the CDF at 201 dates over --range (default: every date covered).

--given-observed weights each world by how well its growth matches the observations, so a run is
worth fewer worlds than it draws (its effective sample size). Without -n it draws 131,072 worlds,
then adds whole batches until every headline probability has a standard error of at most 0.5pp
(about 10,000 effective worlds; --target-se asks for another precision), drawing at most
--max-samples (default 1e8); when the share of worlds that count says the target is out of reach,
it stops at once, with the forecast it has (and a note) or, under 1,000 effective worlds, exit 2.
With -n and no --target-se it draws exactly that many. The manifest records the worlds drawn: -n
that many gives the same numbers.

--observed-trends adds the file's growth-rate estimates (bioanchors hindcast lists them), each on
the doubling or halving time it bears on: a normal in log10 of the rate (log10(2)/T OOM a year),
centred on the estimate, its sd from the interval's width at its level, widened by --trend-error.
The estimate is read as the parameter itself (Ho et al.'s language-model pre-training efficiency
as the report's algorithmic progress); on algorithmic progress it updates each anchor's halving
time without reweighting the anchors. A trend whose parameter the scenario holds fixed gives every
world the same weight (said on stderr). Off by default: the growth estimates are fitted to many of
the runs whose yearly levels are already evidence.`,
    )
    .action(async (scenarios: string[], options, command: Command) => {
      // A weighted run without -n grows until its target: -n given fixes its size.
      options.samplesGiven = command.getOptionValueSource('samples') !== 'default';
      const grows = Boolean(options.targetSe) || (options.givenObserved !== undefined && !options.samplesGiven);
      // Worker threads boot while this thread loads the model code and reads the files.
      const { startPool } = await import('./inputs.js');
      const pool = startPool(ctx, options.threads, grows ? (options.maxSamples ?? (options.givenObserved !== undefined ? 1e8 : 1e9)) : options.samples);
      try {
        const { runCommand } = await import('./commands/run.js');
        await runCommand(ctx, scenarios, options, pool);
      } finally {
        await pool?.close();
      }
    });

  /** The options of the analysis commands; those that print tables also take --format. */
  const common = (command: Command, samples: number, tables = true) =>
    (tables
      ? command.addOption(
          new Option('-f, --format <format>', "output format (default: by the --output file's extension; else table on a terminal, csv when piped)")
            .choices(FORMATS)
            .argParser(parseChoice('--format', FORMATS)),
        )
      : command
    )
      .option('-n, --samples <N>', 'simulated worlds', parseCount('--samples'), samples)
      .option('--seed <S>', 'random seed', parseSeed, DEFAULT_SEED)
      .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
      .option('--horizon <year>', 'last year to simulate', parseYear('--horizon'))
      .option('--set <path=value>', 'override a scenario value (repeatable; applies to every scenario given)', collect, [])
      .option('-q, --quiet', 'no messages on stderr');

  common(
    program
      .command('compare')
      .description('scenarios side by side, on common random numbers: differences come with their own (small) standard error')
      .argument('<scenarios...>', 'two or more scenario ids or files; differences are against the first'),
    200_000,
  )
    .addOption(threadsOption())
    .option('--given-no-tai-by <year>', 'compare the distributions given no TAI by the end of YEAR', parseYear('--given-no-tai-by'))
    .option(
      '--given-observed [file]',
      "weight each scenario's worlds by how well their growth matches the observations (default: the bundled data/observations.json); without -n each scenario's run grows as run's does (see run --help)",
    )
    .option(
      '--observation-error <oom>',
      "for --given-observed: the observations' error, standard deviation in orders of magnitude (default 0.5)",
      parseObservationError,
    )
    .option('--max-samples <N>', "for --given-observed without -n: most worlds each scenario's run may draw (default 1e8)", parseCount('--max-samples', 1e11))
    .addOption(levelsOption())
    .addOption(trendsOption())
    .addOption(trendErrorOption())
    .addHelpText(
      'after',
      `
Examples:
  bioanchors compare cotra-2020 cotra-2020-spend-doubling-2y cotra-2020-aggressive
  bioanchors compare cotra-2020 my-view.json --format csv > compare.csv

Every scenario's worlds share their random numbers wherever the scenarios share a quantity (the
anchor choice, each named variable, each growth parameter), so a difference between two columns
is measured on the same worlds: its standard error ("± paired") is usually several times smaller
than that of two independent runs ("unpaired", shown beside it).`,
    )
    .action(async (scenarios: string[], options, command: Command) => {
      options.samplesGiven = command.getOptionValueSource('samples') !== 'default';
      const grows = options.givenObserved !== undefined && !options.samplesGiven;
      // Paired runs do a run's work once per scenario: that is the work the threads share.
      await withPool(ctx, options.threads, (grows ? (options.maxSamples ?? 1e8) : options.samples) * scenarios.length, async (pool) => {
        const { compareCommand } = await import('./commands/compare.js');
        await compareCommand(ctx, scenarios, options, pool);
      });
    });

  common(
    program
      .command('sensitivity')
      .description('which inputs move the forecast most: a tornado table of swings and variance shares')
      .argument('[scenario]', 'scenario id or file (default: cotra-2020)'),
    200_000,
  )
    .addOption(threadsOption())
    .option('--by <year>', 'output: P(TAI by YEAR) instead of the median year', parseYear('--by'))
    .option(
      '--swing <path=low,high>',
      "a stated range for a parameter, e.g. spending.doublingYears=2,3, anchors.lifetime.weight=0,0.15 or variables.brainLog10FlopPerS=14,16 (repeatable; replaces that input's default range)",
      collectSwing,
      {},
    )
    .addHelpText(
      'after',
      `
Examples:
  bioanchors sensitivity                                 median year, cotra-2020
  bioanchors sensitivity --by 2040 --swing spending.doublingYears=2,3 --swing pricePerformance.doublingYears=2,3.5

For each uncertain input (anchor variables, anchor weights, uncertain growth parameters, and
point values given a --swing) the output is computed with the input fixed at its low and its high
value: the 5th and 95th percentile of its distribution, ×0.5 and ×1.5 for a weight (the other
anchors making room), or the --swing range. A --swing names any path --set takes, a weight
(anchors.<id>.weight: that weight alone, "no anchor" taking the difference) or a variable
(variables.<name>, anchors.<id>.variables.<name>) included, and replaces that input's default
range. Rows are sorted by the size of the swing. The variance
share is Var(E[Y | input]) / Var(Y) for Y = "TAI by the output's year" in one run (first-order,
from 20 bins of the input).`,
    )
    .action(async (scenario: string | undefined, options) => {
      const { sensitivityCommand } = await import('./commands/sensitivity.js');
      // Tens of variants share each chunk: worth threads from far fewer worlds than a run.
      await withPool(ctx, options.threads, options.samples * 20, (pool) => sensitivityCommand(ctx, scenario ?? 'cotra-2020', options, pool));
    });

  common(
    program
      .command('sweep')
      .description(
        "many variants of one scenario (a grid or a random design of point values), on common random numbers: each one's headline figures with standard errors",
      )
      .argument('[scenario]', 'scenario id or file (default: cotra-2020)'),
    100_000,
  )
    .addOption(threadsOption())
    .option(
      '--grid <path=lo:hi:step>',
      'sweep a path from LO to HI in steps of STEP, e.g. spending.doublingYears=1.5:3.5:0.25 (repeatable: every combination)',
      collectGrid,
      [],
    )
    .option(
      '--values <path=a,b,c>',
      'sweep a path over the values listed, e.g. pricePerformance.doublingYears=2,2.5,3.5 (repeatable, combines with --grid)',
      collectValues,
      [],
    )
    .option(
      '--random <N>',
      'a random design instead of a grid: N points over the --range of each path (a Latin hypercube, seeded by --seed)',
      parseCount('--random', 1e6),
    )
    .option('--range <path=lo:hi>', 'for --random: the range of a path, e.g. spending.doublingYears=1.5:3.5 (repeatable)', collectSweepRange, [])
    .option('--by <years>', 'the years of the P(TAI by YEAR) figures (default 2030,2040,2050)', parseYears('--by'))
    .addHelpText(
      'after',
      `
Examples:
  bioanchors sweep --grid spending.doublingYears=1.5:3.5:0.25
  bioanchors sweep --grid spending.doublingYears=1.5:3.5:0.5 --values pricePerformance.doublingYears=2,2.5,3,3.5 --format csv > sweep.csv
  bioanchors sweep cotra-2020-uncertain-growth --random 500 --range algorithmicProgress.halvingYears=1.5:4 --range spending.maxGdpFraction=0.005:0.05 -o sweep.json
  bioanchors plot sweep --grid spending.doublingYears=1.5:3.5:0.25 --figure p_by_2040 -o sweep.svg

Paths are the parameters --set and --swing take: growth and algorithmic progress
(pricePerformance.*, spending.*, computeCeiling.*, algorithmicProgress.*,
anchors.<id>.algorithmicProgress.*), an anchor's weight (anchors.<id>.weight; "no anchor" takes the
difference) and anchor variables (variables.<name> in every anchor that has it,
anchors.<id>.variables.<name>), each set to a point value per variant, exactly as --set path=value
would; the values are checked as --set checks them before anything runs (weights also together,
all at their largest). A grid is every combination of the --grid and --values
paths (the first --grid varying slowest), at most 10,000 variants; --random N instead draws N
points over the --range of each path, one in each of N equal slices of every range.

Every variant, and the scenario as given (variant 0), runs on the same -n worlds with common
random numbers: a world keeps its anchor, its variables and its drawn growth values in every
variant, so neighbouring variants differ by what was changed, not by the luck of their draws.
Memory holds one workspace and each variant's plan and counts, not its worlds.

Figures per variant, each with its Monte Carlo standard error: p_by_<year> for each --by year, the
10%, 50% and 90% dates (date_10, date_50, date_90, decimal years, with a status when not reached by
the horizon), p_not_by_horizon (TAI only after the horizon) and p_never (no anchor). CSV is long:
one row per variant and figure, with variant, each path's value, figure, value, se, status, seed,
samples, scenario and overrides; JSON adds the manifest.`,
    )
    .action(async (scenario: string | undefined, options) => {
      const { sweepCommand } = await import('./commands/sweep.js');
      await sweepCommand(ctx, scenario ?? 'cotra-2020', options);
    });

  common(
    program
      .command('samples')
      .description('one CSV row per simulated world: anchor, every drawn variable, requirement, arrival year')
      .argument('[scenario]', 'scenario id or file (default: cotra-2020)'),
    1000,
  )
    .addOption(threadsOption())
    .addHelpText(
      'after',
      `
Examples:
  bioanchors samples -n 10 
  bioanchors samples cotra-2020 -n 10000000 > worlds.csv        streams; memory stays flat

world is the world's number in the run (run --seed S -n N simulates worlds 0..N-1, the same
ones); arrival is a year (TAI by the end of it), "after-<horizon>" or "never" (no anchor).
Variables an anchor does not have are empty (null in JSON); a variable named like another column
(seed, arrival, a growth parameter) is headed variable.<name>. --format json streams one array of
objects; a table is aligned chunk by chunk.`,
    )
    .action(async (scenario: string | undefined, options) => {
      const { samplesCommand } = await import('./commands/samples.js');
      const { SAMPLES_WORK_PER_WORLD } = await import('../jobs/registry.js');
      await withPool(ctx, options.threads, options.samples * SAMPLES_WORK_PER_WORLD, (pool) => samplesCommand(ctx, scenario ?? 'cotra-2020', options, pool));
    });

  common(
    program
      .command('trajectories')
      .description('year by year: spending, FLOP per dollar, affordable FLOP, algorithmic progress, the requirement band, P(TAI by year)')
      .argument('[scenario]', 'scenario id or file (default: cotra-2020)'),
    100_000,
  )
    .addOption(threadsOption())
    .addHelpText(
      'after',
      `
Examples:
  bioanchors trajectories                        table on a terminal
  bioanchors trajectories cotra-2020 > curves.csv

The data behind the "requirement vs affordable compute" chart: per year, log10 spend on the
largest run, log10 FLOP per dollar, log10 affordable FLOP, each anchor's algorithmic progress (OOM),
and the 10/50/90% band of the requirement in that year's FLOP (the 2020 requirement less
algorithmic progress), overall and per anchor. Uncertain growth parameters give the 10/50/90%
band of each curve across worlds.`,
    )
    .action(async (scenario: string | undefined, options) => {
      const { trajectoriesCommand } = await import('./commands/trajectories.js');
      await withPool(ctx, options.threads, options.samples, (pool) => trajectoriesCommand(ctx, scenario ?? 'cotra-2020', options, pool));
    });

  common(
    program
      .command('hindcast')
      .description('what a scenario projected for 2020 onwards (largest run, FLOP per dollar, spending) beside what was observed')
      .argument('[scenario]', 'scenario id or file (default: cotra-2020)'),
    10_000,
  )
    .option('--observations <file>', 'observations file (default: the bundled data/observations.json)')
    .addHelpText(
      'after',
      `
Examples:
  bioanchors hindcast                          the report's best guess against the bundled observations
  bioanchors hindcast cotra-2020-uncertain-growth --format csv > hindcast.csv

For each observed year (the year a run was published): the scenario's largest affordable run
(log10 FLOP), FLOP per dollar and spending on the largest run in that year, beside the largest
known run, its FLOP per dollar and its estimated cost; how many orders of magnitude the
observation lies above the projection, and how many years ahead of it (when the projection
reaches the observed level, less the observed year). With uncertain growth parameters the
projection is the median [10%, 90%] over --samples draws of them. Every observed figure names its
source in the observations file and in the CSV.`,
    )
    .action(async (scenario: string | undefined, options) => {
      const { hindcastCommand } = await import('./commands/hindcast.js');
      hindcastCommand(ctx, scenario ?? 'cotra-2020', options);
    });

  program
    .command('plot')
    .description('draw a chart as an SVG or PNG file: cdf, requirements, compare, hindcast, tornado or sweep')
    .argument('<kind>', 'cdf | requirements | compare | hindcast | tornado | sweep')
    .argument('[scenarios...]', 'scenario ids or files (default: cotra-2020; compare takes two or more)')
    .option('-o, --output <file>', 'the chart file to write (atomically): FILE.svg or FILE.png')
    .option(
      '-n, --samples <N>',
      'simulated worlds (default: 100,000 for cdf and sweep (per variant), 20,000 for requirements, 200,000 for compare and tornado, 2,000 growth draws for hindcast)',
      parseCount('--samples'),
    )
    .option('--seed <S>', 'random seed (the same seed and inputs give the same file)', parseSeed, DEFAULT_SEED)
    .option('--horizon <year>', 'last year to simulate', parseYear('--horizon'))
    .option('--set <path=value>', 'override a scenario value (repeatable; applies to every scenario given)', collect, [])
    .option(
      '--reference <file>',
      "cdf: a CSV of year,p drawn dashed for reference (default, without --set: the report's spreadsheet curve for the bundled cotra-2020, Cotra's stated 2022 numbers as points for cotra-2022, rp-2022 and cotra-2022-fit)",
    )
    .option('--given-no-tai-by <year>', 'cdf, compare: given no TAI by the end of YEAR', parseYear('--given-no-tai-by'))
    .option('--by <year>', 'tornado: P(TAI by YEAR) instead of the median year', parseYear('--by'))
    .option('--swing <path=low,high>', 'tornado: a stated range for a parameter, as sensitivity --swing (repeatable)', collectSwing, {})
    .option('--observations <file>', 'hindcast: the observations file (default: the bundled data/observations.json)')
    .option('--grid <path=lo:hi:step>', 'sweep: a path from LO to HI in steps of STEP (one or two paths with --values)', collectGrid, [])
    .option('--values <path=a,b,c>', 'sweep: a path over the values listed', collectValues, [])
    .option('--random <N>', 'sweep: N random points over the --range of each path', parseCount('--random', 1e6))
    .option('--range <path=lo:hi>', 'sweep: with --random, the range of a path', collectSweepRange, [])
    .option(
      '--figure <name>',
      'sweep: the figure drawn, p_by_<year> (e.g. p_by_2040), date_10, date_50, date_90, p_not_by_horizon or p_never (default date_50)',
    )
    .addOption(threadsOption('chart'))
    .option('-q, --quiet', 'no messages on stderr')
    .addHelpText(
      'after',
      `
Examples:
  bioanchors plot cdf -o cdf.svg                                 cotra-2020 with the report's curve dashed
  bioanchors plot cdf cotra-2022-fit -o fit.svg                  with Cotra's stated 2022 numbers as points
  bioanchors plot cdf my-view.json --reference published.csv -o my-view.png
  bioanchors plot requirements cotra-2020-uncertain-growth -o requirements.svg
  bioanchors plot compare cotra-2020 cotra-2020-aggressive cotra-2020-conservative -o compare.svg
  bioanchors plot tornado --by 2040 -o tornado.svg
  bioanchors plot sweep --grid spending.doublingYears=1.5:3.5:0.25 --figure p_by_2040 -o sweep.svg
  bioanchors plot sweep --grid spending.doublingYears=1.5:3.5:0.5 --grid pricePerformance.doublingYears=2:3.5:0.5 -o heat.svg

Kinds:
  cdf           P(TAI by year) with its 95% Monte Carlo band, each anchor's share stacked
                underneath (they add up to the curve), the after-horizon and never shares as a
                bar past the last year, and a reference curve (--reference CSV of year,p; p as
                a fraction, or in percent when the header says so or a value exceeds 1)
  requirements  per anchor, the requirement's 10–90% band and median in log10 FLOP, lowered by
                algorithmic progress, against affordable compute (with its band when growth is
                uncertain)
  compare       two or more scenarios' curves, and each one's paired difference from the first
  hindcast      the projected largest run, FLOP per dollar and spending beside the observations
                since 2020 (data/observations.json; a band when growth is uncertain)
  tornado       the sensitivity swings, sorted, beside the variance shares (see sensitivity --help)
  sweep         a figure of a sweep (see sweep --help; --figure, default date_50): for one path, a
                line against its value with the 95% Monte Carlo band; for two, a heatmap over the
                grid (or, for --random, the design's points coloured by the figure)

Every chart says what produced it: the scenario in its title, each --set, a changed --horizon and
any conditioning under it, the seed and worlds in its caption. Charts are drawn with Vega-Lite; the
same seed and inputs give the same SVG bytes. PNG is the
SVG rendered by resvg at twice the size.`,
    )
    .action(async (kind: string, scenarios: string[], options) => {
      const { plotCommand } = await import('./commands/plot.js');
      await plotCommand(ctx, kind, scenarios, options);
    });

  program
    .command('report')
    .description('one self-contained HTML file: forecast table, every chart, the inputs with their sources, and the manifest')
    .argument('[scenarios...]', 'scenario ids or files (default: cotra-2020); two or more are also compared')
    .option('-o, --output <file>', 'the HTML file to write (atomically)')
    .option(
      '-n, --samples <N>',
      'simulated worlds for every forecast and chart (default 100,000; the requirement bands use the first 20,000)',
      parseCount('--samples'),
    )
    .option('--seed <S>', 'random seed (the same seed and inputs give the same file)', parseSeed, DEFAULT_SEED)
    .option('--horizon <year>', 'last year to simulate', parseYear('--horizon'))
    .option('--set <path=value>', 'override a scenario value (repeatable; applies to every scenario given)', collect, [])
    .option('--no-sensitivity', 'leave out the tornado chart (the slowest part)')
    .option('-q, --quiet', 'no messages on stderr')
    .addHelpText(
      'after',
      `
Examples:
  bioanchors report -o report.html                          cotra-2020
  bioanchors report cotra-2020 my-view.json -o report.html  both, and compared

The file has no scripts and loads nothing: it opens offline and prints. Each chart's caption
gives the plot command that draws it alone.`,
    )
    .action(async (scenarios: string[], options) => {
      const { reportCommand } = await import('./commands/report.js');
      await reportCommand(ctx, scenarios, options);
    });

  program
    .command('explore')
    .description('one self-contained HTML page where every belief is a control and the engine recomputes the forecast in the browser')
    .argument('[scenarios...]', 'scenario ids or files (default: cotra-2020); with several, the page switches between them and compares any two')
    .option('-o, --output <file>', 'the HTML file to write (atomically)')
    .option('-n, --samples <N>', 'worlds the page refines each forecast to (it shows 20,000 first)', parseCount('--samples', 1_000_000), DEFAULT_SAMPLES)
    .option('--seed <S>', 'random seed the page starts with (the reader may change it)', parseSeed, DEFAULT_SEED)
    .option('-q, --quiet', 'no messages on stderr')
    .addHelpText(
      'after',
      `
Examples:
  bioanchors explore -o explore.html                                   cotra-2020
  bioanchors explore cotra-2020 cotra-2020-uncertain-growth my.json -o explore.html

The page needs no network: the scenario and anchor files it reads and the engine are inside it,
so it opens from file://, an e-mail attachment or any static host. Each change of a control is a
--set override; the page's link holds them, "copy command" gives the bioanchors run line that
prints the page's numbers, and "download scenario" saves a file that extends the scenario with
only the changes. It needs JavaScript (bioanchors report writes a page that does not).`,
    )
    .action(async (scenarios: string[], options) => {
      const { exploreCommand } = await import('./commands/explore.js');
      exploreCommand(ctx, scenarios, options);
    });

  program
    .command('merge')
    .description('put the parts of a run split with run --chunks back together: the forecast the whole run prints')
    .argument('<parts...>', 'the JSON files written by run --chunks FROM:TO --format json')
    .addOption(
      new Option('-f, --format <format>', "output format (default: by the --output file's extension; else table on a terminal, csv when piped)")
        .choices(RUN_FORMATS)
        .argParser(parseChoice('--format', RUN_FORMATS)),
    )
    .option('--range <from,to>', "for --format metaculus: the question's range as dates in decimal years (default: every date the forecast covers)", parseRange)
    .option('-o, --output <file>', 'write to this file (checked first, written atomically)')
    .option('-q, --quiet', 'no messages on stderr')
    .addHelpText(
      'after',
      `
Examples:
  bioanchors run -n 1000000000 --chunks 0:30518 --format json -o part-1.json      on one machine
  bioanchors run -n 1000000000 --chunks 30518:61036 --format json -o part-2.json  on another
  bioanchors merge part-*.json --format csv > forecast.csv

The parts must be of one run (same scenario files, options, seed and --samples) and cover its
chunks exactly once; the result is the output of the whole run, byte for byte.`,
    )
    .action(async (parts: string[], options) => {
      const { mergeCommand } = await import('./commands/merge.js');
      mergeCommand(ctx, parts, options);
    });

  program
    .command('list')
    .description('list the anchors and scenarios, with weights and sources')
    .action(async () => {
      const { listCommand } = await import('./commands/list.js');
      listCommand(ctx);
    });

  program
    .command('show')
    .description('print the resolved definition of an anchor or scenario as JSON')
    .argument('<name>', 'anchor id, scenario id, or path to a file')
    .option('--seed <S>', 'seed for the requirement percentiles shown for an anchor', parseSeed, DEFAULT_SEED)
    .option('--set <path=value>', 'apply an override to a scenario before showing it (repeatable)', collect, [])
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addHelpText('after', '\nExamples:\n  bioanchors show medium-horizon\n  bioanchors show cotra-2020-aggressive')
    .action(async (name: string, options) => {
      const { showCommand } = await import('./commands/show.js');
      showCommand(ctx, name, options);
    });

  program
    .command('validate')
    .description('check anchor, scenario and observations files (default: the bundled ones); problems as file:line:col')
    .argument('[files...]', 'files to check, each as what its "$schema" (else its anchors/ folder, else its shape) says it is')
    .addHelpText('after', '\nExamples:\n  bioanchors validate my-scenario.json anchors/my-anchor.json')
    .action(async (files: string[]) => {
      const { validateCommand } = await import('./commands/validate.js');
      if (validateCommand(ctx, files) > 0) setExit(EXIT.input);
    });

  program
    .command('schemas')
    .description('print the JSON Schemas of anchor, scenario and observation files (generated from the code)')
    .option('--write', "write them into this package's own anchors/, scenarios/ and data/ folders (for development: npm run schemas)")
    .action(async (options) => {
      const { schemasCommand } = await import('./commands/schemas.js');
      schemasCommand(ctx, options);
    });
  return program;
}

/** Runs the command line in-process; returns the exit code. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  let code: number = EXIT.ok;
  // The core reads files through one seam; every path it reads is an input no output may overwrite.
  const reads: string[] = [];
  ctx = { ...ctx, reads };
  useNodeFiles((path) => reads.push(resolve(path)));
  const program = buildProgram(ctx, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    code = exitCodeFor(error);
    if (code === EXIT.ok) return code;
    if (error instanceof CommanderError) {
      ctx.stderr.write(`bioanchors: ${error.message.replace(/^error: /, '')}\n(see bioanchors --help)\n`);
    } else if (code === EXIT.internal) {
      ctx.stderr.write(`bioanchors: internal error: ${(error as Error)?.stack ?? String(error)}\nPlease report this with the command line that caused it.\n`);
    } else {
      ctx.stderr.write(`${(error as Error).message}\n`);
    }
  }
  return code;
}
