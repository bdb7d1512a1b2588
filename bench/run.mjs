#!/usr/bin/env node
// Benchmark, side by side in one run: each case in its own process, timed whole (start-up
// included), the cases of a table alternating (each repetition starting one case later), the median of the repetitions, wall time beside the
// user CPU time the process used (the fairer figure when other work shares the machine). Tables:
//   1. the simplified model (bench/simplified) beside its peers: the C program and the tuned
//      JavaScript script of ../shared/peers (left out, saying so, when that folder is absent), the
//      repository's own (bench/peers: a tuned script, NumPy, C) and the naive baseline;
//   2. cotra-2020-uncertain-growth (soft caps) beside the soft-cap C peer (bench/peers/soft_caps.c);
//   3. the default scenario, beside the naive baseline and Squiggle (where installed);
//   (with --baseline DIR, each of them also beside another built checkout's bioanchors);
//   4. start-up: run at its default and --help beside bare node -e 0;
//   5. compare and sensitivity beside a plain run of as many worlds, on 1 and 2 threads;
//   6. 2 threads against 1 on --big-worlds (10^8) worlds, with peak memory;
//   7. a sweep of many variants beside a plain run of as many worlds;
// then the bars each table is held to, met or not.
// Usage: npm run bench [-- --help]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    worlds: { type: 'string', default: '10000000' },
    'naive-worlds': { type: 'string', default: '300000' },
    'squiggle-worlds': { type: 'string', default: '200000' },
    only: { type: 'string' },
    peers: { type: 'string' },
    baseline: { type: 'string' },
    'command-worlds': { type: 'string', default: '1000000' },
    'big-worlds': { type: 'string', default: '100000000' },
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
  --worlds N            worlds of the model tables (default 10000000)
  --naive-worlds N      worlds of the naive baseline (default 300000)
  --squiggle-worlds N   worlds of the Squiggle port (default 200000)
  --only LIST           model tables to run, of simplified,uncertain,default (default: all three)
  --peers DIR           the shared peers (default: ../shared/peers beside the repository)
  --baseline DIR        another built checkout of bioanchors to run beside this one in the model tables
  --command-worlds N    -n of compare and sensitivity (default 1000000)
  --big-worlds N        worlds of the 1-against-2-threads table (default 100000000)
  --sweep-variants N    variants of the sweep case (default 1000)
  --sweep-worlds N      worlds per variant of the sweep case (default 100000)
  --skip-commands, --skip-memory, --skip-startup, --skip-sweep   leave that table out
  --only-sweep          only the sweep case (e.g. --only-sweep --reps 1 --sweep-variants 10 --sweep-worlds 20000 to check it runs)

