#!/usr/bin/env node
// Benchmark: worlds per second of the engine (whole `bioanchors run` process, 1 and 2 threads)
// beside the naive baseline (bench/naive.mjs) and the same model in Squiggle where
// @quri/squiggle-lang is installed (bench/squiggle.mjs), each case in its own process, the cases
// alternating, median of the repetitions. For the simplified benchmark model also its peers
// (bench/peers/: a tuned Node script, NumPy, C compiled here with gcc). Then `compare` and
// `sensitivity` beside a plain run of as many worlds, peak memory by run size, and the start-up
// time of the command beside bare Node.
// Then a sweep of many variants beside a plain run of as many worlds.
// Usage: npm run bench [-- --reps 5 --worlds 10000000 --naive-worlds 300000 --squiggle-worlds 200000
//   --command-worlds 1000000 --sweep-variants 1000 --sweep-worlds 100000 --skip-commands --skip-memory
//   --skip-startup --skip-sweep --only-sweep]   (--help prints this)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    worlds: { type: 'string', default: '10000000' },
    'naive-worlds': { type: 'string', default: '300000' },
    'squiggle-worlds': { type: 'string', default: '200000' },
    scenario: { type: 'string', default: 'cotra-2020' },
    'command-worlds': { type: 'string', default: '1000000' },
    'skip-commands': { type: 'boolean', default: false },
    'skip-memory': { type: 'boolean', default: false },
    'skip-startup': { type: 'boolean', default: false },
    'sweep-variants': { type: 'string', default: '1000' },
    'sweep-worlds': { type: 'string', default: '100000' },
    'skip-sweep': { type: 'boolean', default: false },
    'only-sweep': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run bench -- [options]   (or node bench/run.mjs [options], after npm run build)

  --reps N              repetitions of every case (median reported; default 5)
  --worlds N            worlds of the main run cases (default 10000000)
  --naive-worlds N      worlds of the naive baseline (default 300000)
  --squiggle-worlds N   worlds of the Squiggle port (default 200000)
  --scenario S          scenario of the main cases (default cotra-2020)
  --command-worlds N    -n of compare and sensitivity (default 1000000)
  --sweep-variants N    variants of the sweep case (default 1000)
  --sweep-worlds N      worlds per variant of the sweep case (default 100000)
  --skip-commands, --skip-memory, --skip-startup, --skip-sweep   leave that part out
  --only-sweep          only the sweep case (e.g. --only-sweep --reps 1 --sweep-variants 10 --sweep-worlds 20000 to check it runs)`);
  process.exit(0);
}
const onlySweep = values['only-sweep'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'bioanchors.js');
const rss = join(root, 'bench', 'rss.cjs');
const reps = Number(values.reps);
const worlds = Number(values.worlds);
const naiveWorlds = Number(values['naive-worlds']);
const squiggleWorlds = Number(values['squiggle-worlds']);
const haveSquiggle = existsSync(join(root, 'node_modules', '@quri', 'squiggle-lang'));
const work = mkdtempSync(join(tmpdir(), 'bioanchors-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
// GNU time reports the peak memory of a case that is not a Node process (the Python and C peers).
const gnuTime = spawnSync('/usr/bin/time', ['-f', 'bench:maxrss-kb %M', 'true'], { encoding: 'utf8' }).stderr?.startsWith('bench:maxrss-kb');

/**
 * Runs one case in its own process and times it whole. A Node case (`args`) runs under rss.cjs
 * for its peak memory; another program (`exec`: file, args, and what it reads on stdin) under GNU
 * time where there is one.
 */
function timed(args, exec) {
  const [file, argv] = exec
    ? gnuTime
      ? ['/usr/bin/time', ['-f', 'bench:maxrss-kb %M', exec.file, ...exec.args]]
      : [exec.file, exec.args]
    : [process.execPath, ['--require', rss, ...args]];
  const start = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, input: exec?.input });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${[file, ...argv].join(' ')} failed: ${r.error ?? r.stderr}`);
  const kb = Number(/bench:maxrss-kb (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { seconds, kb, stdout: r.stdout };
}

/** P(TAI by the end of 2050) from a case's output: the JSON of a script, or the CSV of `bioanchors run`. */
function pBy2050(stdout) {
  if (stdout.startsWith('{')) return JSON.parse(stdout).pBy2050 ?? NaN;
  const [header, ...rows] = stdout.trim().split('\n');
  const column = header.split(',').indexOf('p_tai_by_end_of_year');
  const row = rows.find((line) => line.startsWith('2050,'));
  return column >= 0 && row ? Number(row.split(',')[column]) : NaN;
}

// The Squiggle port draws point-valued growth parameters only: for other scenarios it is left out, and said so.
const squiggleCheck =
  haveSquiggle && !onlySweep
    ? spawnSync(process.execPath, [join(root, 'bench', 'squiggle.mjs'), '--scenario', values.scenario, '--samples', '1000'], { cwd: root, encoding: 'utf8' })
    : null;
const squiggleRuns = squiggleCheck?.status === 0;
if (haveSquiggle && !onlySweep && !squiggleRuns) console.error(`(Squiggle left out: ${squiggleCheck.stderr.trim().split('\n')[0]})`);
// For the simplified benchmark model, the peers other implementations are measured against, in the
// same run (bench/peers/): a tuned single-file Node script, NumPy and C with the arrival year in
// closed form. The Python and C peers read the model's numbers (bench/peers/model.mjs) on stdin,
// printed once here, so that their times do not include a Node process that prints them.
const simplified = values.scenario.replace(/\\/g, '/').endsWith('simplified/simplified.json');
const peers = [];
if (simplified) {
  const modelJson = spawnSync(process.execPath, [join(root, 'bench', 'peers', 'model.mjs')], { encoding: 'utf8' }).stdout;
  peers.push({
    name: 'tuned single-file Node script (bench/peers/tuned.mjs)',
    worlds,
    args: [join(root, 'bench', 'peers', 'tuned.mjs'), '--samples', String(worlds)],
  });
  const numpy = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (numpy.status === 0)
    peers.push({
      name: `NumPy ${numpy.stdout.trim()}, closed form (bench/peers/numpy_closed_form.py)`,
      worlds,
      exec: { file: 'python3', args: [join(root, 'bench', 'peers', 'numpy_closed_form.py'), String(worlds)], input: modelJson },
    });
  else console.error('(NumPy peer left out: python3 with numpy is not installed)');
  const gcc = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  if (gcc.error || gcc.status !== 0) console.error('(C peer left out: gcc is not installed)');
  else {
    const exe = join(work, 'closed_form');
    const build = spawnSync('gcc', ['-O2', '-march=native', '-o', exe, join(root, 'bench', 'peers', 'closed_form.c'), '-lm'], { encoding: 'utf8' });
    if (build.status !== 0) console.error(`(C peer left out: gcc failed: ${build.stderr.trim().split('\n')[0]})`);
    else
      peers.push({
        name: `C, ${gcc.stdout.split('\n')[0].replace(/^gcc \(.*\) /, 'gcc ')} -O2 -march=native, closed form (bench/peers/closed_form.c)`,
        worlds,
        exec: { file: exe, args: [String(worlds)], input: modelJson },
      });
  }
}
const cases = [
  { name: 'bioanchors run, 1 thread', worlds, args: [bin, 'run', values.scenario, '-n', String(worlds), '--threads', '1', '--format', 'csv', '--quiet'] },
  {
    name: `bioanchors run, ${availableParallelism()} threads`,
    worlds,
    args: [bin, 'run', values.scenario, '-n', String(worlds), '--threads', String(availableParallelism()), '--format', 'csv', '--quiet'],
  },
  {
    name: 'naive baseline (one JS loop per world, year by year)',
    worlds: naiveWorlds,
    args: [join(root, 'bench', 'naive.mjs'), '--scenario', values.scenario, '--samples', String(naiveWorlds)],
  },
  ...(squiggleRuns
    ? [
        {
          name: 'Squiggle (@quri/squiggle-lang 0.10.0, sample sets)',
          worlds: squiggleWorlds,
          args: [join(root, 'bench', 'squiggle.mjs'), '--scenario', values.scenario, '--samples', String(squiggleWorlds)],
        },
      ]
    : []),
  ...peers,
];
if (!haveSquiggle) console.error('(Squiggle not installed: npm install --save-dev @quri/squiggle-lang@0.10.0 to include it)');
const times = cases.map(() => []);
const memory = cases.map(() => []);
const answers = cases.map(() => NaN);
for (let r = 0; r < (onlySweep ? 0 : reps); r++) {
  cases.forEach((c, i) => {
    const t = timed(c.args, c.exec);
    times[i].push(t.seconds);
    memory[i].push(t.kb);
    answers[i] = pBy2050(t.stdout);
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`);
if (!onlySweep) console.log(`Scenario ${values.scenario}; whole-process wall time, median of ${reps}, cases alternating\n`);
const mb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a');
if (!onlySweep) console.log('| case | worlds | median s | worlds/s | vs naive | peak RSS | P(by 2050) |');
if (!onlySweep) console.log('|---|---|---|---|---|---|---|');
const rates = cases.map((c, i) => c.worlds / median(times[i]));
const naiveRate = rates[2];
if (!onlySweep)
  cases.forEach((c, i) =>
    console.log(
      `| ${c.name} | ${c.worlds.toLocaleString('en-US')} | ${median(times[i]).toFixed(3)} | ${(rates[i] / 1e6).toFixed(2)} M | ${(rates[i] / naiveRate).toPrecision(rates[i] / naiveRate < 10 ? 2 : 3)}× | ${mb(median(memory[i]))} | ${Number.isFinite(answers[i]) ? `${(answers[i] * 100).toFixed(2)}%` : 'n/a'} |`,
    ),
  );

if (!values['skip-commands'] && !onlySweep) {
  // `compare` and `sensitivity` beside a plain `bioanchors run` of as many worlds in all: compare
  // simulates each of its scenarios, sensitivity its baseline and a low and a high variant of
  // every input (counted from a small run's JSON), each with -n worlds.
  const n = Number(values['command-worlds']);
  const probe = spawnSync(process.execPath, [bin, 'sensitivity', '-n', '10000', '--threads', '1', '--format', 'json', '--quiet'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (probe.status !== 0) throw new Error(`bioanchors sensitivity failed: ${probe.stderr}`);
  const variants = 1 + 2 * JSON.parse(probe.stdout).inputs.length;
  const commands = [];
  for (const threads of [1, 2]) {
    const common = ['--threads', String(threads), '--format', 'csv', '--quiet'];
    commands.push(
      {
        name: 'compare cotra-2020 cotra-2020-aggressive',
        plainName: 'run cotra-2020 cotra-2020-aggressive',
        threads,
        worlds: 2 * n,
        args: [bin, 'compare', 'cotra-2020', 'cotra-2020-aggressive', '-n', String(n), ...common],
        plain: [bin, 'run', 'cotra-2020', 'cotra-2020-aggressive', '-n', String(n), ...common],
      },
      {
        name: `sensitivity (cotra-2020, ${variants} variants)`,
        plainName: 'run cotra-2020',
        threads,
        worlds: variants * n,
        args: [bin, 'sensitivity', '-n', String(n), ...common],
        plain: [bin, 'run', 'cotra-2020', '-n', String(variants * n), ...common],
      },
    );
  }
  const seconds = commands.map(() => ({ command: [], plain: [], kb: [] }));
  for (let r = 0; r < reps; r++)
    commands.forEach((c, i) => {
      const t = timed(c.args);
      seconds[i].command.push(t.seconds);
      seconds[i].kb.push(t.kb);
      seconds[i].plain.push(timed(c.plain).seconds);
    });
  console.log(
    `\nCommands at -n ${n.toLocaleString('en-US')} beside a plain run of as many worlds in all; whole-process wall time, median of ${reps}, alternating (target: within 1.5× of the plain run):\n`,
  );
  console.log('| command | threads | worlds in all | median s | peak RSS | plain run | plain s | ratio |');
  console.log('|---|---|---|---|---|---|---|---|');
  commands.forEach((c, i) => {
    const ratio = median(seconds[i].command) / median(seconds[i].plain);
    console.log(
      `| ${c.name} | ${c.threads} | ${c.worlds.toLocaleString('en-US')} | ${median(seconds[i].command).toFixed(3)} | ${mb(median(seconds[i].kb))} | ${c.plainName} | ${median(seconds[i].plain).toFixed(3)} | ${ratio.toFixed(2)}×${ratio > 1.5 ? ' (over 1.5×)' : ''} |`,
    );
  });
}

if (!values['skip-memory'] && !onlySweep) {
  console.log('\nPeak memory by run size (memory holds one chunk per thread and per-year counts, whatever the number of worlds):\n');
  console.log('| worlds | threads | wall s | worlds/s | peak RSS |');
  console.log('|---|---|---|---|---|');
  for (const [n, threads] of [
    [1e6, 1],
    [1e8, 1],
    [1e8, availableParallelism()],
  ]) {
    const t = timed([bin, 'run', values.scenario, '-n', String(n), '--threads', String(threads), '--format', 'csv', '--quiet']);
    console.log(`| ${n.toExponential(0)} | ${threads} | ${t.seconds.toFixed(2)} | ${(n / t.seconds / 1e6).toFixed(1)} M | ${(t.kb / 1024).toFixed(0)} MB |`);
  }
}

if (!values['skip-startup'] && !onlySweep) {
  // Start-up: what a user waits for on every call, beside bare Node. Ten alternating rounds.
  const startup = [
    { name: 'node -e 0 (bare Node)', args: ['-e', '0'] },
    { name: 'bioanchors --help', args: [bin, '--help'] },
    { name: 'bioanchors --version', args: [bin, '--version'] },
    { name: 'bioanchors run (default: 100,000 worlds)', args: [bin, 'run'] },
    // Loads the charting chunk (Vega, Vega-Lite), which no other command loads.
    { name: 'bioanchors plot cdf -n 1000 (Vega loaded)', args: [bin, 'plot', 'cdf', '-n', '1000', '-q', '-o', join(work, 'plot.svg')] },
  ];
  const seconds = startup.map(() => []);
  for (let r = 0; r < 10; r++) startup.forEach((c, i) => seconds[i].push(timed(c.args).seconds));
  console.log('\nStart-up, median of 10 alternating runs:\n');
  console.log('| command | median s | over bare Node |');
  console.log('|---|---|---|');
  const bare = median(seconds[0]);
  startup.forEach((c, i) => console.log(`| ${c.name} | ${median(seconds[i]).toFixed(3)} | ${i === 0 ? '' : `+${(median(seconds[i]) - bare).toFixed(3)}`} |`));
}

if (!values['skip-sweep']) {
  // A sweep of V variants at W worlds each (a random design over two doubling times, every variant
  // and the baseline on common random numbers) beside a plain run of V·W worlds: the bar is 1.3×.
  const variants = Number(values['sweep-variants']);
  const perVariant = Number(values['sweep-worlds']);
  const total = variants * perVariant;
  const design = ['--random', String(variants), '--range', 'spending.doublingYears=1.5:3.5', '--range', 'pricePerformance.doublingYears=2:3.5'];
  const rows = [1, availableParallelism()]
    .filter((t, i, all) => all.indexOf(t) === i)
    .map((threads) => {
      const common = ['--threads', String(threads), '--format', 'csv', '--quiet'];
      return {
        threads,
        sweep: [bin, 'sweep', values.scenario, ...design, '-n', String(perVariant), ...common],
        plain: [bin, 'run', values.scenario, '-n', String(total), ...common],
        seconds: [],
        plainSeconds: [],
        kb: [],
        plainKb: [],
      };
    });
  for (let r = 0; r < reps; r++)
    rows.forEach((row) => {
      const t = timed(row.sweep);
      row.seconds.push(t.seconds);
      row.kb.push(t.kb);
      const p = timed(row.plain);
      row.plainSeconds.push(p.seconds);
      row.plainKb.push(p.kb);
    });
  console.log(
    `\nsweep of ${variants.toLocaleString('en-US')} variants × ${perVariant.toLocaleString('en-US')} worlds beside run -n ${total.toLocaleString('en-US')}; whole-process wall time, median of ${reps}, alternating (target: within 1.3×):\n`,
  );
  console.log('| threads | sweep s | sweep peak RSS | run s | run peak RSS | ratio |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) {
    const ratio = median(row.seconds) / median(row.plainSeconds);
    console.log(
      `| ${row.threads} | ${median(row.seconds).toFixed(3)} | ${mb(median(row.kb))} | ${median(row.plainSeconds).toFixed(3)} | ${mb(median(row.plainKb))} | ${ratio.toFixed(2)}×${ratio > 1.3 ? ' (over 1.3×)' : ''} |`,
    );
  }
}
