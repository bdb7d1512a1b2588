#!/usr/bin/env node
// A tuned single-file JavaScript program of the simplified benchmark model (bench/simplified), as
// a careful programmer would write it without bioanchors, for `npm run bench` to compare with.
// One loop over worlds. Random 32-bit words come from a seeded xoshiro128** generator, made 4,096
// at a time with its state in local variables; standard normals by the ziggurat method; the
// anchor by a guide table over the cumulative weights. The arrival year is in closed form: with
// hard caps the total is a sum of minimums of affine functions of the year, that is the minimum
// of 8 affine functions a_k + b_k * year, so it first reaches r at the largest of the lower
// bounds (r - a_k) / b_k, rounded up to a whole year, exactly as bench/peers/numpy_closed_form.py
// does (a combination with slope 0 or less that starts below r: never). Arrival years are
// counted into a histogram.
// Usage: node bench/peers/tuned.mjs [--samples N]; prints JSON.
import { parseArgs } from 'node:util';
import { model } from './model.mjs';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '10000000' } } });
const samples = Number(values.samples);
if (!Number.isSafeInteger(samples) || samples < 1) throw new Error(`--samples must be a positive whole number, not ${values.samples}`);

const BLOCK = 4096;
const TWO_M24 = 2 ** -24;
const TWO_M32 = 2 ** -32;

/**
 * Fills `words` with the next BLOCK outputs of xoshiro128** (Blackman and Vigna, "Scrambled
 * linear pseudorandom number generators", 2021), whose four 32-bit words of state are kept in
 * `state` between blocks.
 */