Whole-process times; compare figures within one run (its cases alternate), never across runs on a shared machine.`);
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
const tables = (values.only ?? 'simplified,uncertain,default').split(',');
const sharedPeers = resolve(values.peers ?? join(root, '..', 'shared', 'peers'));
const baselineBin = values.baseline ? join(resolve(values.baseline), 'bin', 'bioanchors.js') : null;
if (baselineBin && !existsSync(baselineBin)) throw new Error(`--baseline: no ${baselineBin} (build that checkout first)`);
const haveSquiggle = existsSync(join(root, 'node_modules', '@quri', 'squiggle-lang'));
const work = mkdtempSync(join(tmpdir(), 'bioanchors-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
// GNU time reports the peak memory and CPU time of a case that is not a Node process (the C and Python peers).
const gnuTime = spawnSync('/usr/bin/time', ['-f', 'bench:maxrss-kb %M', 'true'], { encoding: 'utf8' }).stderr?.startsWith('bench:maxrss-kb');
const notes = [];
/** Says why a case is left out (on stderr now, and under the tables); null, for the caller to return. */
const skip = (why) => {
  console.error(`(${why})`);
  notes.push(why);
  return null;
};

/**
 * Runs one case in its own process and times it whole. A Node case (`args`) runs under rss.cjs
 * for its peak memory and CPU time; another program (`exec`: file, args, and what it reads on
 * stdin) under GNU time where there is one.
 */
function timed(args, exec) {
  const [file, argv] = exec
    ? gnuTime
      ? ['/usr/bin/time', ['-f', 'bench:maxrss-kb %M\nbench:user-s %U', exec.file, ...exec.args]]
      : [exec.file, exec.args]
    : [process.execPath, ['--require', rss, ...args]];
  const start = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, input: exec?.input });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${[file, ...argv].join(' ')} failed: ${r.error ?? r.stderr}`);
  const kb = Number(/bench:maxrss-kb (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const user = Number(/bench:user-s ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN);
  return { seconds, user, kb, stdout: r.stdout };
}

/** P(TAI by the end of 2050) from a case's output: the JSON of a script (pBy2050 or p2050), or the CSV of `bioanchors run`. */
function pBy2050(stdout) {
  if (stdout.startsWith('{')) {
    const json = JSON.parse(stdout);
    return json.pBy2050 ?? json.p2050 ?? NaN;
  }
  const [header, ...rows] = stdout.trim().split('\n');
  const column = header.split(',').indexOf('p_tai_by_end_of_year');
  const row = rows.find((line) => line.startsWith('2050,'));
  return column >= 0 && row ? Number(row.split(',')[column]) : NaN;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a');
const sec = (s) => (Number.isFinite(s) ? s.toFixed(3) : 'n/a');
const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
const gccVersion = (() => {
  const gcc = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  return gcc.error || gcc.status !== 0 ? null : gcc.stdout.split('\n')[0].replace(/^gcc \(.*\) /, 'gcc ');
})();
/** Compiles a C peer into the work folder; null (said why) when it cannot be. */
function compileC(name, source, extra = []) {
  if (!gccVersion) return skip(`${name} left out: gcc is not installed`);
  const exe = join(work, name);
  const build = spawnSync('gcc', ['-O2', '-march=native', ...extra, '-o', exe, source, '-lm'], { encoding: 'utf8' });
  if (build.status !== 0) return skip(`${name} left out: gcc failed: ${build.stderr.trim().split('\n')[0]}`);
  return exe;
}

/**
 * The order of a table's cases in repetition r: each repetition starts one case later, so that no
 * case always follows the same one (on this machine a process started right after a 2-thread case
 * can run slower, and a fixed order put that cost on the same case every time).
 */
const rotated = (n, r) => Array.from({ length: n }, (_, k) => (k + r) % n);

/** The bars, met or not, printed at the end. */
const bars = [];
const bar = (what, value, met) => bars.push({ what, value, met });

console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical CPUs (${availableParallelism()} available), Node ${process.version}`);
console.log(
  `Load average at the start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(
      ', ',
    )} (1, 5, 15 min): ${loadavg()[0] > 0.5 ? 'the machine is busy with other work; ' : ''}wall times include any wait for a core, user CPU times do not`,
);

/**
 * A model table: every case `reps` times, alternating; median wall and user seconds, and the least
 * user time (the run least disturbed by other work on a shared machine); each case's median time
 * per world as a multiple of the reference case's (`ref`: an index into cases, or -1 for none).
 */
function modelTable(title, cases, ref) {
  const wall = cases.map(() => []);
  const user = cases.map(() => []);
  const memory = cases.map(() => []);
  const answers = cases.map(() => NaN);
  for (let r = 0; r < reps; r++)
    for (const i of rotated(cases.length, r)) {
      const c = cases[i];
      const t = timed(c.args, c.exec);
      wall[i].push(t.seconds);
      user[i].push(t.user);
      memory[i].push(t.kb);
      answers[i] = pBy2050(t.stdout);
    }
  const refName = ref >= 0 ? cases[ref].short : null;
  console.log(`\n${title}; whole process, median of ${reps}, cases alternating\n`);
  console.log(
    `| case | worlds | wall s | user CPU s | least user CPU s | worlds/s (wall) |${refName ? ` wall per world ÷ ${refName} | user per world ÷ ${refName} |` : ''} peak RSS | P(by 2050) |`,
  );
  console.log(`|---|---|---|---|---|---|${refName ? '---|---|' : ''}---|---|`);
  const out = cases.map((c, i) => ({ ...c, wall: median(wall[i]), user: median(user[i]), least: Math.min(...user[i]), kb: median(memory[i]), p: answers[i] }));
  for (const c of out) {
    // Per world: cases of a table may run different numbers of worlds (the naive baseline, Squiggle).
    const perWorld = (x, c) => x / c.worlds;
    const ratios = refName
      ? ` ${times(perWorld(c.wall, c) / perWorld(out[ref].wall, out[ref]))} | ${times(perWorld(c.user, c) / perWorld(out[ref].user, out[ref]))} |`
      : '';
    console.log(
      `| ${c.name} | ${c.worlds.toLocaleString('en-US')} | ${sec(c.wall)} | ${sec(c.user)} | ${sec(c.least)} | ${(c.worlds / c.wall / 1e6).toFixed(2)} M |${ratios} ${mb(c.kb)} | ${Number.isFinite(c.p) ? `${(c.p * 100).toFixed(2)}%` : 'n/a'} |`,
    );
  }
  return out;
}

const runCase = (scenario, threads, file = bin, label = 'bioanchors') => ({
  name: `${label} run, ${threads} thread${threads === 1 ? '' : 's'}`,
  short: `${label} 1 thread`,
  worlds,
  args: [file, 'run', scenario, '-n', String(worlds), '--threads', String(threads), '--format', 'csv', '--quiet'],
});
const naiveCase = (scenario) => ({
  name: 'naive baseline (bench/naive.mjs: one JS loop per world, year by year)',
  worlds: naiveWorlds,
  args: [join(root, 'bench', 'naive.mjs'), '--scenario', scenario, '--samples', String(naiveWorlds)],
});
const baselineCase = (scenario) => (baselineBin ? [runCase(scenario, 1, baselineBin, `baseline (${values.baseline})`)] : []);

if (!onlySweep && tables.includes('simplified')) {
  const scenario = 'bench/simplified/simplified.json';
  const cases = [runCase(scenario, 1), runCase(scenario, 2), ...baselineCase(scenario), naiveCase(scenario)];
  let ref = -1;
  if (existsSync(join(sharedPeers, 'c-ref', 'tuned.c'))) {
    const exe = compileC('c-ref', join(sharedPeers, 'c-ref', 'tuned.c'));
    if (exe) {
      ref = cases.length;
      cases.push({ name: `C (shared peers c-ref/tuned.c), ${gccVersion} -O2 -march=native`, short: 'C', worlds, exec: { file: exe, args: [String(worlds)] } });
    }
    const tuned = join(sharedPeers, 'tuned-js', 'tuned.mjs');
    cases.push(
      { name: 'tuned JS script (shared peers tuned-js, table exp)', short: 'tuned JS', worlds, args: [tuned, String(worlds), 'block', 'fastexp'] },
      { name: 'tuned JS script (shared peers tuned-js, Math.exp)', worlds, args: [tuned, String(worlds), 'block', 'mathexp'] },
    );
  } else skip(`shared peers left out: no ${join(sharedPeers, 'c-ref', 'tuned.c')} (pass --peers DIR, or put shared/ beside the repository)`);
  // The repository's own peers of the same model (bench/peers/), reading its numbers from the scenario files.
  const modelJson = spawnSync(process.execPath, [join(root, 'bench', 'peers', 'model.mjs')], { encoding: 'utf8' }).stdout;
  cases.push({
    name: 'tuned single-file Node script (bench/peers/tuned.mjs)',
    worlds,
    args: [join(root, 'bench', 'peers', 'tuned.mjs'), '--samples', String(worlds)],
  });
  const numpy = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (numpy.status === 0)
    cases.push({
      name: `NumPy ${numpy.stdout.trim()}, closed form (bench/peers/numpy_closed_form.py)`,
      worlds,
      exec: { file: 'python3', args: [join(root, 'bench', 'peers', 'numpy_closed_form.py'), String(worlds)], input: modelJson },
    });
  else skip('NumPy peer left out: python3 with numpy is not installed');
  const closedForm = compileC('closed_form', join(root, 'bench', 'peers', 'closed_form.c'));
  if (closedForm) {
    if (ref < 0) ref = cases.length;
    cases.push({
      name: `C, closed form (bench/peers/closed_form.c), ${gccVersion} -O2 -march=native`,
      short: 'C',
      worlds,
      exec: { file: closedForm, args: [String(worlds)], input: modelJson },
    });
  }
  const out = modelTable(`Simplified model (${scenario})`, cases, ref);
  if (ref >= 0)
    bar('simplified model, 1 thread, at most 1.3× the C program (user CPU)', times(out[0].user / out[ref].user), out[0].user <= 1.3 * out[ref].user);
  const tunedJs = out.find((c) => c.short === 'tuned JS');
  if (tunedJs) bar('simplified model, 1 thread, no slower than the tuned JS script (user CPU)', times(out[0].user / tunedJs.user), out[0].user <= tunedJs.user);
}

if (!onlySweep && tables.includes('uncertain')) {
  const scenario = 'cotra-2020-uncertain-growth';
  const cases = [runCase(scenario, 1), runCase(scenario, 2), ...baselineCase(scenario), naiveCase(scenario)];
  let ref = -1;
  const header = join(work, 'soft_caps_model.h');
  const model = spawnSync(process.execPath, [join(root, 'bench', 'peers', 'soft-caps-model.mjs'), scenario], { cwd: root, encoding: 'utf8' });
  if (model.status !== 0) skip(`soft-cap C peer left out: ${model.stderr.trim()}`);
  else {
    writeFileSync(header, model.stdout);
    const exe = compileC('soft_caps', join(root, 'bench', 'peers', 'soft_caps.c'), ['-ffp-contract=off', `-I${work}`]);
    if (exe) {
      ref = cases.length;
      cases.push({
        name: `C, soft caps (bench/peers/soft_caps.c), ${gccVersion} -O2 -march=native -ffp-contract=off`,
        short: 'C',
        worlds,
        exec: { file: exe, args: [String(worlds)] },
      });
    }
  }
  const out = modelTable(`Soft caps (${scenario})`, cases, ref);
  if (ref >= 0)
    bar(`${scenario}, 1 thread, within 1.5× of the soft-cap C peer (user CPU)`, times(out[0].user / out[ref].user), out[0].user <= 1.5 * out[ref].user);
}

if (!onlySweep && tables.includes('default')) {
  const scenario = 'cotra-2020';
  // The Squiggle port draws point-valued growth parameters only.
  const squiggle =
    haveSquiggle &&
    spawnSync(process.execPath, [join(root, 'bench', 'squiggle.mjs'), '--scenario', scenario, '--samples', '1000'], { cwd: root, encoding: 'utf8' }).status ===
      0;
  if (!haveSquiggle) skip('Squiggle left out: npm install --save-dev @quri/squiggle-lang@0.10.0 to include it');
  const cases = [
    runCase(scenario, 1),
    runCase(scenario, 2),
    ...baselineCase(scenario),
    naiveCase(scenario),
    ...(squiggle
      ? [
          {
            name: 'Squiggle (@quri/squiggle-lang 0.10.0, sample sets)',
            worlds: squiggleWorlds,
            args: [join(root, 'bench', 'squiggle.mjs'), '--scenario', scenario, '--samples', String(squiggleWorlds)],
          },
        ]
      : []),
  ];
  const out = modelTable(`Default scenario (${scenario})`, cases, baselineBin ? 2 : -1);
  if (baselineBin)
    bar(
      `default scenario at ${worlds.toExponential(0)} worlds, 1 thread, at least 1.5× faster than the baseline (user CPU)`,
      times(out[2].user / out[0].user),
      out[2].user >= 1.5 * out[0].user,
    );
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
  const wall = startup.map(() => []);
  const user = startup.map(() => []);
  for (let r = 0; r < 10; r++)
    for (const i of rotated(startup.length, r)) {
      const t = timed(startup[i].args);
      wall[i].push(t.seconds);
      user[i].push(t.user);
    }
  console.log('\nStart-up, whole process, median of 10 alternating runs:\n');
  console.log('| command | wall s | over bare Node | user CPU s | over bare Node |');
  console.log('|---|---|---|---|---|');
  const bare = median(wall[0]);
  const bareUser = median(user[0]);
  startup.forEach((c, i) =>
    console.log(
      `| ${c.name} | ${sec(median(wall[i]))} | ${i === 0 ? '' : `+${(median(wall[i]) - bare).toFixed(3)}`} | ${sec(median(user[i]))} | ${i === 0 ? '' : `+${(median(user[i]) - bareUser).toFixed(3)}`} |`,
    ),
  );
  const over = (i) => median(wall[i]) - bare;
  bar('run at its default within 0.12 s of bare node -e 0 (wall)', `+${over(3).toFixed(3)} s`, over(3) <= 0.12);
  bar('--help within 0.03 s of bare node -e 0 (wall)', `+${over(1).toFixed(3)} s`, over(1) <= 0.03);
}

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
  const m = commands.map(() => ({ wall: [], user: [], kb: [], plainWall: [], plainUser: [] }));
  for (let r = 0; r < reps; r++)
    commands.forEach((c, i) => {
      const t = timed(c.args);
      m[i].wall.push(t.seconds);
      m[i].user.push(t.user);
      m[i].kb.push(t.kb);
      const p = timed(c.plain);
      m[i].plainWall.push(p.seconds);
      m[i].plainUser.push(p.user);
    });
  console.log(
    `\nCommands at -n ${n.toLocaleString('en-US')} beside a plain run of as many worlds in all; whole process, median of ${reps}, alternating (target: within 1.3× of the plain run):\n`,
  );
  console.log('| command | threads | worlds in all | wall s | user CPU s | peak RSS | plain run | plain wall s | plain user s | wall ratio | user ratio |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  commands.forEach((c, i) => {
    const wallRatio = median(m[i].wall) / median(m[i].plainWall);
    const userRatio = median(m[i].user) / median(m[i].plainUser);
    console.log(
      `| ${c.name} | ${c.threads} | ${c.worlds.toLocaleString('en-US')} | ${sec(median(m[i].wall))} | ${sec(median(m[i].user))} | ${mb(median(m[i].kb))} | ${c.plainName} | ${sec(median(m[i].plainWall))} | ${sec(median(m[i].plainUser))} | ${times(wallRatio)} | ${times(userRatio)} |`,
    );
    bar(
      `${c.name.split(' (')[0]} on ${c.threads} thread${c.threads === 1 ? '' : 's'} within 1.3× of a plain run of as many worlds (wall)`,
      times(wallRatio),
      wallRatio <= 1.3,
    );
  });
}

if (!values['skip-memory'] && !onlySweep) {
  // Two threads against one on many worlds, with peak memory (and a small run, to show it flat).
  const big = Number(values['big-worlds']);
  const rows = [
    [1e6, 1],
    [big, 1],
    [big, 2],
  ].map(([n, threads]) => ({ n, threads, wall: [], user: [], kb: [] }));
  for (let r = 0; r < reps; r++)
    for (const row of rows) {
      const t = timed([bin, 'run', 'cotra-2020', '-n', String(row.n), '--threads', String(row.threads), '--format', 'csv', '--quiet']);
      row.wall.push(t.seconds);
      row.user.push(t.user);
      row.kb.push(t.kb);
    }
  console.log(
    `\nThreads and memory (cotra-2020), whole process, median of ${reps}, alternating; memory holds one chunk per thread and per-year counts, whatever the number of worlds:\n`,
  );
  console.log('| worlds | threads | wall s | user CPU s | worlds/s (wall) | peak RSS |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows)
    console.log(
      `| ${row.n.toExponential(0)} | ${row.threads} | ${sec(median(row.wall))} | ${sec(median(row.user))} | ${(row.n / median(row.wall) / 1e6).toFixed(1)} M | ${mb(median(row.kb))} |`,
    );
  const speedup = median(rows[1].wall) / median(rows[2].wall);
  const growth = median(rows[2].kb) / median(rows[0].kb);
  console.log(
    `\n2 threads: ${speedup.toFixed(2)}× one thread on ${big.toExponential(0)} worlds (wall); peak memory ${growth.toFixed(2)}× that of 10^6 worlds on one thread`,
  );
  bar(`2 threads at least 1.8× one thread on ${big.toExponential(0)} worlds (wall)`, times(speedup), speedup >= 1.8);
  bar(
    `memory flat: ${big.toExponential(0)} worlds on 2 threads within 1.5× the peak RSS of 10^6 on one`,
    `${mb(median(rows[2].kb))} vs ${mb(median(rows[0].kb))}`,
    growth <= 1.5,
  );
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
        sweep: [bin, 'sweep', 'cotra-2020', ...design, '-n', String(perVariant), ...common],
        plain: [bin, 'run', 'cotra-2020', '-n', String(total), ...common],
        seconds: [],
        user: [],
        plainSeconds: [],
        plainUser: [],
        kb: [],
        plainKb: [],
      };
    });
  for (let r = 0; r < reps; r++)
    rows.forEach((row) => {
      const t = timed(row.sweep);
      row.seconds.push(t.seconds);
      row.user.push(t.user);
      row.kb.push(t.kb);
      const p = timed(row.plain);
      row.plainSeconds.push(p.seconds);
      row.plainUser.push(p.user);
      row.plainKb.push(p.kb);
    });
  console.log(
    `\nsweep of ${variants.toLocaleString('en-US')} variants × ${perVariant.toLocaleString('en-US')} worlds beside run -n ${total.toLocaleString('en-US')} (cotra-2020); whole process, median of ${reps}, alternating (target: within 1.3×):\n`,
  );
  console.log('| threads | sweep wall s | sweep user s | sweep peak RSS | run wall s | run user s | run peak RSS | wall ratio |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const ratio = median(row.seconds) / median(row.plainSeconds);
    console.log(
      `| ${row.threads} | ${sec(median(row.seconds))} | ${sec(median(row.user))} | ${mb(median(row.kb))} | ${sec(median(row.plainSeconds))} | ${sec(median(row.plainUser))} | ${mb(median(row.plainKb))} | ${times(ratio)} |`,
    );
    bar(`sweep on ${row.threads} thread${row.threads === 1 ? '' : 's'} within 1.3× of a plain run of as many worlds (wall)`, times(ratio), ratio <= 1.3);
  }
}

console.log(
  `\nLoad average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
if (bars.length > 0) {
  console.log('\nBars:\n');
  console.log('| bar | measured | met |');
  console.log('|---|---|---|');
  for (const b of bars) console.log(`| ${b.what} | ${b.value} | ${b.met ? 'yes' : 'no'} |`);
}
for (const note of notes) console.log(`\n(${note})`);
