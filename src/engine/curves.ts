/**
 * The growth curves, in log10 units: FLOP per dollar, dollars per run, an optional physical
 * ceiling on the largest run (which caps their product), and algorithmic progress.
 * Each is an exponential trend with a cap, hard (the smaller of the two) or soft
 * (1/(1/trend + 1/cap) in linear units, as in the Rethink Priorities reimplementation: half the
 * cap where trend and cap meet, and always below both).
 */

const LOG10_2 = Math.log10(2);

/**
 * Doubling and halving times shorter than this count as this: growth of 3e299 OOM a year already
 * takes any curve to its cap within the year, while a shorter time (5e-324) made the slope
 * infinite, and infinity times the 0 years at a curve's own year is NaN (0% in every year).
 */
const MIN_DOUBLING_YEARS = 1e-300;

/** log10 growth per year of a doubling time in years, finite for every positive time. */
const slopeOf = (doublingYears: number) => LOG10_2 / (doublingYears > MIN_DOUBLING_YEARS ? doublingYears : MIN_DOUBLING_YEARS);

/** log10 of 1/(10^-a + 10^-b): a soft minimum of two log10 values, computed without overflow. */
export function softMinLog10(a: number, b: number): number {
  const lo = a < b ? a : b;
  const gap = a < b ? b - a : a - b;
  // Past 17 OOM apart the correction, under 2e-18, is below half an ulp of any value near 1e-2 or
  // more: the result is lo exactly, without the power and the logarithm.
  return gap > 17 ? lo : lo - Math.log10(1 + 10 ** -gap);
}

export function capped(trend: number, cap: number, soft: boolean): number {
  return soft ? softMinLog10(trend, cap) : trend < cap ? trend : cap;
}

/** One world's growth parameters (numbers; drawn or fixed). */
export interface CurveValues {
  log10FlopPerUsd: number;
  flopPerUsdYear: number;
  flopPerUsdDoublingYears: number;
  maxLog10FlopPerUsd: number;
  flopPerUsdSoft: boolean;
  log10UsdPerRun: number;
  spendYear: number;
  spendDoublingYears: number;
  log10GdpUsd: number;
  gdpYear: number;
  gdpGrowthPerYear: number;
  maxGdpFraction: number;
  spendSoft: boolean;
  /** log10 FLOP of the largest feasible run in ceilingYear; Infinity: no ceiling. */
  log10CeilingFlop: number;
  ceilingYear: number;
  /** Infinity: a ceiling that stays where it is. */
  ceilingDoublingYears: number;
  ceilingSoft: boolean;
}

/*
 * The curves of one set of values, for callers that want one number: each is WorldCurves' method
 * (the one definition of every curve), on a scratch instance set to `v`. Callers that evaluate one
 * world over many years set a WorldCurves once instead.
 */

export function log10FlopPerUsd(v: CurveValues, year: number): number {
  return scratch.of(v).flopPerUsd(year);
}

/** log10 of the largest share of GDP one run may cost, in dollars. */
export function log10SpendCapUsd(v: CurveValues, year: number): number {
  return scratch.of(v).spendCapUsd(year);
}

export function log10SpendUsd(v: CurveValues, year: number): number {
  return scratch.of(v).spendUsd(year);
}

/** log10 of the largest training run affordable in `year`, in FLOP. */
export function log10AffordableFlop(v: CurveValues, year: number): number {
  return scratch.of(v).affordable(year);
}

/**
 * Orders of magnitude by which the FLOP needed has fallen since `startYear`: requirements halve
 * every `halvingYears`, up to `maxOom` in all. Never negative (no progress before the start, and
 * the soft cap's dip below zero at the start is cut off as in the Rethink Priorities code).
 */
export function algorithmicOom(startYear: number, halvingYears: number, maxOom: number, soft: boolean, year: number): number {
  const world = scratch.world;
  world.setProgress(startYear, halvingYears, maxOom, soft);
  return world.progress(year);
}

