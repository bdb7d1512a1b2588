#!/usr/bin/env node
// Benchmark: the same model run in the Squiggle language (@quri/squiggle-lang), for comparison
// with the engine and the naive baseline. The scenario and anchor JSON files are translated into
// Squiggle source: each anchor's variables become Squiggle sample sets of --samples draws (the
// sample count is set through Squiggle's environment), the anchor's formula combines them
// sample by sample into a sample set of the requirement R (log10 FLOP), and the growth curves
// become Squiggle functions of the year. A world of anchor i has arrived by year Y when
// spending + FLOP per dollar + algorithmic progress reaches R in some year up to Y, so
// P(arrived by Y | anchor i) = P(R_i <= max over years y <= Y of threshold_i(y)): the empirical
// CDF of the sample set, which Squiggle computes by counting samples. The script asks Squiggle for
// the whole curve (every year startYear..horizonYear), weighted by the anchors' weights (weight
// not given to any anchor never arrives), and reports P(by 2050).
// "samples" is Squiggle's sample count: N requirement samples per anchor (so anchors × N
// samples drawn in all); worldsPerSecond is N / seconds, where seconds covers only Squiggle's
// evaluation of the generated source (totalSeconds also counts loading Squiggle and the files).
// Growth parameters must be point values (as in cotra-2020); anchor variables may be point,
// normal, lognormal, uniform or triangular (no mixtures or truncation).
// Needs @quri/squiggle-lang (a dev dependency; tested with SQUIGGLE_VERSION below on Node 20).
// Usage: node bench/squiggle.mjs [--samples N] [--scenario ID|PATH] [--seed TEXT] [--print-code]
// Prints JSON: {samples, seconds, worldsPerSecond, pBy2050, totalSeconds, requirementSamples, squiggle}.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SQUIGGLE_VERSION = '0.10.0';
const totalStart = performance.now();

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '20000' },
    scenario: { type: 'string', default: 'cotra-2020' },
    seed: { type: 'string', default: 'bioanchors' },
    'print-code': { type: 'boolean', default: false },
  },
});
const samples = Number(values.samples);
if (!Number.isInteger(samples) || samples < 1) fail(`--samples must be a positive integer; found "${values.samples}"`);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  process.stderr.write(`bench/squiggle.mjs: ${message}\n`);
  process.exit(2);
}

// ---- Scenario and anchor files (the same lookup and `extends` merge as the CLI, simplified) ----

const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`cannot read ${path}: ${error.message}`);
  }
};
function scenarioPath(ref, relativeTo) {
  if (ref.endsWith('.json') || ref.includes('/') || ref.includes('\\')) {
    const path = resolve(relativeTo ?? process.cwd(), ref);
    if (!existsSync(path)) fail(`no such scenario file: ${path}`);
    return path;
  }
  for (const dir of [relativeTo, join(root, 'scenarios')].filter(Boolean)) {
    if (existsSync(join(dir, `${ref}.json`))) return join(dir, `${ref}.json`);
  }
  fail(`no scenario "${ref}" in ${join(root, 'scenarios')}`);
}
const isLeaf = (v) => v === null || typeof v !== 'object' || Array.isArray(v) || 'dist' in v || 'formula' in v;
function merge(base, over) {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = !isLeaf(value) && out[key] !== undefined && !isLeaf(out[key]) ? merge(out[key], value) : value;
  }
  return out;
}
function loadScenario(ref) {
  const chain = [];
  let path = scenarioPath(ref);
  for (;;) {
    if (chain.some((c) => c.path === path)) fail(`"extends" makes a cycle at ${path}`);
    const doc = readJson(path);
    chain.push({ path, doc });
    if (!doc.extends) break;
    path = scenarioPath(doc.extends, dirname(path));
  }
  let merged = {};
  for (const { doc } of [...chain].reverse()) {
    const { $schema, extends: _, label, description, sources, ...own } = doc;
    merged = merge(merged, own);
  }
  const anchorDirs = [
    ...new Set(
      [...chain.flatMap((c) => [join(dirname(c.path), 'anchors'), join(dirname(c.path), '..', 'anchors')]), join(root, 'anchors')].map((d) => resolve(d)),
    ),
  ];
  const anchors = Object.entries(merged.anchors ?? {}).map(([id, entry]) => {
    const dir = anchorDirs.find((d) => existsSync(join(d, `${id}.json`)));
    if (!dir) fail(`no anchor file ${id}.json in ${anchorDirs.join(', ')}`);
    return { id, entry, file: readJson(join(dir, `${id}.json`)) };
  });
  return { scenario: merged, anchors };
}

// ---- Translation to Squiggle ----

