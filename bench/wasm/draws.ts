/**
 * The engine's random draws written as a WebAssembly module (AssemblyScript, scalar), for the bench
 * that decided whether the draws move to WebAssembly (bench/wasm-draws.mjs builds it with the pinned
 * AssemblyScript and times it beside the engine's own TypeScript fills, checking both give the same
 * numbers to the last bit). It was not adopted: on this machine it measured no faster than the
 * TypeScript columns (see that script's output). Not part of the package.
 *
 * The same draws as src/random/rng.ts and src/random/ziggurat.ts: the generator's words
 * (xoshiro128** 1.1), its 52-bit uniforms, ziggurat normals (Marsaglia & Tsang 2000 with Doornik
 * 2005's separate layer bits) with the rejections finished after the column, and the table exp of
 * src/dist/exp.ts for lognormal columns. To give the same values to the last bit:
 * - the tables (the ziggurat's layer edges and ratios, the table exp's 2^(k/64) and 2^(j − 1024))
 *   are the engine's own, written into memory at the addresses `init` is given;
 * - the rare slow paths take Math.exp and Math.log from JavaScript (imported): WebAssembly has no
 *   such instruction, and a library exp here would round differently in its last bit;
 * - the generator's state is four 32-bit words at address `state`.
 * Every float operation is an IEEE one (no fused multiply-add in WebAssembly), so a value is the one
 * the same expression gives in JavaScript.
 */

@external('env', 'exp')
declare function jsExp(x: f64): f64;
@external('env', 'log')
declare function jsLog(x: f64): f64;

// Addresses written by init.
let STATE: usize = 0;
let X: usize = 0;
let RATIO: usize = 0;
let FRACTION: usize = 0;
let WHOLE: usize = 0;
let QUEUE_AT: usize = 0;
let QUEUE_LAYER: usize = 0;
let QUEUE_U: usize = 0;

const R: f64 = 3.442619855899;
const TWO_POW_26: f64 = 67108864.0;
const TWO_POW_27: f64 = 134217728.0;
const TWO_POW_MINUS_52: f64 = 1.0 / 4503599627370496.0;
const EXP_K: f64 = 64.0 / Math.LN2;
const EXP_R: f64 = Math.LN2 / 64.0;
const SHIFT: f64 = 6755399441055744.0;

// The generator's state while a call runs.
let s0: u32 = 0;
let s1: u32 = 0;
let s2: u32 = 0;
let s3: u32 = 0;

export function init(state: usize, x: usize, ratio: usize, fraction: usize, whole: usize, queueAt: usize, queueLayer: usize, queueU: usize): void {
  STATE = state;
  X = x;
  RATIO = ratio;
  FRACTION = fraction;
  WHOLE = whole;
  QUEUE_AT = queueAt;
  QUEUE_LAYER = queueLayer;
  QUEUE_U = queueU;
}

@inline
function loadState(): void {
  s0 = load<u32>(STATE);
  s1 = load<u32>(STATE, 4);
  s2 = load<u32>(STATE, 8);
  s3 = load<u32>(STATE, 12);
}

@inline
function storeState(): void {
  store<u32>(STATE, s0);
  store<u32>(STATE, s1, 4);
  store<u32>(STATE, s2, 8);
  store<u32>(STATE, s3, 12);
}

/** The next output of xoshiro128** (Blackman & Vigna). */
@inline
function next(): u32 {
  const result = rotl<u32>(s1 * 5, 7) * 9;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl<u32>(s3, 11);
  return result;
}

/** (k + 1/2) / 2^52 from 26 bits of each of two outputs: strictly inside (0, 1). */
@inline
function nextUniform(): f64 {
  const hi = <f64>(next() >>> 6);
  const lo = <f64>(next() >>> 6);
  return (hi * TWO_POW_26 + lo + 0.5) * TWO_POW_MINUS_52;
}

/** A uniform in (−1, 1) from the 25 bits of `a` above its low 7 and the top 27 of `b`. */
@inline
function signedUniform(a: u32, b: u32): f64 {
  return 2.0 * ((<f64>(a >>> 7) * TWO_POW_27 + <f64>(b >>> 5) + 0.5) * TWO_POW_MINUS_52) - 1.0;
}

@inline
function xAt(i: u32): f64 {
  return load<f64>(X + (<usize>i << 3));
}

@inline
function ratioAt(i: u32): f64 {
  return load<f64>(RATIO + (<usize>i << 3));
}