/**
 * SOFT_DEFICIT[k] = log10(1 + 10^(-k/STEPS)): how far a soft cap lies below a hard one when trend
 * and cap are k/STEPS OOM apart (0 past 17 OOM, as in softMinLog10).
 */
const STEPS = 256;
const SOFT_DEFICIT = Float64Array.from({ length: 18 * STEPS + 2 }, (_, k) => (k / STEPS > 17 ? 0 : Math.log10(1 + 10 ** (-k / STEPS))));
/** The deficit is decreasing in the gap: bounds from the grid points around it. */
const deficitAtMost = (gap: number) => (gap >= 18 ? 0 : SOFT_DEFICIT[Math.floor(gap * STEPS)]);
const deficitAtLeast = (gap: number) => (gap >= 17 ? 0 : SOFT_DEFICIT[Math.ceil(gap * STEPS)]);
/** Far above the rounding of a total near 1e30 in log10 units (~1e-14), far below any meaningful difference. */
const DECISION_MARGIN = 1e-9;

/**
 * Narrows [range[0], range[1]] to the years y with a + b·y ≥ r: a lower bound when b > 0, an upper
 * bound when b < 0; with b = 0 every year or none (false). Math.max and Math.min compile to
 * branch-free instructions: which bound wins is data a branch would mispredict.
 */
function narrow(range: Float64Array, r: number, a: number, b: number): boolean {
  if (b > 0) range[0] = Math.max(range[0], (r - a) / b);
  else if (b < 0) range[1] = Math.min(range[1], (r - a) / b);
  // A flat sum excludes every year only when clearly below r: its intercept carries the rounding
  // of year × slope terms, and the answer is confirmed on the total itself anyway.
  else return a >= r - DECISION_MARGIN;
  return true;
}

/**
 * Scratch arrays of setGrowth and firstInRegion, shared by every instance (each is used within
 * one synchronous call), so that a WorldCurves per world (hindcast draws) stays small.
 */
const GROWTH_SCRATCH = new Float64Array(10);
const RANGE_SCRATCH = new Float64Array(2);

/**
 * One world's growth curves, the one definition of each: a trend value + (year − its year) ×
 * slope, capped hard or soft, with the constants worked out once per world (logarithms of fixed
 * values once per run). The one-number functions above, the arrival thresholds of fixed-growth
 * runs, the per-world search (its hard-capped bounds are the same pieces with hard caps),
 * trajectories, hindcasts and observation weights all evaluate it.
 */
export class WorldCurves {
  // Each curve as value + (year − its year) × slope, capped: FLOP per dollar, spending, and the
  // spending cap (a share of GDP); algorithmic progress from its start year.
  private priceValue = 0;
  private priceYear = 0;
  private priceSlope = 0;
  private priceCap = 0;
  private priceSoft = false;
  private spendValue = 0;
  private spendYear = 0;
  private spendSlope = 0;
  private capValue = 0;
  private capYear = 0;
  private capSlope = 0;
  private spendSoft = false;
  // The ceiling on affordable FLOP: +∞ (and flat) when the scenario has none.
  private ceilValue = Infinity;
  private ceilYear = 0;
  private ceilSlope = 0;
  private ceilSoft = false;
  private hasCeiling = false;
  private algoStart = 0;
  private algoSlope = 0;
  private algoCap = 0;
  private algoSoft = false;

  private lastGdpGrowth = NaN;
  private log10GdpGrowth = NaN;
  private lastGdpFraction = NaN;
  private log10GdpFraction = NaN;