/** A number as Squiggle source (negative numbers in parentheses). */
function num(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const text = String(x).replace('e+', 'e');
  return x < 0 ? `(${text})` : text;
}
/** A growth parameter: a number or a point distribution. */
function point(value, what) {
  if (typeof value === 'number') return value;
  if (value && value.dist === 'point' && typeof value.value === 'number') return value.value;
  if (value === undefined) fail(`${what} is missing`);
  const kind = value && typeof value.formula === 'string' ? 'a formula' : value?.dist ? `a ${value.dist} distribution` : 'not a number';
  fail(`${what} is ${kind}; this Squiggle port handles point-valued growth parameters only`);
}
/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p) {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
/** Centre and spread of a normal (or of the log of a lognormal) given by median/sd or by an interval. */
function centreSpread(d, sdKey, transform, where) {
  if (d.median !== undefined && d[sdKey] !== undefined) return [transform(d.median), d[sdKey]];
  if (d.low !== undefined && d.high !== undefined && d.level !== undefined) {
    const z = normalQuantile(0.5 + d.level / 2);
    return [(transform(d.low) + transform(d.high)) / 2, (transform(d.high) - transform(d.low)) / (2 * z)];
  }
  fail(`${where}: a ${d.dist} needs median and ${sdKey}, or low, high and level`);
}
/** A distribution as a Squiggle expression (a sample set of sampleCount draws, or a number). */
function distribution(d, where) {
  if (typeof d === 'number') return num(d);
  if (d.truncate) fail(`${where}: truncation is not supported by this Squiggle port`);
  switch (d.dist) {
    case 'point':
      return num(d.value);
    case 'normal': {
      const [mean, sd] = centreSpread(d, 'sd', (x) => x, where);
      return `normal(${num(mean)}, ${num(sd)})`;
    }
    case 'lognormal': {
      const [mu, sigma] = centreSpread(d, 'sdLn', Math.log, where);
      return `lognormal(${num(mu)}, ${num(sigma)})`;
    }
    case 'uniform':
      return `uniform(${num(d.min)}, ${num(d.max)})`;
    case 'triangular':
      // Squiggle's triangular() requires min < mode < max; a peak at either end is drawn by
      // inversion, sample by sample, from a uniform sample set.
      if (d.mode === d.min) return `(${num(d.min)} + ${num(d.max - d.min)} * (1 - uniform(0, 1) ^ 0.5))`;
      if (d.mode === d.max) return `(${num(d.min)} + ${num(d.max - d.min)} * uniform(0, 1) ^ 0.5)`;
      return `triangular(${num(d.min)}, ${num(d.mode)}, ${num(d.max)})`;
    default:
      fail(`${where}: "${d.dist}" distributions are not supported by this Squiggle port`);
  }
}
/** A formula (numbers, variable names, + - * / ^ and parentheses) with the variables renamed. */
function formula(source, rename, where) {
  const token = /\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^()]))\s*/y;
  let out = '';
  while (token.lastIndex < source.length) {
    const at = token.lastIndex;
    const m = token.exec(source);
    if (!m) fail(`${where}: cannot translate the formula at "${source.slice(at)}"`);
    if (m[1] !== undefined) out += num(Number(m[1]));
    else if (m[2] !== undefined) {
      if (!rename.has(m[2])) fail(`${where}: the formula uses "${m[2]}", which is not one of the anchor's variables`);
      out += rename.get(m[2]);
    } else out += ` ${m[3]} `;
  }
  return out.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
}

