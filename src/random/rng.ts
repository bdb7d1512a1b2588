/**
 * Seeded random streams.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021; reference code at prng.di.unimi.it). It is written out here rather
 * than taken from a library because the Monte Carlo's inner loops call it hundreds of millions of
 * times and need its four 32-bit words as plain fields the JIT keeps in registers; the libraries
 * that offer it (pure-rand) return new objects per draw.
 *
 * Streams: a stream is named by (seed, chunk, stream name). Its 128-bit state is made of two
 * 64-bit halves, each the end of a chain of SplitMix64 finalisers (Steele, Lea & Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014; constants of Stafford's "Mix13") that
 * absorbs the whole seed, the whole chunk index and a 64-bit FNV-1a hash of the stream's name, with
 * a different key per half. Every bit of every part reaches every bit of the state, so distinct
 * (seed, chunk, stream) give unrelated states (two equal states: about 2^-128 per pair), and chunk k
 * of a run draws the same numbers however the run is split across workers. This is the one place
 * where a seed becomes streams.
 */

const MASK64 = 0xffffffffffffffffn;
const GOLDEN64 = 0x9e3779b97f4a7c15n;

/** SplitMix64's finaliser (Stafford's Mix13): a bijection of 64-bit words with full avalanche. */
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** FNV-1a, 64-bit, over the UTF-16 code units of a stream's name. */
function hashName(name: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < name.length; i++) h = ((h ^ BigInt(name.charCodeAt(i))) * 0x100000001b3n) & MASK64;
  return h;
}

const nameHashes = new Map<string, bigint>();

/** Keys of the two halves of the state: arbitrary distinct odd constants (digits of π and e). */
const HALF_KEYS = [0x243f6a8885a308d3n, 0xb7e151628aed2a6bn] as const;

/** One 64-bit half of the state of stream (seed, chunk, name). */
function stateHalf(key: bigint, seed: bigint, chunk: bigint, name: bigint): bigint {
  let x = mix64(key ^ seed);
  x = mix64(((x + GOLDEN64) & MASK64) ^ chunk);
  x = mix64(((x + GOLDEN64) & MASK64) ^ name);
  return mix64((x + GOLDEN64) & MASK64);
}

const TWO_POW_26 = 67108864;
const TWO_POW_27 = 134217728;
const TWO_POW_MINUS_52 = 1 / 4503599627370496;

/**
 * A uniform in (-1, 1) on a 2^-51 grid from two 32-bit outputs: the 25 bits of `a` above its low 7
 * (which a layered sampler keeps for its layer) and the top 27 of `b` (Doornik 2005's ziggurat).
 */
export function signedUniform(a: number, b: number): number {
  return 2 * (((a >>> 7) * TWO_POW_27 + (b >>> 5) + 0.5) * TWO_POW_MINUS_52) - 1;
}

/** Draws a layered sampler's first pass left for later (fillLayered): each one's position, layer and u. */
export class RejectionQueue {
  at = new Int32Array(64);
  layer = new Int32Array(64);
  u = new Float64Array(64);

  grow(): void {
    const size = 2 * this.at.length;
    const at = new Int32Array(size);
    const layer = new Int32Array(size);
    const u = new Float64Array(size);
    at.set(this.at);
    layer.set(this.layer);
    u.set(this.u);
    this.at = at;
    this.layer = layer;
    this.u = u;
  }
}

/** The stream name of the run's own draws when none is given. */
export const DEFAULT_STREAM = 'default';

export class Rng {
  /**
   * The four 32-bit words of the state. The column loops below (fillUint32, fillUniform,
   * fillLayered) hold them in local variables for a whole column and write them back; every copy
   * of the generator's step is in this file.
   */
  s0: number;
  s1: number;
  s2: number;
  s3: number;