  /**
   * The growth curves of `v`, with the ten numbers in CURVE_KEYS order (model/paths.ts) taken
   * from `x`: the per-world form, which recomputes a logarithm only when its argument changes.
   */
  setGrowthValues(x: Float64Array, v: CurveValues): void {
    this.priceValue = x[0];
    this.priceYear = v.flopPerUsdYear;
    this.priceSlope = slopeOf(x[1]);
    this.priceCap = x[2];
    this.priceSoft = v.flopPerUsdSoft;
    this.spendValue = x[3];
    this.spendYear = v.spendYear;
    this.spendSlope = slopeOf(x[4]);
    if (x[6] !== this.lastGdpGrowth) {
      this.lastGdpGrowth = x[6];
      this.log10GdpGrowth = Math.log10(1 + x[6]);
    }
    if (x[7] !== this.lastGdpFraction) {
      this.lastGdpFraction = x[7];
      this.log10GdpFraction = Math.log10(x[7]);
    }
    this.capValue = this.log10GdpFraction + x[5];
    this.capYear = v.gdpYear;
    this.capSlope = this.log10GdpGrowth;
    this.spendSoft = v.spendSoft;
    this.hasCeiling = x[8] < Infinity;
    this.ceilValue = this.hasCeiling ? x[8] : Infinity;
    this.ceilYear = this.hasCeiling ? v.ceilingYear : 0;
    // A fixed ceiling has an infinite doubling time: slope 0.
    this.ceilSlope = this.hasCeiling ? LOG10_2 / x[9] : 0;
    this.ceilSoft = this.hasCeiling && v.ceilingSoft;
  }

  /** The growth curves of `v`. */
  setGrowth(v: CurveValues): this {
    const x = GROWTH_SCRATCH;
    x[0] = v.log10FlopPerUsd;
    x[1] = v.flopPerUsdDoublingYears;
    x[2] = v.maxLog10FlopPerUsd;
    x[3] = v.log10UsdPerRun;
    x[4] = v.spendDoublingYears;
    x[5] = v.log10GdpUsd;
    x[6] = v.gdpGrowthPerYear;
    x[7] = v.maxGdpFraction;
    x[8] = v.log10CeilingFlop;
    x[9] = v.ceilingDoublingYears;
    this.setGrowthValues(x, v);
    return this;
  }

  setProgress(startYear: number, halvingYears: number, maxOom: number, soft: boolean): void {
    this.algoStart = startYear;
    this.algoSlope = slopeOf(halvingYears);
    this.algoCap = maxOom;
    this.algoSoft = soft;
  }

  /** log10 FLOP per dollar in `year`. */
  flopPerUsd(year: number): number {
    return capped(this.priceValue + (year - this.priceYear) * this.priceSlope, this.priceCap, this.priceSoft);
  }

  /** log10 of the largest share of GDP one run may cost, in dollars. */
  spendCapUsd(year: number): number {
    return this.capValue + (year - this.capYear) * this.capSlope;
  }

  /** log10 dollars spent on the largest run in `year`. */
  spendUsd(year: number): number {
    return capped(this.spendValue + (year - this.spendYear) * this.spendSlope, this.spendCapUsd(year), this.spendSoft);
  }

  /** log10 FLOP of the largest feasible run in `year` (+∞ without a ceiling). */
  ceilingFlop(year: number): number {
    return this.ceilValue + (year - this.ceilYear) * this.ceilSlope;
  }

  /** Whether these curves have a ceiling on the largest run. */
  get ceiled(): boolean {
    return this.hasCeiling;
  }

  /** log10 of the largest training run affordable in `year`, in FLOP: what spending buys, under the ceiling if any. */
  affordable(year: number): number {
    const bought = this.spendUsd(year) + this.flopPerUsd(year);
    return this.hasCeiling ? capped(bought, this.ceilingFlop(year), this.ceilSoft) : bought;
  }

  progress(year: number): number {
    const value = capped((year > this.algoStart ? year - this.algoStart : 0) * this.algoSlope, this.algoCap, this.algoSoft);
    return value > 0 ? value : 0;
  }

