#!/usr/bin/env node
// A tuned single-file JavaScript program of the simplified benchmark model (bench/simplified), as
// a careful programmer would write it without bioanchors: one loop over worlds, Box–Muller normals
// from a seeded xorshift128 generator, hard caps, and the arrival year by a binary search over
// the years (every curve only grows, so the total does too). For `npm run bench` to compare with.
// Usage: node bench/peers/tuned.mjs [--samples N]; prints JSON.
import { parseArgs } from 'node:util';
import { model } from './model.mjs';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '10000000' } } });
const samples = Number(values.samples);
const start = performance.now();

// xorshift128 (Marsaglia, "Xorshift RNGs", J. Stat. Softw. 2003): four 32-bit words, enough for a benchmark.
let s0 = 0x12345678 | 0;
let s1 = 0x9abcdef0 | 0;
let s2 = 0x0fedcba9 | 0;
let s3 = 0x87654321 | 0;
function next32() {
  const t = s0 ^ (s0 << 11);
  s0 = s1;
  s1 = s2;
  s2 = s3;
  s3 = s3 ^ (s3 >>> 19) ^ t ^ (t >>> 8);
  return s3 >>> 0;
}
const uniform = () => (next32() + 0.5) / 4294967296;
let spare = NaN;
function normal() {
  if (spare === spare) {
    const z = spare;
    spare = NaN;
    return z;
  }
  const r = Math.sqrt(-2 * Math.log(uniform()));
  const th = 2 * Math.PI * uniform();
  spare = r * Math.sin(th);
  return r * Math.cos(th);
}

const LOG10_2 = Math.log10(2);
const { anchors, price, spend, algorithmic } = model;
const cumulative = [];
let acc = 0;
for (const a of anchors) cumulative.push((acc += a.weight));
const y0 = model.startYear;
const nYears = model.horizonYear - model.startYear + 1;
const capSlope = Math.log10(1 + spend.gdpGrowth);
const capIntercept = Math.log10(spend.maxFraction) + spend.log10Gdp - spend.gdpYear * capSlope;
const counts = new Float64Array(nYears + 2);
for (let w = 0; w < samples; w++) {
  const u = uniform();
  let i = 0;
  while (i < cumulative.length && u >= cumulative[i]) i++;
  if (i === cumulative.length) {
    counts[nYears + 1]++;
    continue;
  }
  const r = anchors[i].median + anchors[i].sd * normal();
  const priceSlope = LOG10_2 / Math.exp(price.doubling.mu + price.doubling.sigma * normal());
  const spendSlope = LOG10_2 / Math.exp(spend.doubling.mu + spend.doubling.sigma * normal());
  const algoSlope = LOG10_2 / Math.exp(algorithmic.halving.mu + algorithmic.halving.sigma * normal());
  const total = (y) => {
    const p = Math.min(price.log10FlopPerUsd + (y - price.year) * priceSlope, price.max);
    const s = Math.min(spend.log10Usd + (y - spend.year) * spendSlope, capIntercept + y * capSlope);
    const a = Math.min(Math.max(0, y - algorithmic.startYear) * algoSlope, algorithmic.maxOom);
    return p + s + a;
  };
  let lo = 0;
  let hi = nYears;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (total(y0 + mid) >= r) hi = mid;
    else lo = mid + 1;
  }
  counts[lo]++;
}
const seconds = (performance.now() - start) / 1000;
let by2050 = 0;
for (let j = 0; j <= 2050 - y0; j++) by2050 += counts[j];
console.log(JSON.stringify({ samples, seconds, worldsPerSecond: samples / seconds, pBy2050: by2050 / samples }));
