/**
 * Standard normal draws by the ziggurat method: G. Marsaglia & W. W. Tsang, "The ziggurat method
 * for generating random variables", J. Stat. Softw. 5(8), 2000, with the improvements of
 * J. A. Doornik, "An improved ziggurat method to generate normal random samples" (2005): the layer
 * index and the value come from separate random bits, and the value has 52 bits of resolution.
 * About three times faster than inverting the CDF; used for normals and lognormals, truncated
 * ones included when the range keeps at least half the mass (draws outside it are redrawn;
 * sampler.ts), and as a column (fillStandardNormals) on the engine's hot path.
 */
import type { Rng } from './rng.js';

const LAYERS = 128;
/** Right edge of the base layer and the common area of every layer, for 128 layers (Marsaglia & Tsang). */
const R = 3.442619855899;
const V = 9.91256303526217e-3;

const density = (x: number) => Math.exp(-0.5 * x * x);

/** x[i]: the layers' right edges, x[0] the base layer's virtual width, x[LAYERS] = 0. */
const X = new Float64Array(LAYERS + 1);
/** RATIO[i] = x[i+1] / x[i]: below it a draw is inside the layer's rectangle and is accepted at once. */
const RATIO = new Float64Array(LAYERS);
X[0] = V / density(R);
X[1] = R;
for (let i = 2; i < LAYERS; i++) X[i] = Math.sqrt(-2 * Math.log(V / X[i - 1] + density(X[i - 1])));
X[LAYERS] = 0;
for (let i = 0; i < LAYERS; i++) RATIO[i] = X[i + 1] / X[i];

const TWO_POW_27 = 134217728;
const TWO_POW_MINUS_52 = 1 / 4503599627370496;

/** One standard normal draw. */
export function zigguratNormal(rng: Rng): number {
  const a = rng.nextUint32();
  const b = rng.nextUint32();
  const i = a & 0x7f;
  // 25 bits of a (after the layer's 7) and 27 of b: a uniform in (-1, 1) on a 2^-51 grid.
  const u = 2 * (((a >>> 7) * TWO_POW_27 + (b >>> 5) + 0.5) * TWO_POW_MINUS_52) - 1;
  return Math.abs(u) < RATIO[i] ? u * X[i] : outsideRectangle(rng, i, u);
}

/**
 * The rest of a draw whose first pair of outputs, giving layer i and position u, fell outside the
 * layer's rectangle (about 1.2% of draws): the tail, or the wedge test, and if that rejects, new
 * pairs until one is accepted.
 */
function outsideRectangle(rng: Rng, i: number, u: number): number {
  for (;;) {
    if (i === 0) {
      // The tail beyond R (Marsaglia 1964).
      let x: number;
      let y: number;
      do {
        x = -Math.log(rng.uniform()) / R;
        y = -Math.log(rng.uniform());
      } while (y + y < x * x);
      return u < 0 ? -(R + x) : R + x;
    }
    const x = u * X[i];
    const f0 = Math.exp(-0.5 * (X[i] * X[i] - x * x));
    const f1 = Math.exp(-0.5 * (X[i + 1] * X[i + 1] - x * x));
    if (f1 + rng.uniform() * (f0 - f1) < 1) return x;
    const a = rng.nextUint32();
    const b = rng.nextUint32();
    i = a & 0x7f;
    u = 2 * (((a >>> 7) * TWO_POW_27 + (b >>> 5) + 0.5) * TWO_POW_MINUS_52) - 1;
    if (Math.abs(u) < RATIO[i]) return u * X[i];
  }
}

/**
 * out[0..n) = n standard normal draws, the same numbers as n calls of zigguratNormal: the column
 * form of the engine's hot loop. The generator's state stays in local variables (its step is
 * Rng.nextUint32's, written out; tests/random/ziggurat.test.ts checks the two agree), and is handed
 * back to the Rng only for the rare draws outside a layer's rectangle.
 */
export function fillStandardNormals(rng: Rng, out: Float64Array, n: number): void {
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  for (let k = 0; k < n; k++) {
    let m = Math.imul(s1, 5);
    const a = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    let t = s1 << 9;
    let n2 = s2 ^ s0;
    let n3 = s3 ^ s1;
    s1 ^= n2;
    s0 ^= n3;
    s2 = n2 ^ t;
    s3 = (n3 << 11) | (n3 >>> 21);
    m = Math.imul(s1, 5);
    const b = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    t = s1 << 9;
    n2 = s2 ^ s0;
    n3 = s3 ^ s1;
    s1 ^= n2;
    s0 ^= n3;
    s2 = n2 ^ t;
    s3 = (n3 << 11) | (n3 >>> 21);
    const i = a & 0x7f;
    const u = 2 * (((a >>> 7) * TWO_POW_27 + (b >>> 5) + 0.5) * TWO_POW_MINUS_52) - 1;
    if (Math.abs(u) < RATIO[i]) {
      out[k] = u * X[i];
      continue;
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    out[k] = outsideRectangle(rng, i, u);
    s0 = rng.s0;
    s1 = rng.s1;
    s2 = rng.s2;
    s3 = rng.s3;
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
}
