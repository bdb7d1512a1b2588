/**
 * Seeded random streams.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021; reference code at prng.di.unimi.it). It is written out here rather
 * than taken from a library because the Monte Carlo's inner loops call it hundreds of millions of
 * times and need its four 32-bit words as plain fields the JIT keeps in registers; the libraries
 * that offer it (pure-rand) return new objects per draw.
 *
 * Streams: the state of stream (seed, index) is filled by SplitMix32-style mixing of the seed and
 * the index (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014),
 * so chunk k of a run draws the same numbers however the run is split across workers.
 */

/** Murmur3's 32-bit finaliser: a bijective avalanche mix. */
function mix32(z: number): number {
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const GOLDEN_GAMMA = 0x9e3779b9;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;
const TWO_POW_26 = 67108864;

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * The stream for (seed, index, lane). Seeds are integers in [0, 2^53). Lanes separate the
   * purposes one chunk draws for (requirements, growth parameters), so that making a growth
   * parameter uncertain does not change the requirement draws.
   */
  constructor(seed: number, index = 0, lane = 0) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
    if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`stream index must be a non-negative safe integer, got ${index}`);
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / 4294967296) >>> 0;
    const indexLo = index >>> 0;
    const indexHi = Math.floor(index / 4294967296) >>> 0;
    let x = mix32(seedLo ^ mix32(seedHi ^ 0x5bd1e995 ^ mix32(lane + 0x68e31da4)));
    x = mix32(x ^ mix32(indexLo + GOLDEN_GAMMA)) ^ mix32(indexHi ^ 0x27d4eb2f);
    const next = (): number => {
      x = (x + GOLDEN_GAMMA) >>> 0;
      return mix32(x);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
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
   * A uniform double strictly inside (0, 1) with 53 random bits (two 32-bit outputs),
   * offset by half a step so that 0 and 1 never occur: inverse-CDF samplers may take its logarithm.
   */
  uniform(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * TWO_POW_26 + lo + 0.5) * TWO_POW_MINUS_53;
  }
}
