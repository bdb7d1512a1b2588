#!/usr/bin/env node
// Benchmark: worlds per second of the engine (whole `bioanchors run` process, 1 and 2 threads)
// beside the naive baseline (bench/naive.mjs), each case in its own process, the cases
// alternating, median of the repetitions; and peak memory at 1e6 and 1e8 worlds.
// and the same model in Squiggle where @quri/squiggle-lang is installed (bench/squiggle.mjs).
// Also peak memory by run size and the start-up time of the command beside bare Node.
// Usage: npm run bench [-- --reps 5 --worlds 10000000 --naive-worlds 300000 --squiggle-worlds 200000 --skip-memory --skip-startup]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
    'skip-memory': { type: 'boolean', default: false },
    'skip-startup': { type: 'boolean', default: false },
  },
});
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'bioanchors.js');
const rss = join(root, 'bench', 'rss.cjs');
const reps = Number(values.reps);
const worlds = Number(values.worlds);
const naiveWorlds = Number(values['naive-worlds']);
const squiggleWorlds = Number(values['squiggle-worlds']);
const haveSquiggle = existsSync(join(root, 'node_modules', '@quri', 'squiggle-lang'));

function timed(args, shell) {
  const start = process.hrtime.bigint();
  // A Node case runs under rss.cjs (peak memory); a shell case (the Python peer) is timed only.
  const r = shell
    ? spawnSync('bash', ['-c', shell], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, ['--require', rss, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${shell ?? args.join(' ')} failed: ${r.stderr}`);
  const kb = Number(/bench:maxrss-kb (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { seconds, kb, stdout: r.stdout };
}

// The Squiggle port draws point-valued growth parameters only: for other scenarios it is left out, and said so.
const squiggleCheck = haveSquiggle ? spawnSync(process.execPath, [join(root, 'bench', 'squiggle.mjs'), '--scenario', values.scenario, '--samples', '1000'], { cwd: root, encoding: 'utf8' }) : null;
const squiggleRuns = squiggleCheck?.status === 0;
if (haveSquiggle && !squiggleRuns) console.error(`(Squiggle left out: ${squiggleCheck.stderr.trim().split('\n')[0]})`);
// For the simplified benchmark model, the peers other implementations are measured against, in the same run:
// a tuned single-file Node script and NumPy with the crossing in closed form (bench/peers/).
const simplified = values.scenario.replace(/\\/g, '/').endsWith('simplified/simplified.json');
const haveNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
if (simplified && !haveNumpy) console.error('(NumPy peer left out: python3 with numpy is not installed)');
const peers = simplified
  ? [
      { name: 'tuned single-file Node script (bench/peers/tuned.mjs)', worlds, args: [join(root, 'bench', 'peers', 'tuned.mjs'), '--samples', String(worlds)] },
      ...(haveNumpy
        ? [{ name: `NumPy ${spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).stdout.trim()}, closed-form crossing (bench/peers/numpy_closed_form.py)`, worlds, args: [], shell: `node bench/peers/model.mjs | python3 bench/peers/numpy_closed_form.py ${worlds}` }]
        : []),
    ]
  : [];
const cases = [
  { name: 'bioanchors run, 1 thread', worlds, args: [bin, 'run', values.scenario, '-n', String(worlds), '--threads', '1', '--format', 'csv', '--quiet'] },
  { name: `bioanchors run, ${availableParallelism()} threads`, worlds, args: [bin, 'run', values.scenario, '-n', String(worlds), '--threads', String(availableParallelism()), '--format', 'csv', '--quiet'] },
  { name: 'naive baseline (one JS loop per world, year by year)', worlds: naiveWorlds, args: [join(root, 'bench', 'naive.mjs'), '--scenario', values.scenario, '--samples', String(naiveWorlds)] },
  ...(squiggleRuns
    ? [{ name: 'Squiggle (@quri/squiggle-lang 0.10.0, sample sets)', worlds: squiggleWorlds, args: [join(root, 'bench', 'squiggle.mjs'), '--scenario', values.scenario, '--samples', String(squiggleWorlds)] }]
    : []),
  ...peers,
];
if (!haveSquiggle) console.error('(Squiggle not installed: npm install --save-dev @quri/squiggle-lang@0.10.0 to include it)');
const times = cases.map(() => []);
const memory = cases.map(() => []);
for (let r = 0; r < reps; r++) {
  cases.forEach((c, i) => {
    const t = timed(c.args, c.shell);
    times[i].push(t.seconds);
    memory[i].push(t.kb);
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`);
console.log(`Scenario ${values.scenario}; whole-process wall time, median of ${reps}, cases alternating\n`);
console.log('| case | worlds | median s | worlds/s | vs naive | peak RSS |');
console.log('|---|---|---|---|---|---|');
const rates = cases.map((c, i) => c.worlds / median(times[i]));
const naiveRate = rates[2];
cases.forEach((c, i) =>
  console.log(`| ${c.name} | ${c.worlds.toLocaleString('en-US')} | ${median(times[i]).toFixed(3)} | ${(rates[i] / 1e6).toFixed(2)} M | ${(rates[i] / naiveRate).toPrecision(rates[i] / naiveRate < 10 ? 2 : 3)}× | ${Number.isFinite(median(memory[i])) ? `${(median(memory[i]) / 1024).toFixed(0)} MB` : 'n/a'} |`),
);

if (!values['skip-memory']) {
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

if (!values['skip-startup']) {
  // Start-up: what a user waits for on every call, beside bare Node. Ten alternating rounds.
  const startup = [
    { name: 'node -e 0 (bare Node)', args: ['-e', '0'] },
    { name: 'bioanchors --help', args: [bin, '--help'] },
    { name: 'bioanchors --version', args: [bin, '--version'] },
    { name: 'bioanchors run (default: 100,000 worlds)', args: [bin, 'run'] },
    // Loads the charting chunk (Vega, Vega-Lite), which no other command loads.
    { name: 'bioanchors plot cdf -n 1000 (Vega loaded)', args: [bin, 'plot', 'cdf', '-n', '1000', '-q', '-o', join(tmpdir(), `bioanchors-bench-${process.pid}.svg`)] },
  ];
  const seconds = startup.map(() => []);
  for (let r = 0; r < 10; r++) startup.forEach((c, i) => seconds[i].push(timed(c.args).seconds));
  console.log('\nStart-up, median of 10 alternating runs:\n');
  console.log('| command | median s | over bare Node |');
  console.log('|---|---|---|');
  const bare = median(seconds[0]);
  startup.forEach((c, i) => console.log(`| ${c.name} | ${median(seconds[i]).toFixed(3)} | ${i === 0 ? '' : `+${(median(seconds[i]) - bare).toFixed(3)}`} |`));
}