  /**
   * The hard-capped total, affordable FLOP plus progress in `year` with every cap hard: no
   * logarithms, and never below the real (soft) total, which lies at most `softSlack` below it (a
   * soft cap is at most log10 2 under the hard one). Written out in one expression so that the
   * per-world search inlines it.
   */
  totalHard(year: number): number {
    // Without a ceiling it is +∞ and flat, and the min returns the sum unchanged (the same bits).
    return (
      Math.min(
        Math.min(this.spendValue + (year - this.spendYear) * this.spendSlope, this.capValue + (year - this.capYear) * this.capSlope) +
          Math.min(this.priceValue + (year - this.priceYear) * this.priceSlope, this.priceCap),
        this.ceilValue + (year - this.ceilYear) * this.ceilSlope,
      ) + Math.min((year > this.algoStart ? year - this.algoStart : 0) * this.algoSlope, this.algoCap)
    );
  }

  /** The real total (soft caps where the scenario has them), in `year`. */
  total(year: number): number {
    return this.affordable(year) + this.progress(year);
  }

  /**
   * Whether total(year) >= r, deciding most years without a logarithm: a soft curve lies below its
   * hard one by log10(1 + 10^-gap), gap = |trend − cap|, which lies between SOFT_DEFICIT[ceil(gap)]
   * and SOFT_DEFICIT[floor(gap)]. Only when r falls between the bounds (with a margin far above
   * rounding) is the total computed; the answer is always that of total(year) >= r.
   */
  reaches(year: number, r: number): boolean {
    if (this.hasCeiling) return this.reachesUnderCeiling(year, r);
    const spendTrend = this.spendValue + (year - this.spendYear) * this.spendSlope;
    const spendCap = this.capValue + (year - this.capYear) * this.capSlope;
    const priceTrend = this.priceValue + (year - this.priceYear) * this.priceSlope;
    const progressTrend = (year > this.algoStart ? year - this.algoStart : 0) * this.algoSlope;
    const hardProgress = progressTrend < this.algoCap ? progressTrend : this.algoCap;
    const hard = (spendTrend < spendCap ? spendTrend : spendCap) + (priceTrend < this.priceCap ? priceTrend : this.priceCap) + hardProgress;
    let most = 0;
    let least = 0;
    if (this.spendSoft) {
      const gap = spendTrend < spendCap ? spendCap - spendTrend : spendTrend - spendCap;
      most += deficitAtMost(gap);
      least += deficitAtLeast(gap);
    }
    if (this.priceSoft) {
      const gap = priceTrend < this.priceCap ? this.priceCap - priceTrend : priceTrend - this.priceCap;
      most += deficitAtMost(gap);
      least += deficitAtLeast(gap);
    }
    if (this.algoSoft) {
      // The soft progress is cut at 0, so it lies below the hard one by at most the hard value.
      const gap = progressTrend < this.algoCap ? this.algoCap - progressTrend : progressTrend - this.algoCap;
      const at = hardProgress > 0 ? hardProgress : 0;
      most += Math.min(deficitAtMost(gap), at);
      least += Math.min(deficitAtLeast(gap), at);
    }
    if (hard - most >= r + DECISION_MARGIN) return true;
    if (hard - least < r - DECISION_MARGIN) return false;
    return this.total(year) >= r;
  }