/** The rest of a draw whose first pair fell outside its layer's rectangle: the tail, or the wedge test, then new pairs. */
function outsideRectangle(i: u32, u: f64): f64 {
  while (true) {
    if (i == 0) {
      let x: f64;
      let y: f64;
      do {
        x = -jsLog(nextUniform()) / R;
        y = -jsLog(nextUniform());
      } while (y + y < x * x);
      return u < 0 ? -(R + x) : R + x;
    }
    const xi = xAt(i);
    const xj = xAt(i + 1);
    const x = u * xi;
    const f0 = jsExp(-0.5 * (xi * xi - x * x));
    const f1 = jsExp(-0.5 * (xj * xj - x * x));
    if (f1 + nextUniform() * (f0 - f1) < 1) return x;
    const a = next();
    const b = next();
    i = a & 0x7f;
    u = signedUniform(a, b);
    if (Math.abs(u) < ratioAt(i)) return u * xAt(i);
  }
  return unreachable();
}

export function nextUint32(): u32 {
  loadState();
  const r = next();
  storeState();
  return r;
}

export function uniform(): f64 {
  loadState();
  const r = nextUniform();
  storeState();
  return r;
}

/** One standard normal draw. */
export function normal(): f64 {
  loadState();
  const a = next();
  const b = next();
  const i = a & 0x7f;
  const u = signedUniform(a, b);
  const z = Math.abs(u) < ratioAt(i) ? u * xAt(i) : outsideRectangle(i, u);
  storeState();
  return z;
}

/** out[0..n) = the next n outputs (u32). */
export function fillUint32(out: usize, n: i32): void {
  loadState();
  for (let k = 0; k < n; k++) store<u32>(out + (<usize>k << 2), next());
  storeState();
}

/** out[0..n) = the next n uniforms (f64). */
export function fillUniform(out: usize, n: i32): void {
  loadState();
  for (let k = 0; k < n; k++) store<f64>(out + (<usize>k << 3), nextUniform());
  storeState();
}

/**
 * out[0..n) = n standard normals, at most the queue's length (16,384 in the bench): draw k
 * takes the k-th pair of outputs, and a pair outside its layer's rectangle (about 2.8%) is queued and
 * finished after the column, in order, from the outputs that follow. The first pass has no call in it.
 */
export function fillNormal(out: usize, n: i32): void {
  loadState();
  let queued = 0;
  for (let k = 0; k < n; k++) {
    const a = next();
    const b = next();
    const i = a & 0x7f;
    const u = signedUniform(a, b);
    store<f64>(out + (<usize>k << 3), u * xAt(i));
    if (!(Math.abs(u) < ratioAt(i))) {
      store<i32>(QUEUE_AT + (<usize>queued << 2), k);
      store<u32>(QUEUE_LAYER + (<usize>queued << 2), i);
      store<f64>(QUEUE_U + (<usize>queued << 3), u);
      queued++;
    }
  }
  for (let q = 0; q < queued; q++) {
    const k = load<i32>(QUEUE_AT + (<usize>q << 2));
    const i = load<u32>(QUEUE_LAYER + (<usize>q << 2));
    const u = load<f64>(QUEUE_U + (<usize>q << 3));
    store<f64>(out + (<usize>k << 3), outsideRectangle(i, u));
  }
  storeState();
}

/** out[k] = mu + sigma · out[k]: a normal column from standard ones. */
export function affine(out: usize, n: i32, mu: f64, sigma: f64): void {
  for (let k = 0; k < n; k++) {
    const p = out + (<usize>k << 3);
    store<f64>(p, mu + sigma * load<f64>(p));
  }
}

/**
 * out[k] = exp(mu + sigma · out[k]) by the tables (dist/exp.ts says how, and when it is valid: every
 * argument within ±700): a lognormal column from standard normals.
 */
export function expAffine(out: usize, n: i32, mu: f64, sigma: f64): void {
  for (let k = 0; k < n; k++) {
    const p = out + (<usize>k << 3);
    const x = mu + sigma * load<f64>(p);
    const kk = x * EXP_K + SHIFT - SHIFT;
    const r = x - kk * EXP_R;
    const i = <i32>kk;
    const whole = load<f64>(WHOLE + (<usize>(((i >> 6) + 1024) & 2047) << 3));
    const fraction = load<f64>(FRACTION + (<usize>(i & 63) << 3));
    store<f64>(p, whole * fraction * (1 + r * (1 + r * (0.5 + r * 0.16666666666666666))));
  }
}

/** exp(x) by the same tables: one value. */
export function tableExp(x: f64): f64 {
  const kk = x * EXP_K + SHIFT - SHIFT;
  const r = x - kk * EXP_R;
  const i = <i32>kk;
  const whole = load<f64>(WHOLE + (<usize>(((i >> 6) + 1024) & 2047) << 3));
  const fraction = load<f64>(FRACTION + (<usize>(i & 63) << 3));
  return whole * fraction * (1 + r * (1 + r * (0.5 + r * 0.16666666666666666)));
}
