// Writes a scenario as a C header for the soft-cap C peer (bench/peers/soft_caps.c): its anchors'
// weights (as the 2^32 bounds and top-byte table the engine picks anchors with), their variables'
// distributions, their requirement formulas as C functions, and its growth parameters, fixed or
// drawn per world. Read through the built package (dist/), so the peer runs the very model
// bioanchors runs. Only what the peer implements is accepted: point, uniform, triangular, normal and
// lognormal variables (truncated ones keeping at least half their mass), formulas without
// adjustment steps, growth parameters that are points or such distributions, and no compute ceiling.
// Usage (after npm run build): node bench/peers/soft-caps-model.mjs [scenario] > soft_caps_model.h
import { loadScenario } from '../../dist/io/load.js';
import { useNodeFiles } from '../../dist/node/files.js';
import { planFor, CURVE_KEYS } from '../../dist/engine/plan.js';
import { toSource } from '../../dist/engine/expression.js';
import { normalParameters } from '../../dist/dist/sampler.js';
import { normalCdf } from '../../dist/dist/normal.js';
import { GROWTH_PARAMETERS } from '../../dist/model/paths.js';
import { CHUNK_SIZE } from '../../dist/engine/workspace.js';
import { DEFAULT_SEED } from '../../dist/engine/loop.js';
import { STREAM_CURVES, STREAM_REQUIREMENTS } from '../../dist/engine/draws.js';

useNodeFiles();
const id = process.argv[2] ?? 'cotra-2020-uncertain-growth';
const { scenario } = loadScenario(id);
const plan = planFor(scenario);
const fail = (why) => {
  process.stderr.write(`soft-caps-model: ${id}: ${why}\n`);
  process.exit(2);
};
const c = (x) => (x === Infinity ? 'INFINITY' : x === -Infinity ? '-INFINITY' : Number.isNaN(x) ? 'NAN' : String(x));

/** A distribution as the peer's Dist initialiser: {kind, a, b, c, log, zLow, zHigh}. */
function dist(d, what) {
  switch (d.dist) {
    case 'point':
      return `{D_POINT, ${c(d.value)}, 0, 0, 0, 0, 0}`;
    case 'uniform':
      return `{D_UNIFORM, ${c(d.min)}, ${c(d.max - d.min)}, 0, 0, 0, 0}`;
    case 'triangular':
      return `{D_TRIANGULAR, ${c(d.min)}, ${c(d.mode)}, ${c(d.max)}, 0, 0, 0}`;
    case 'normal':
    case 'lognormal': {
      const { mu, sigma } = normalParameters(d);
      const log = d.dist === 'lognormal';
      const toZ = (x) => ((log ? (x > 0 ? Math.log(x) : -Infinity) : x) - mu) / sigma;
      const t = d.truncate;
      const zLow = t?.min !== undefined ? toZ(t.min) : -Infinity;
      const zHigh = t?.max !== undefined ? toZ(t.max) : Infinity;
      if (t && normalCdf(zHigh) - normalCdf(zLow) < 0.5) fail(`${what}: a truncation keeping under half the mass (drawn by the inverse CDF) is not in the peer`);
      return `{${t ? 'D_TRUNCATED' : 'D_NORMAL'}, ${c(mu)}, ${c(sigma)}, 0, ${log ? 1 : 0}, ${c(zLow)}, ${c(zHigh)}}`;
    }
    default:
      return fail(`${what}: a ${d.dist} distribution is not in the peer`);
  }
}
const param = (p, what) => (p.kind === 'point' ? `{D_POINT, ${c(p.value)}, 0, 0, 0, 0, 0}` : p.kind === 'dist' ? dist(p.dist, what) : fail(`${what}: a formula`));