  /**
   * reaches() with a ceiling: the bought FLOP (spending + FLOP per dollar) lies in [lo, hi] by the
   * deficits above, and the ceiling's cap is increasing in it, so the capped value lies between
   * the cap of lo (less at most its own largest deficit, if soft) and the cap of hi (less at least
   * its smallest). The answer is always that of total(year) >= r.
   */
  private reachesUnderCeiling(year: number, r: number): boolean {
    const spendTrend = this.spendValue + (year - this.spendYear) * this.spendSlope;
    const spendCap = this.capValue + (year - this.capYear) * this.capSlope;
    const priceTrend = this.priceValue + (year - this.priceYear) * this.priceSlope;
    const progressTrend = (year > this.algoStart ? year - this.algoStart : 0) * this.algoSlope;
    const hardProgress = progressTrend < this.algoCap ? progressTrend : this.algoCap;
    const bought = (spendTrend < spendCap ? spendTrend : spendCap) + (priceTrend < this.priceCap ? priceTrend : this.priceCap);
    let most = 0;
    let least = 0;
    if (this.spendSoft) {
      const gap = spendTrend < spendCap ? spendCap - spendTrend : spendTrend - spendCap;
      most += deficitAtMost(gap);
      least += deficitAtLeast(gap);
    }
    if (this.priceSoft) {
      const gap = priceTrend < this.priceCap ? this.priceCap - priceTrend : priceTrend - this.priceCap;
      most += deficitAtMost(gap);
      least += deficitAtLeast(gap);
    }
    const ceiling = this.ceilingFlop(year);
    const boughtLo = bought - most;
    const boughtHi = bought - least;
    let cappedLo = boughtLo < ceiling ? boughtLo : ceiling;
    let cappedHi = boughtHi < ceiling ? boughtHi : ceiling;
    if (this.ceilSoft) {
      cappedLo -= deficitAtMost(boughtLo < ceiling ? ceiling - boughtLo : boughtLo - ceiling);
      cappedHi -= deficitAtLeast(boughtHi < ceiling ? ceiling - boughtHi : boughtHi - ceiling);
    }
    let progressLo = hardProgress;
    let progressHi = hardProgress;
    if (this.algoSoft) {
      const gap = progressTrend < this.algoCap ? this.algoCap - progressTrend : progressTrend - this.algoCap;
      const at = hardProgress > 0 ? hardProgress : 0;
      progressLo -= Math.min(deficitAtMost(gap), at);
      progressHi -= Math.min(deficitAtLeast(gap), at);
    }
    if (cappedLo + progressLo >= r + DECISION_MARGIN) return true;
    if (cappedHi + progressHi < r - DECISION_MARGIN) return false;
    return this.total(year) >= r;
  }

  /**
   * The first whole year in [from, to] at which the hard-capped total reaches r, or to + 1.
   *
   * Closed form: the total is a sum of minimums of affine functions of the year (spending: trend
   * or GDP cap; FLOP per dollar: trend or ceiling; progress: trend or maximum, and nothing before
   * its start year), so total(y) ≥ r holds exactly when each of the 8 sums of one piece of each
   * (4 before progress starts) is ≥ r. A ceiling on the largest run caps spending + FLOP per
   * dollar as a whole: min(spending + price, ceiling) + progress adds the 2 sums of the ceiling
   * with a piece of progress. Each sum is an affine A + B·y, giving a lower bound on y
   * when B > 0, an upper bound when B < 0, and all or nothing when B = 0: the years that reach r
   * form one interval, found with a handful of divisions instead of a search. The answer is then
   * checked against the total itself, so rounding can never move it by a year.
   */
  firstHardYear(r: number, from: number, to: number): number {
    if (!(r === r) || from > to) return to + 1; // NaN requirement: never
    const start = this.algoStart;
    if (from < start) {
      const end = Math.min(to, Math.ceil(start) - 1);
      const y = this.firstInRegion(r, from, end, false);
      if (y <= end) return y;
      from = end + 1;
      if (from > to) return to + 1;
    }
    return this.firstInRegion(r, from, to, true);
  }