  /**
   * The stream (seed, chunk, stream). Seeds and chunk indices are integers in [0, 2^53). Stream
   * names separate the purposes one chunk draws for (the run's requirements, its growth
   * parameters, each quantity of the paired draws), so that, e.g., making a growth parameter
   * uncertain does not change the requirement draws.
   */
  constructor(seed: number, chunk = 0, stream: string = DEFAULT_STREAM) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
    if (!Number.isSafeInteger(chunk) || chunk < 0) throw new RangeError(`chunk index must be a non-negative safe integer, got ${chunk}`);
    let name = nameHashes.get(stream);
    if (name === undefined) {
      name = hashName(stream);
      nameHashes.set(stream, name);
    }
    const a = stateHalf(HALF_KEYS[0], BigInt(seed), BigInt(chunk), name);
    const b = stateHalf(HALF_KEYS[1], BigInt(seed), BigInt(chunk), name);
    this.s0 = Number(a & 0xffffffffn) | 0;
    this.s1 = Number(a >> 32n) | 0;
    this.s2 = Number(b & 0xffffffffn) | 0;
    this.s3 = Number(b >> 32n) | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** The 128-bit state as four 32-bit words (for tests of stream derivation). */
  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /** A generator in a given raw state (for checking against the reference implementation). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const rng = new Rng(0);
    rng.s0 = s0 | 0;
    rng.s1 = s1 | 0;
    rng.s2 = s2 | 0;
    rng.s3 = s3 | 0;
    return rng;
  }

  /** Next 32-bit output of xoshiro128**, as an unsigned integer. */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2;
    const s3 = this.s3;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = (n3 << 11) | (n3 >>> 21);
    return result >>> 0;
  }

  /**
   * out[0..n) = the next n outputs of nextUint32, the same numbers as n calls, with the state in
   * local variables for the whole loop (a column of draws at a time is the engine's hot path).
   */
  fillUint32(out: Uint32Array, n: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let k = 0; k < n; k++) {
      const m = Math.imul(s1, 5);
      out[k] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      const n2 = s2 ^ s0;
      const n3 = s3 ^ s1;
      s1 ^= n2;
      s0 ^= n3;
      s2 = n2 ^ t;
      s3 = (n3 << 11) | (n3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** out[0..n) = the next n values of uniform(), the same numbers, with the state in local variables. */
  fillUniform(out: Float64Array, n: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let k = 0; k < n; k++) {
      let m = Math.imul(s1, 5);
      const hi = Math.imul((m << 7) | (m >>> 25), 9) >>> 6;
      let t = s1 << 9;
      let n2 = s2 ^ s0;
      let n3 = s3 ^ s1;
      s1 ^= n2;
      s0 ^= n3;
      s2 = n2 ^ t;
      s3 = (n3 << 11) | (n3 >>> 21);
      m = Math.imul(s1, 5);
      const lo = Math.imul((m << 7) | (m >>> 25), 9) >>> 6;
      t = s1 << 9;
      n2 = s2 ^ s0;
      n3 = s3 ^ s1;
      s1 ^= n2;
      s0 ^= n3;
      s2 = n2 ^ t;
      s3 = (n3 << 11) | (n3 >>> 21);
      out[k] = (hi * TWO_POW_26 + lo + 0.5) * TWO_POW_MINUS_52;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /**
   * The generator's part of a layered rejection sampler's column (the ziggurat's, ziggurat.ts): for
   * k < n, the next pair of outputs (a, b) gives layer i = a & 0x7f and u = signedUniform(a, b), and
   * out[k] = u · width[i]; a pair with |u| not below accept[i] is also queued (k, i, u) for the caller
   * to finish after the column, from the outputs that follow. Returns how many were queued. The
   * state stays in local variables, and the loop has no call in it (the rejections are rare, about
   * 2.8% for the ziggurat, and a call in the loop would cost every draw).
   */
  fillLayered(out: Float64Array, n: number, width: Float64Array, accept: Float64Array, queue: RejectionQueue): number {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    let queued = 0;
    for (let k = 0; k < n; k++) {
      let m = Math.imul(s1, 5);
      const a = Math.imul((m << 7) | (m >>> 25), 9);
      let t = s1 << 9;
      let n2 = s2 ^ s0;
      let n3 = s3 ^ s1;
      s1 ^= n2;
      s0 ^= n3;
      s2 = n2 ^ t;
      s3 = (n3 << 11) | (n3 >>> 21);
      m = Math.imul(s1, 5);
      const b = Math.imul((m << 7) | (m >>> 25), 9);
      t = s1 << 9;
      n2 = s2 ^ s0;
      n3 = s3 ^ s1;
      s1 ^= n2;
      s0 ^= n3;
      s2 = n2 ^ t;
      s3 = (n3 << 11) | (n3 >>> 21);
      const i = a & 0x7f;
      const u = signedUniform(a, b);
      out[k] = u * width[i];
      if (!(Math.abs(u) < accept[i])) {
        if (queued === queue.at.length) queue.grow();
        queue.at[queued] = k;
        queue.layer[queued] = i;
        queue.u[queued] = u;
        queued++;
      }
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return queued;
  }

  /**
   * A uniform double strictly inside (0, 1): 52 random bits (26 from each of two 32-bit outputs)
   * and half a step, (k + 1/2) / 2^52, so the extremes are 2^-53 and 1 - 2^-53, both exact in
   * double precision (with 53 bits, (2^53 - 1/2) / 2^53 rounds to 1). Inverse-CDF samplers may
   * take its logarithm or its normal quantile.
   */
  uniform(): number {
    const hi = this.nextUint32() >>> 6;
    const lo = this.nextUint32() >>> 6;
    return (hi * TWO_POW_26 + lo + 0.5) * TWO_POW_MINUS_52;
  }
}
