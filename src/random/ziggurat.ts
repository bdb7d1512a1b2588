/**
 * Standard normal draws by the ziggurat method: G. Marsaglia & W. W. Tsang, "The ziggurat method
 * for generating random variables", J. Stat. Softw. 5(8), 2000, with the improvements of
 * J. A. Doornik, "An improved ziggurat method to generate normal random samples" (2005): the layer
 * index and the value come from separate random bits, and the value has 52 bits of resolution.
 * About three times faster than inverting the CDF; used for normals and lognormals, truncated
 * ones included when the range keeps at least half the mass (draws outside it are redrawn;
 * sampler.ts), and as a column (fillStandardNormals) on the engine's hot path.
 */
import { RejectionQueue, signedUniform, type Rng } from './rng.js';

const LAYERS = 128;
/** Right edge of the base layer and the common area of every layer, for 128 layers (Marsaglia & Tsang). */
const R = 3.442619855899;
const V = 9.91256303526217e-3;

const density = (x: number) => Math.exp(-0.5 * x * x);

/**
 * No draw is larger in magnitude: the tail's R + x with x = −ln(U)/R, and the uniform U is at
 * least 2^-53 (Rng.uniform), so |z| ≤ R + 53 ln 2 / R ≈ 14.11; every other draw is inside a layer.
 */
export const LARGEST_NORMAL = R + (53 * Math.LN2) / R;

/** x[i]: the layers' right edges, x[0] the base layer's virtual width, x[LAYERS] = 0. */
const X = new Float64Array(LAYERS + 1);
/** RATIO[i] = x[i+1] / x[i]: below it a draw is inside the layer's rectangle and is accepted at once. */
const RATIO = new Float64Array(LAYERS);
X[0] = V / density(R);
X[1] = R;
for (let i = 2; i < LAYERS; i++) X[i] = Math.sqrt(-2 * Math.log(V / X[i - 1] + density(X[i - 1])));
X[LAYERS] = 0;
for (let i = 0; i < LAYERS; i++) RATIO[i] = X[i + 1] / X[i];

/** One standard normal draw. */
export function zigguratNormal(rng: Rng): number {
  const a = rng.nextUint32();
  const b = rng.nextUint32();
  const i = a & 0x7f;
  const u = signedUniform(a, b);
  return Math.abs(u) < RATIO[i] ? u * X[i] : outsideRectangle(rng, i, u);
}

/**
 * The rest of a draw whose first pair of outputs, giving layer i and position u, fell outside the
 * layer's rectangle (about 2.8% of draws, over a quarter of them in the top layer, which has no rectangle): the tail, or the wedge test, and if that rejects, new
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
    u = signedUniform(a, b);
    if (Math.abs(u) < RATIO[i]) return u * X[i];
  }
}

const rejected = new RejectionQueue();

/**
 * out[0..n) = n standard normal draws: the column form of the engine's hot loop. Draw k takes the
 * k-th pair of the generator's outputs, as zigguratNormal does, and when that pair falls inside its
 * layer's rectangle (about 97.2% of draws) it is zigguratNormal's value. The others are queued by
 * the generator's column pass (Rng.fillLayered) and finished after it, in order, from the outputs
 * that follow the column's pairs: each is still an exact draw (the tail or the wedge test, then new
 * pairs until one is accepted), on random numbers no other draw of the column used.
 */
export function fillStandardNormals(rng: Rng, out: Float64Array, n: number): void {
  const queued = rng.fillLayered(out, n, X, RATIO, rejected);
  const { at, layer, u } = rejected;
  for (let q = 0; q < queued; q++) out[at[q]] = outsideRectangle(rng, layer[q], u[q]);
}