function refill(words, state) {
  let s0 = state[0];
  let s1 = state[1];
  let s2 = state[2];
  let s3 = state[3];
  for (let i = 0; i < BLOCK; i++) {
    const m = Math.imul(s1, 5);
    words[i] = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

/** Per-year counts of arrivals of `samples` worlds: index 0 is the start year; nYears: not by the horizon; nYears + 1: no anchor (weights under 1). */
function simulate(samples, m) {
  // The generator's state, from a fixed seed through splitmix32.
  const state = new Int32Array(4);
  for (let i = 0, x = 20200918; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    state[i] = z ^ (z >>> 16);
  }
  const words = new Int32Array(BLOCK);

  // Ziggurat tables for the standard normal, 128 layers (Marsaglia and Tsang 2000, in the form of
  // Doornik 2005, "An improved ziggurat method to generate normal random samples"): layer i spans
  // [0, X[i]), and u * X[i] with |u| < R[i] = X[i+1] / X[i] lies wholly under the density.
  const ZR = 3.442619855899; // where the tail starts
  const ZV = 9.91256303526217e-3; // the area of each layer
  const X = new Float64Array(129);
  const R = new Float64Array(128);
  let f = Math.exp(-0.5 * ZR * ZR);
  X[0] = ZV / f;
  X[1] = ZR;
  for (let i = 2; i < 128; i++) {
    X[i] = Math.sqrt(-2 * Math.log(ZV / X[i - 1] + f));
    f = Math.exp(-0.5 * X[i] * X[i]);
  }
  for (let i = 0; i < 128; i++) R[i] = X[i + 1] / X[i];

  const { anchors, price, spend, algorithmic } = m;
  if (algorithmic.startYear > m.startYear) throw new Error('the closed form needs algorithmic progress to start by the first simulated year');
  const y0 = m.startYear;
  const nYears = m.horizonYear - m.startYear + 1;
  const nAnchors = anchors.length;
  const cumulative = new Float64Array(nAnchors);
  const medians = new Float64Array(nAnchors);
  const sds = new Float64Array(nAnchors);
  for (let i = 0, acc = 0; i < nAnchors; i++) {
    cumulative[i] = acc += anchors[i].weight;
    medians[i] = anchors[i].median;
    sds[i] = anchors[i].sd;
  }
  // guide[g]: the first anchor whose cumulative weight exceeds g / 64, where the search for a uniform in [g/64, (g+1)/64) starts.
  const guide = new Int32Array(64);
  for (let g = 0, a = 0; g < 64; g++) {
    while (a < nAnchors && cumulative[a] <= g / 64) a++;
    guide[g] = a;
  }
  const LOG10_2 = Math.log10(2);
  // Each term as min(intercept + slope * year, cap); the spending cap is itself affine (a share of a growing GDP).
  const capB = Math.log10(1 + spend.gdpGrowth);
  const capA = Math.log10(spend.maxFraction) + spend.log10Gdp - spend.gdpYear * capB;
  const pMax = price.max;
  const gMax = algorithmic.maxOom;
  const pMu = price.doubling.mu;
  const pSigma = price.doubling.sigma;
  const sMu = spend.doubling.mu;
  const sSigma = spend.doubling.sigma;
  const gMu = algorithmic.halving.mu;
  const gSigma = algorithmic.halving.sigma;
  const pLog = price.log10FlopPerUsd;
  const pYear = price.year;
  const sLog = spend.log10Usd;
  const sYear = spend.year;
  const gStart = algorithmic.startYear;

  const counts = new Float64Array(nYears + 2);
  const z = new Float64Array(4);
  let k = BLOCK; // the next unused word
  for (let w = 0; w < samples; w++) {
    if (k === BLOCK) (refill(words, state), (k = 0));
    const word0 = words[k++] >>> 0;
    const u = (word0 + 0.5) * TWO_M32;
    let anchor = guide[word0 >>> 26];
    while (anchor < nAnchors && u >= cumulative[anchor]) anchor++;
    if (anchor === nAnchors) {
      counts[nYears + 1]++;
      continue;
    }
    // Four standard normals: the requirement and the three growth rates.
    for (let j = 0; j < 4; ) {
      if (k === BLOCK) (refill(words, state), (k = 0));
      const word = words[k++];
      const i = word & 127; // the layer from the low 7 bits, the position from the other 25
      const v = ((word >> 7) + 0.5) * TWO_M24; // in (-1, 1)
      if (Math.abs(v) < R[i]) {
        z[j++] = v * X[i];
        continue;
      }
      if (i === 0) {
        // The tail beyond ZR (Marsaglia 1964).
        let x, y;
        do {
          if (k >= BLOCK - 1) (refill(words, state), (k = 0));
          x = Math.log(((words[k++] >>> 0) + 0.5) * TWO_M32) / ZR;
          y = Math.log(((words[k++] >>> 0) + 0.5) * TWO_M32);
        } while (-2 * y < x * x);
        z[j++] = v < 0 ? x - ZR : ZR - x;
        continue;
      }
      // The wedge between the layer's rectangle and the density; on rejection, a new draw.
      const x = v * X[i];
      const f0 = Math.exp(-0.5 * (X[i] * X[i] - x * x));
      const f1 = Math.exp(-0.5 * (X[i + 1] * X[i + 1] - x * x));
      if (k === BLOCK) (refill(words, state), (k = 0));
      if (f1 + ((words[k++] >>> 0) + 0.5) * TWO_M32 * (f0 - f1) < 1) z[j++] = x;
    }
    const r = medians[anchor] + sds[anchor] * z[0];
    const pB = LOG10_2 * Math.exp(-(pMu + pSigma * z[1]));
    const sB = LOG10_2 * Math.exp(-(sMu + sSigma * z[2]));
    const gB = LOG10_2 * Math.exp(-(gMu + gSigma * z[3]));
    const pA = pLog - pYear * pB;
    const sA = sLog - sYear * sB;
    const gA = -gStart * gB;
    // The 8 combinations of spending (grown or capped), price (grown or capped) and algorithms (grown or capped).
    let lower = y0;
    let never = false;
    {
      const a = sA + pA + gA, b = sB + pB + gB;
      if (b > 0) lower = Math.max(lower, (r - a) / b);
      else if (a < r) never = true;
    }
    {
      const a = sA + pA + gMax, b = sB + pB;
      if (b > 0) lower = Math.max(lower, (r - a) / b);
      else if (a < r) never = true;
    }
    {
      const a = sA + pMax + gA, b = sB + gB;
      if (b > 0) lower = Math.max(lower, (r - a) / b);
      else if (a < r) never = true;
    }
    {
      const a = sA + pMax + gMax, b = sB;
      if (b > 0) lower = Math.max(lower, (r - a) / b);
      else if (a < r) never = true;
    }
    {
      const a = capA + pA + gA, b = capB + pB + gB;
      if (b > 0) lower = Math.max(lower, (r - a) / b);
      else if (a < r) never = true;
    }
    {
      const a = capA + pA + gMax, b = capB + pB;
      if (b > 0) lower = Math.max(lower, (r - a) / b);
      else if (a < r) never = true;
    }
    {
      const a = capA + pMax + gA, b = capB + gB;
      if (b > 0) lower = Math.max(lower, (r - a) / b);
      else if (a < r) never = true;
    }
    {
      const a = capA + pMax + gMax, b = capB;
      if (b > 0) lower = Math.max(lower, (r - a) / b);
      else if (a < r) never = true;
    }
    const year = Math.ceil(lower - 1e-9) - y0;
    counts[never || year >= nYears ? nYears : year]++;
  }
  return counts;
}

const start = performance.now();
const counts = simulate(samples, model);
const seconds = (performance.now() - start) / 1000;
let by2050 = 0;
for (let j = 0; j <= 2050 - model.startYear; j++) by2050 += counts[j];
console.log(JSON.stringify({ samples, seconds, worldsPerSecond: samples / seconds, pBy2050: by2050 / samples }));