  private firstInRegion(r: number, from: number, to: number, progress: boolean): number {
    // The pieces of each curve as intercept + slope × year: spending trend or GDP cap, FLOP per
    // dollar trend or ceiling, progress trend or maximum (nothing before progress starts).
    const sb0 = this.spendSlope;
    const sa0 = this.spendValue - this.spendYear * sb0;
    const sb1 = this.capSlope;
    const sa1 = this.capValue - this.capYear * sb1;
    const pb0 = this.priceSlope;
    const pa0 = this.priceValue - this.priceYear * pb0;
    const pa1 = this.priceCap;
    const qb0 = progress ? this.algoSlope : 0;
    const qa0 = progress ? -this.algoSlope * this.algoStart : 0;
    const qa1 = progress ? this.algoCap : 0;
    // The 8 sums of one piece of each (4 distinct before progress starts), as a + b·y.
    const a0 = sa0 + pa0 + qa0;
    const b0 = sb0 + pb0 + qb0;
    const a1 = sa0 + pa0 + qa1;
    const b1 = sb0 + pb0;
    const a2 = sa0 + pa1 + qa0;
    const b2 = sb0 + qb0;
    const a3 = sa0 + pa1 + qa1;
    const b3 = sb0;
    const a4 = sa1 + pa0 + qa0;
    const b4 = sb1 + pb0 + qb0;
    const a5 = sa1 + pa0 + qa1;
    const b5 = sb1 + pb0;
    const a6 = sa1 + pa1 + qa0;
    const b6 = sb1 + qb0;
    const a7 = sa1 + pa1 + qa1;
    const b7 = sb1;
    let lo: number;
    if (b0 > 0 && b1 > 0 && b2 > 0 && b3 > 0 && b4 > 0 && b5 > 0 && b6 > 0 && b7 > 0) {
      // Every sum grows (the usual case): the first year is the largest of the 8 lower bounds.
      // Math.max compiles to branch-free instructions: which bound wins is data a branch would mispredict.
      lo = Math.max(
        from,
        Math.max(Math.max((r - a0) / b0, (r - a1) / b1), Math.max((r - a2) / b2, (r - a3) / b3)),
        Math.max(Math.max((r - a4) / b4, (r - a5) / b5), Math.max((r - a6) / b6, (r - a7) / b7)),
      );
    } else {
      const range = RANGE_SCRATCH;
      range[0] = from;
      range[1] = to;
      if (
        !(
          narrow(range, r, a0, b0) &&
          narrow(range, r, a1, b1) &&
          narrow(range, r, a2, b2) &&
          narrow(range, r, a3, b3) &&
          narrow(range, r, a4, b4) &&
          narrow(range, r, a5, b5) &&
          narrow(range, r, a6, b6) &&
          narrow(range, r, a7, b7)
        )
      ) {
        return to + 1;
      }
      lo = range[0];
    }
    if (this.hasCeiling) {
      // The ceiling's 2 sums (ceiling + progress trend, ceiling + progress maximum) narrow the years further.
      const cb = this.ceilSlope;
      const ca = this.ceilValue - this.ceilYear * cb;
      const range = RANGE_SCRATCH;
      range[0] = lo;
      range[1] = to;
      if (!(narrow(range, r, ca + qa0, cb + qb0) && narrow(range, r, ca + qa1, cb))) return to + 1;
      lo = range[0];
    }
    // The first whole year from the lower bound, confirmed on the total itself (one step either
    // way at most). Upper bounds (sums that fall with time) do not rule a year out before that
    // check: a sum whose slope nearly cancels (spending falling as fast as progress rises) puts
    // its bound off by far more than rounding, and a year the total reaches is in the interval.
    let y = Math.max(from, Math.ceil(lo - 1e-9));
    if (y > to) return to + 1;
    if (y > from && this.totalHard(y - 1) >= r) return y - 1;
    if (this.totalHard(y) >= r) return y;
    y++;
    return y <= to && this.totalHard(y) >= r ? y : to + 1;
  }

  /** How far below the hard-capped curves the real ones can be (with `growth`: spending, FLOP per dollar and the ceiling too). */
  softSlack(growth: boolean): number {
    return ((growth ? (this.spendSoft ? 1 : 0) + (this.priceSoft ? 1 : 0) + (this.ceilSoft ? 1 : 0) : 0) + (this.algoSoft ? 1 : 0)) * LOG10_2;
  }
}

/** The scratch instance of the one-number functions above. */
const scratch = {
  world: new WorldCurves(),
  of(v: CurveValues): WorldCurves {
    return this.world.setGrowth(v);
  },
};