if (scenario.computeCeiling) fail('a compute ceiling is not in the peer');
const out = [];
out.push(`/* ${id}, written by bench/peers/soft-caps-model.mjs from the scenario files: do not edit. */`);
out.push(`#define CHUNK_SIZE ${CHUNK_SIZE}`, `#define DEFAULT_SEED ${DEFAULT_SEED}`, `#define STREAM_REQUIREMENTS "${STREAM_REQUIREMENTS}"`, `#define STREAM_CURVES "${STREAM_CURVES}"`);
out.push(`#define N_ANCHORS ${plan.anchors.length}`, `#define FIRST_YEAR ${plan.years[0]}`, `#define N_YEARS ${plan.years.length}`);
out.push(`static const double ANCHOR_BOUNDS[N_ANCHORS] = {${Array.from(plan.anchorBounds, c).join(', ')}};`);
out.push(`static const int ANCHOR_BY_TOP_BYTE[256] = {${Array.from(plan.anchorByTopByte).join(', ')}};`);
const maxVars = Math.max(...plan.anchors.map((a) => a.variableNames.length));
out.push(`#define MAX_VARS ${maxVars}`);
out.push(`static const int N_VARS[N_ANCHORS] = {${plan.anchors.map((a) => a.variableNames.length).join(', ')}};`);
out.push(
  `static const Dist VARS[N_ANCHORS][MAX_VARS] = {${scenario.anchors
    .map((wa) => `{${wa.anchor.variables.map((v) => dist(v.dist, `anchor ${wa.anchor.id}, ${v.name}`)).join(', ')}}`)
    .join(',\n  ')}};`,
);
scenario.anchors.forEach((wa, i) => {
  if (wa.anchor.adjustments.length > 0) fail(`anchor ${wa.anchor.id}: adjustment steps are not in the peer`);
  const names = wa.anchor.variables.map((v) => v.name);
  const js = toSource(wa.anchor.formula.expr, (name) => `v[${names.indexOf(name)}]`);
  if (/H\./.test(js)) fail(`anchor ${wa.anchor.id}: rounding functions are not in the peer`);
  const src = js.replace(/Math\.min\(/g, 'fmin(').replace(/Math\.max\(/g, 'fmax(').replace(/Math\./g, '');
  out.push(`static double requirement${i}(const double *v) { return ${src}; }`);
});
out.push(`static double (*const REQUIREMENT[N_ANCHORS])(const double *) = {${plan.anchors.map((_, i) => `requirement${i}`).join(', ')}};`);
// Growth: the ten values in CURVE_KEYS order (NaN where drawn), the drawn ones in the order a world draws them.
out.push(`static const double GROWTH_BASE[10] = {${CURVE_KEYS.map((k) => c(plan.curve[k].kind === 'point' ? plan.curve[k].value : NaN)).join(', ')}};`);
out.push(`#define N_UNCERTAIN ${plan.uncertainCurveKeys.length}`);
out.push(`static const int UNCERTAIN_SLOT[N_UNCERTAIN + 1] = {${[...plan.uncertainCurveKeys.map((k) => CURVE_KEYS.indexOf(k)), -1].join(', ')}};`);
const growthParam = (key) => GROWTH_PARAMETERS.find((g) => g.key === key).get(scenario);
out.push(`static const Dist UNCERTAIN[N_UNCERTAIN + 1] = {${[...plan.uncertainCurveKeys.map((k) => param(growthParam(k), k)), '{D_POINT, 0, 0, 0, 0, 0, 0}'].join(', ')}};`);
const pp = scenario.pricePerformance;
const sp = scenario.spending;
out.push(`static const double PRICE_YEAR = ${pp.year}, SPEND_YEAR = ${sp.year}, GDP_YEAR = ${sp.gdpYear};`);
out.push(`static const int PRICE_SOFT = ${pp.cap === 'soft' ? 1 : 0}, SPEND_SOFT = ${sp.cap === 'soft' ? 1 : 0};`);
out.push(`static const double ALGO_START[N_ANCHORS] = {${plan.anchors.map((a) => a.algoStartYear).join(', ')}};`);
out.push(`static const int ALGO_SOFT[N_ANCHORS] = {${plan.anchors.map((a) => (a.algoSoft ? 1 : 0)).join(', ')}};`);
out.push(`static const Dist HALVING[N_ANCHORS] = {${scenario.anchors.map((wa) => param(wa.algorithmicProgress.halvingYears, 'halvingYears')).join(', ')}};`);
out.push(`static const Dist MAX_OOM[N_ANCHORS] = {${scenario.anchors.map((wa) => param(wa.algorithmicProgress.maxOom, 'maxOom')).join(', ')}};`);
console.log(out.join('\n'));