function squiggleSource({ scenario: s, anchors }) {
  const start = point(s.startYear, 'startYear');
  const horizon = point(s.horizonYear, 'horizonYear');
  const pp = s.pricePerformance ?? {};
  const sp = s.spending ?? {};
  const algo = s.algorithmicProgress ?? {};
  const capFn = (kind) => (kind === 'soft' ? 'capSoft' : 'capHard');
  const lines = [
    `// Generated by bench/squiggle.mjs from scenario "${s.id}". Units: log10 throughout.`,
    'log2 = log10(2)',
    'capSoft(trend, cap) = -log10(10 ^ (-trend) + 10 ^ (-cap))',
    'capHard(trend, cap) = min([trend, cap])',
    `flopPerUsd(y) = ${capFn(pp.cap)}(${num(point(pp.log10FlopPerUsd, 'pricePerformance.log10FlopPerUsd'))} + (y - ${num(point(pp.year, 'pricePerformance.year'))}) * log2 / ${num(point(pp.doublingYears, 'pricePerformance.doublingYears'))}, ${num(point(pp.maxLog10FlopPerUsd, 'pricePerformance.maxLog10FlopPerUsd'))})`,
    `gdpCap(y) = log10(${num(point(sp.maxGdpFraction, 'spending.maxGdpFraction'))}) + ${num(point(sp.log10GdpUsd, 'spending.log10GdpUsd'))} + (y - ${num(point(sp.gdpYear, 'spending.gdpYear'))}) * log10(1 + ${num(point(sp.gdpGrowthPerYear, 'spending.gdpGrowthPerYear'))})`,
    `spend(y) = ${capFn(sp.cap)}(${num(point(sp.log10UsdPerRun, 'spending.log10UsdPerRun'))} + (y - ${num(point(sp.year, 'spending.year'))}) * log2 / ${num(point(sp.doublingYears, 'spending.doublingYears'))}, gdpCap(y))`,
    'affordable(y) = spend(y) + flopPerUsd(y)',
    `years = List.upTo(${start}, ${horizon})`,
    '// Arrived by year Y: the threshold reached in some year up to Y.',
    `runningMax(threshold) = { t = List.map(years, threshold); List.map(List.upTo(1, ${horizon - start + 1}), {|k| max(List.slice(t, 0, k))}) }`,
  ];
  const terms = [];
  let weightSum = 0;
  anchors.forEach(({ id, entry, file }, i) => {
    const p = `a${i}_`;
    const weight = point(entry.weight ?? 0, `anchors.${id}.weight`);
    weightSum += weight;
    const variables = { ...file.variables };
    for (const overrides of [s.variables, entry.variables]) {
      for (const [name, value] of Object.entries(overrides ?? {}))
        if (name in variables) variables[name] = typeof value === 'number' ? { dist: 'point', value } : value;
    }
    const rename = new Map(Object.keys(variables).map((name) => [name, `${p}${name}`]));
    const own = entry.algorithmicProgress ?? {};
    const halving = point(own.halvingYears ?? algo.halvingYears, `algorithmicProgress.halvingYears (${id})`);
    const maxOom = point(own.maxOom ?? algo.maxOom, `algorithmicProgress.maxOom (${id})`);
    const algoStart = point(algo.startYear, 'algorithmicProgress.startYear');
    lines.push(`// Anchor "${id}", weight ${weight}`);
    for (const [name, d] of Object.entries(variables)) lines.push(`${p}${name} = ${distribution(d, `anchors/${id}.json variable ${name}`)}`);
    lines.push(`${p}requirement = ${formula(file.formula, rename, `anchors/${id}.json formula`)}`);
    lines.push(`${p}algorithms(y) = max([0, ${capFn(own.cap ?? algo.cap)}(max([0, y - ${num(algoStart)}]) * log2 / ${num(halving)}, ${num(maxOom)})])`);
    lines.push(`${p}byYear = List.map(runningMax({|y| affordable(y) + ${p}algorithms(y)}), {|t| cdf(${p}requirement, t)})`);
    terms.push(`${num(weight)} * ${p}byYear[k]`);
  });
  if (!anchors.length) fail('the scenario has no anchors');
  if (weightSum > 1 + 1e-9) fail(`anchor weights sum to ${weightSum}, more than 1`);
  lines.push(`curve = List.map(List.upTo(0, ${horizon - start}), {|k| ${terms.join(' + ')}})`);
  lines.push('{years: years, curve: curve}');
  return { code: `${lines.join('\n')}\n`, start, horizon, anchors: anchors.length };
}

// ---- Run ----

const model = squiggleSource(loadScenario(values.scenario));
if (values['print-code']) {
  process.stdout.write(model.code);
  process.exit(0);
}

let squiggle;
try {
  squiggle = await import('@quri/squiggle-lang');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('@quri/squiggle-lang')) {
    process.stderr.write(`bench/squiggle.mjs needs the Squiggle language: npm install --save-dev @quri/squiggle-lang@${SQUIGGLE_VERSION}\n`);
    process.exit(3);
  }
  throw error;
}
let version = 'unknown';
try {
  version = readJson(fileURLToPath(new URL('../package.json', import.meta.resolve('@quri/squiggle-lang')))).version;
} catch {}

const environment = { ...squiggle.defaultEnvironment, sampleCount: samples, seed: values.seed, profile: false };
const evalStart = performance.now();
const output = await squiggle.run(model.code, { environment });
const seconds = (performance.now() - evalStart) / 1000;
if (!output.result.ok) {
  process.stderr.write(`Squiggle failed: ${output.result.value.toString()}\n--- generated source ---\n${model.code}`);
  process.exit(1);
}
const result = output.result.value.result;
const curve = result.value.get('curve').asJS();
const years = result.value.get('years').asJS();
const i2050 = years.indexOf(2050);
const pBy2050 = i2050 >= 0 ? curve[i2050] : null;
const totalSeconds = (performance.now() - totalStart) / 1000;
console.log(
  JSON.stringify({
    samples,
    seconds,
    worldsPerSecond: samples / seconds,
    pBy2050,
    totalSeconds,
    requirementSamples: samples * model.anchors,
    squiggle: version,
  }),
);
