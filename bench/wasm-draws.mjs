#!/usr/bin/env node
// Whether the engine's draws would gain from WebAssembly: builds bench/wasm/draws.ts (the same draws
// in AssemblyScript, scalar) with the pinned AssemblyScript, checks that it gives the engine's
// columns to the last bit, then times both side by side in one process, rounds alternating, on
// chunk-sized columns in place (the module's best case: no copy in or out of its memory):
// 32-bit words, uniforms, standard normals (ziggurat, rejections after the column), and the table
// exp that turns normals into lognormals. Prints nanoseconds per value, median of the rounds.
// Usage: npm run build && node bench/wasm-draws.mjs [--rounds 9] [--chunks 200]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import asc from 'assemblyscript/asc';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '9' }, chunks: { type: 'string', default: '200' } } });
const rounds = Number(values.rounds);
const chunks = Number(values.chunks);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { Rng } = await import(join(root, 'dist', 'random', 'rng.js'));
const { fillStandardNormals } = await import(join(root, 'dist', 'random', 'ziggurat.js'));
const { expColumn } = await import(join(root, 'dist', 'dist', 'exp.js'));
const asVersion = (await import('assemblyscript/package.json', { with: { type: 'json' } })).default.version;

// Build the module in memory.
const outputs = {};
const built = await asc.main(
  [join(root, 'bench', 'wasm', 'draws.ts'), '--outFile', 'draws.wasm', '-O3', '--runtime', 'stub', '--noAssert', '--use', 'abort=', '--initialMemory', '8'],
  { writeFile: (name, contents) => (outputs[name] = contents), stdout: { write() {} } },
);
if (built.error) throw new Error(`asc failed: ${built.stderr}`);
const bytes = outputs['draws.wasm'];
const wasm = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { exp: Math.exp, log: Math.log } }).exports;

// The engine's tables, by the engine's formulas (src/random/ziggurat.ts, src/dist/exp.ts): the check
// below fails unless they are the same to the last bit.
const N = 16384;
const R = 3.442619855899;
const V = 9.91256303526217e-3;
const density = (x) => Math.exp(-0.5 * x * x);
const X = new Float64Array(129);
X[0] = V / density(R);
X[1] = R;
for (let i = 2; i < 128; i++) X[i] = Math.sqrt(-2 * Math.log(V / X[i - 1] + density(X[i - 1])));
const RATIO = Float64Array.from({ length: 128 }, (_, i) => X[i + 1] / X[i]);
const FRACTION = Float64Array.from({ length: 64 }, (_, j) => 2 ** (j / 64));
const WHOLE = Float64Array.from({ length: 2048 }, (_, j) => 2 ** (j - 1024));
const PAGE = 65536;
const at = { state: PAGE, x: PAGE + 64, ratio: PAGE + 64 + 8 * 136 };
at.fraction = at.ratio + 8 * 128;
at.whole = at.fraction + 8 * 64;
at.queueAt = at.whole + 8 * 2048;
at.queueLayer = at.queueAt + 4 * N;
at.queueU = at.queueLayer + 4 * N;
at.column = at.queueU + 8 * N;
at.words = at.column + 8 * N;
const end = at.words + 4 * N;
const memory = wasm.memory;
if (memory.buffer.byteLength < end) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
const f64 = new Float64Array(memory.buffer);
const i32 = new Int32Array(memory.buffer);
f64.set(X, at.x / 8);
f64.set(RATIO, at.ratio / 8);
f64.set(FRACTION, at.fraction / 8);
f64.set(WHOLE, at.whole / 8);
wasm.init(at.state, at.x, at.ratio, at.fraction, at.whole, at.queueAt, at.queueLayer, at.queueU);
const column = new Float64Array(memory.buffer, at.column, N);
const words = new Uint32Array(memory.buffer, at.words, N);

/** An engine Rng's state into the module and back: the module draws that stream from where it is. */
const enter = (rng) => i32.set(rng.state(), at.state / 4);
const leave = (rng) => {
  const s = i32.subarray(at.state / 4, at.state / 4 + 4);
  rng.s0 = s[0];
  rng.s1 = s[1];
  rng.s2 = s[2];
  rng.s3 = s[3];
};

// The same numbers, column for column, over many chunks of several streams.
const jsColumn = new Float64Array(N);
const jsWords = new Uint32Array(N);
for (let c = 0; c < 40; c++) {
  const js = new Rng(7, c, 'bench:wasm');
  const w = new Rng(7, c, 'bench:wasm');
  const same = (what, a, b) => {
    for (let k = 0; k < N; k++)
      if (!Object.is(a[k], b[k])) throw new Error(`${what}, chunk ${c}, value ${k}: ${a[k]} (TypeScript) against ${b[k]} (WebAssembly)`);
  };
  js.fillUint32(jsWords, N);
  enter(w);
  wasm.fillUint32(at.words, N);
  leave(w);
  same('words', jsWords, words);
  js.fillUniform(jsColumn, N);
  enter(w);
  wasm.fillUniform(at.column, N);
  leave(w);
  same('uniforms', jsColumn, column);
  fillStandardNormals(js, jsColumn, N);
  enter(w);
  wasm.fillNormal(at.column, N);
  leave(w);
  same('normals', jsColumn, column);
  expColumn(jsColumn, N, 0.3, 1.7);
  wasm.expAffine(at.column, N, 0.3, 1.7);
  same('lognormals', jsColumn, column);
  if (js.state().some((s, i) => s !== w.state()[i])) throw new Error(`chunk ${c}: the streams ended in different states`);
}

/** A module fill on an engine stream: its state in, the fill, its state out. */
const onStream = (fill) => (rng) => {
  enter(rng);
  fill();
  leave(rng);
};
const cases = [
  ['32-bit words', (rng) => rng.fillUint32(jsWords, N), onStream(() => wasm.fillUint32(at.words, N))],
  ['uniforms', (rng) => rng.fillUniform(jsColumn, N), onStream(() => wasm.fillUniform(at.column, N))],
  ['standard normals', (rng) => fillStandardNormals(rng, jsColumn, N), onStream(() => wasm.fillNormal(at.column, N))],
  [
    'lognormals (normals + table exp)',
    (rng) => {
      fillStandardNormals(rng, jsColumn, N);
      expColumn(jsColumn, N, 0.3, 0.5);
    },
    (rng) => {
      enter(rng);
      wasm.fillNormal(at.column, N);
      leave(rng);
      wasm.expAffine(at.column, N, 0.3, 0.5);
    },
  ],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fill) => {
  const rng = new Rng(1, 0, 'bench:wasm');
  const start = performance.now();
  for (let c = 0; c < chunks; c++) fill(rng);
  return ((performance.now() - start) * 1e6) / (chunks * N);
};
console.log(
  `WebAssembly draw module (bench/wasm/draws.ts, ${bytes.length} bytes, AssemblyScript ${asVersion} -O3, scalar) beside the engine's TypeScript columns; Node ${process.version}`,
);
console.log('Same values to the last bit: words, uniforms, normals and lognormals over 40 chunks of 16,384.');
console.log(`ns per value, median of ${rounds} alternating rounds of ${chunks} chunks of ${N.toLocaleString('en-US')}, in place:\n`);
console.log('| column | TypeScript | WebAssembly | WebAssembly ÷ TypeScript |');
console.log('|---|---|---|---|');
for (const [name, js, w] of cases) {
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    a.push(time(js));
    b.push(time(w));
  }
  console.log(`| ${name} | ${median(a).toFixed(2)} | ${median(b).toFixed(2)} | ${(median(b) / median(a)).toFixed(2)}× |`);
}
