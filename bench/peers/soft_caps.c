/* A C peer of bioanchors on a scenario with growth drawn per world and soft caps (by default
 * cotra-2020-uncertain-growth), for `npm run bench` to compare with: the same algorithm and, slot
 * for slot, the same draws, so that it gives the same figures as `bioanchors run` with the same
 * seed (up to the last bit of a libm function now and then).
 *
 * - Chunks of CHUNK_SIZE worlds, each drawing from its own two streams (seed, chunk, name) of
 *   xoshiro128** 1.1 (Blackman & Vigna 2021), seeded through SplitMix64 finalisers as in
 *   src/random/rng.ts; a whole chunk is drawn, and only a run's first n worlds count.
 * - Lane 1: the anchor of every world (a 32-bit word against the cumulative weights, settled by a
 *   top-byte table), then per anchor its variables column by column; lane 2: per anchor, its
 *   worlds' growth parameters. Normals by the ziggurat (Marsaglia & Tsang 2000 with Doornik's
 *   2005 changes, src/random/ziggurat.ts; the rare draws outside a layer's rectangle finished after
 *   the column); truncated normals redrawn until inside; lognormals by the table exp of
 *   src/dist/exp.ts.
 * - The arrival year: on the hard-capped curves in closed form (the total is a sum of minimums of
 *   affine functions of the year: the largest of 8 lower bounds), then from that year on the soft
 *   curves, each year first decided from tabulated bounds on the soft caps' deficit and the
 *   logarithms computed only when the bounds do not settle it (src/engine/curves.ts).
 *
 * The scenario comes in as a header written by bench/peers/soft-caps-model.mjs from the files:
 *   node bench/peers/soft-caps-model.mjs cotra-2020-uncertain-growth > DIR/soft_caps_model.h
 *   gcc -O2 -march=native -ffp-contract=off -IDIR -o soft_caps bench/peers/soft_caps.c -lm
 * (-ffp-contract=off: no fused multiply-adds, which JavaScript does not make, so that each
 * operation rounds as it does there: the rounding of the table exp's index depends on it)
 *   ./soft_caps N [seed]      prints JSON: P(TAI by 2030, 2050, 2100) and the time simulating. */
#define _DEFAULT_SOURCE /* clock_gettime, M_LN2 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { D_POINT, D_UNIFORM, D_TRIANGULAR, D_NORMAL, D_TRUNCATED };
/* point: a = value; uniform: a = min, b = width; triangular: a = min, b = mode, c = max;
 * normal: a = mu, b = sigma (of the log when log), truncated to z in [zLow, zHigh]. */
typedef struct {
  int kind;
  double a, b, c;
  int log;
  double zLow, zHigh;
} Dist;

#include "soft_caps_model.h"

/* ---- random streams (src/random/rng.ts) ---- */
typedef struct {
  uint32_t s0, s1, s2, s3;
} Rng;

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static inline uint32_t next(Rng *r) {
  uint32_t s0 = r->s0, s1 = r->s1, s2 = r->s2, s3 = r->s3;
  uint32_t result = rotl(s1 * 5, 7) * 9, t = s1 << 9, n2 = s2 ^ s0, n3 = s3 ^ s1;
  r->s1 = s1 ^ n2;
  r->s0 = s0 ^ n3;
  r->s2 = n2 ^ t;
  r->s3 = rotl(n3, 11);
  return result;
}
static const double TWO_POW_26 = 67108864.0, TWO_POW_27 = 134217728.0, TWO_POW_MINUS_52 = 1.0 / 4503599627370496.0;
static inline double uniform(Rng *r) {
  uint32_t hi = next(r) >> 6, lo = next(r) >> 6;
  return (hi * TWO_POW_26 + lo + 0.5) * TWO_POW_MINUS_52;
}
static uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static uint64_t hash_name(const char *s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (; *s; s++) h = (h ^ (uint8_t)*s) * 0x100000001b3ULL;
  return h;
}
static uint64_t state_half(uint64_t key, uint64_t seed, uint64_t chunk, uint64_t name) {
  const uint64_t golden = 0x9e3779b97f4a7c15ULL;
  uint64_t x = mix64(key ^ seed);
  x = mix64((x + golden) ^ chunk);
  x = mix64((x + golden) ^ name);
  return mix64(x + golden);
}
static Rng stream(uint64_t seed, uint64_t chunk, const char *name) {
  uint64_t h = hash_name(name), a = state_half(0x243f6a8885a308d3ULL, seed, chunk, h), b = state_half(0xb7e151628aed2a6bULL, seed, chunk, h);
  Rng r = {(uint32_t)a, (uint32_t)(a >> 32), (uint32_t)b, (uint32_t)(b >> 32)};
  if ((r.s0 | r.s1 | r.s2 | r.s3) == 0) r.s0 = 1;
  return r;
}

/* ---- ziggurat normals (src/random/ziggurat.ts) ---- */
#define LAYERS 128
static const double ZR = 3.442619855899, ZV = 9.91256303526217e-3;
static double X[LAYERS + 1], RATIO[LAYERS];
static double density(double x) { return exp(-0.5 * x * x); }
static void ziggurat_tables(void) {
  X[0] = ZV / density(ZR);
  X[1] = ZR;
  for (int i = 2; i < LAYERS; i++) X[i] = sqrt(-2 * log(ZV / X[i - 1] + density(X[i - 1])));
  X[LAYERS] = 0;
  for (int i = 0; i < LAYERS; i++) RATIO[i] = X[i + 1] / X[i];
}
static double outside_rectangle(Rng *r, int i, double u) {
  for (;;) {
    if (i == 0) {
      double x, y;
      do {
        x = -log(uniform(r)) / ZR;
        y = -log(uniform(r));
      } while (y + y < x * x);
      return u < 0 ? -(ZR + x) : ZR + x;
    }
    double x = u * X[i];
    double f0 = exp(-0.5 * (X[i] * X[i] - x * x)), f1 = exp(-0.5 * (X[i + 1] * X[i + 1] - x * x));
    if (f1 + uniform(r) * (f0 - f1) < 1) return x;
    uint32_t a = next(r), b = next(r);
    i = a & 0x7f;
    u = 2 * (((a >> 7) * TWO_POW_27 + (b >> 5) + 0.5) * TWO_POW_MINUS_52) - 1;
    if (fabs(u) < RATIO[i]) return u * X[i];
  }
}
static inline double normal(Rng *r) {
  uint32_t a = next(r), b = next(r);
  int i = a & 0x7f;
  double u = 2 * (((a >> 7) * TWO_POW_27 + (b >> 5) + 0.5) * TWO_POW_MINUS_52) - 1;
  return fabs(u) < RATIO[i] ? u * X[i] : outside_rectangle(r, i, u);
}

/* A column of normals (fillStandardNormals): pair k gives draw k when inside its layer's
 * rectangle; the others are finished after the column, in order, from the outputs that follow. */
static void normals(Rng *r, double *out, int n) {
  static int at[CHUNK_SIZE], layer[CHUNK_SIZE];
  static double us[CHUNK_SIZE];
  int queued = 0;
  for (int k = 0; k < n; k++) {
    uint32_t a = next(r), b = next(r);
    int i = a & 0x7f;
    double u = 2 * (((a >> 7) * TWO_POW_27 + (b >> 5) + 0.5) * TWO_POW_MINUS_52) - 1;
    out[k] = u * X[i];
    if (!(fabs(u) < RATIO[i])) {
      at[queued] = k;
      layer[queued] = i;
      us[queued++] = u;
    }
  }
  for (int q = 0; q < queued; q++) out[at[q]] = outside_rectangle(r, layer[q], us[q]);
}

/* exp by a 2^(j/64) table and a cubic (src/dist/exp.ts), for |x| <= 700. */
static double EXP_FRACTION[64], EXP_WHOLE[2048];
static void exp_tables(void) {
  for (int j = 0; j < 64; j++) EXP_FRACTION[j] = pow(2, j / 64.0);
  for (int j = 0; j < 2048; j++) EXP_WHOLE[j] = ldexp(1, j - 1024);
}
static inline double table_exp(double x) {
  const double K = 64 / M_LN2, R = M_LN2 / 64, SHIFT = 6755399441055744.0;
  double k = x * K + SHIFT - SHIFT, r = x - k * R;
  int i = (int)k;
  return EXP_WHOLE[((i >> 6) + 1024) & 2047] * EXP_FRACTION[i & 63] * (1 + r * (1 + r * (0.5 + r * 0.16666666666666666)));
}
static const double LARGEST_NORMAL = 3.442619855899 + 53 * M_LN2 / 3.442619855899;
static inline double from_z(const Dist *d, double z) {
  if (!d->log) return d->a + d->b * z;
  return fabs(d->a) + d->b * LARGEST_NORMAL <= 700 ? table_exp(d->a + d->b * z) : exp(d->a + d->b * z);
}

/* ---- a column of draws (src/dist/sampler.ts) ---- */
static void fill(const Dist *d, Rng *r, double *out, int n) {
  switch (d->kind) {
  case D_POINT:
    for (int k = 0; k < n; k++) out[k] = d->a;
    return;
  case D_UNIFORM:
    for (int k = 0; k < n; k++) out[k] = uniform(r);
    for (int k = 0; k < n; k++) out[k] = d->a + d->b * out[k];
    return;
  case D_TRIANGULAR: {
    double width = d->c - d->a, left = d->b - d->a, right = d->c - d->b, at_mode = left / width;
    for (int k = 0; k < n; k++) out[k] = uniform(r);
    for (int k = 0; k < n; k++) {
      double p = out[k];
      out[k] = p < at_mode ? d->a + sqrt(p * width * left) : d->c - sqrt((1 - p) * width * right);
    }
    return;
  }
  case D_NORMAL:
    normals(r, out, n);
    for (int k = 0; k < n; k++) out[k] = from_z(d, out[k]);
    return;
  case D_TRUNCATED:
    /* The column first, then each draw outside [zLow, zHigh] redrawn until inside. */
    normals(r, out, n);
    for (int k = 0; k < n; k++) {
      double z = out[k];
      while (!(z >= d->zLow && z <= d->zHigh)) z = normal(r);
      out[k] = from_z(d, z);
    }
    return;
  }
}

/* ---- one world's curves (src/engine/curves.ts) ---- */
static const double LOG10_2 = 0.30102999566398120;
static double slope_of(double doubling_years) { return LOG10_2 / (doubling_years > 1e-300 ? doubling_years : 1e-300); }
static double soft_min_log10(double a, double b) {
  double lo = a < b ? a : b, gap = a < b ? b - a : a - b;
  return gap > 17 ? lo : lo - log10(1 + pow(10, -gap));
}
static double capped(double trend, double cap, int soft) { return soft ? soft_min_log10(trend, cap) : trend < cap ? trend : cap; }
#define STEPS 256
static double SOFT_DEFICIT[18 * STEPS + 2];
static void deficit_table(void) {
  for (int k = 0; k < 18 * STEPS + 2; k++) SOFT_DEFICIT[k] = (double)k / STEPS > 17 ? 0 : log10(1 + pow(10, -(double)k / STEPS));
}
static inline double deficit_at_most(double gap) { return gap >= 18 ? 0 : SOFT_DEFICIT[(int)floor(gap * STEPS)]; }
static inline double deficit_at_least(double gap) { return gap >= 17 ? 0 : SOFT_DEFICIT[(int)ceil(gap * STEPS)]; }
static const double MARGIN = 1e-9;

typedef struct {
  double price_value, price_slope, price_cap, spend_value, spend_slope, cap_value, cap_slope;
  double algo_start, algo_slope, algo_cap;
  int algo_soft;
} World;

static double total(const World *w, double y) {
  double spend_cap = w->cap_value + (y - GDP_YEAR) * w->cap_slope;
  double spend = capped(w->spend_value + (y - SPEND_YEAR) * w->spend_slope, spend_cap, SPEND_SOFT);
  double price = capped(w->price_value + (y - PRICE_YEAR) * w->price_slope, w->price_cap, PRICE_SOFT);
  double progress = capped((y > w->algo_start ? y - w->algo_start : 0) * w->algo_slope, w->algo_cap, w->algo_soft);
  return spend + price + (progress > 0 ? progress : 0);
}
static inline double total_hard(const World *w, double y) {
  double s = fmin(w->spend_value + (y - SPEND_YEAR) * w->spend_slope, w->cap_value + (y - GDP_YEAR) * w->cap_slope);
  double p = fmin(w->price_value + (y - PRICE_YEAR) * w->price_slope, w->price_cap);
  return s + p + fmin((y > w->algo_start ? y - w->algo_start : 0) * w->algo_slope, w->algo_cap);
}
static int reaches(const World *w, double y, double r) {
  double spend_trend = w->spend_value + (y - SPEND_YEAR) * w->spend_slope, spend_cap = w->cap_value + (y - GDP_YEAR) * w->cap_slope;
  double price_trend = w->price_value + (y - PRICE_YEAR) * w->price_slope;
  double progress_trend = (y > w->algo_start ? y - w->algo_start : 0) * w->algo_slope;
  double hard_progress = progress_trend < w->algo_cap ? progress_trend : w->algo_cap;
  double hard = (spend_trend < spend_cap ? spend_trend : spend_cap) + (price_trend < w->price_cap ? price_trend : w->price_cap) + hard_progress;
  double most = 0, least = 0;
  if (SPEND_SOFT) {
    double gap = fabs(spend_cap - spend_trend);
    most += deficit_at_most(gap);
    least += deficit_at_least(gap);
  }
  if (PRICE_SOFT) {
    double gap = fabs(w->price_cap - price_trend);
    most += deficit_at_most(gap);
    least += deficit_at_least(gap);
  }
  if (w->algo_soft) {
    double gap = fabs(w->algo_cap - progress_trend), at = hard_progress > 0 ? hard_progress : 0;
    most += fmin(deficit_at_most(gap), at);
    least += fmin(deficit_at_least(gap), at);
  }
  if (hard - most >= r + MARGIN) return 1;
  if (hard - least < r - MARGIN) return 0;
  return total(w, y) >= r;
}
/* Narrows [*lo, *hi] to the years with a + b*y >= r; 0 when none. */
static int narrow(double *lo, double *hi, double r, double a, double b) {
  if (b > 0) *lo = fmax(*lo, (r - a) / b);
  else if (b < 0) *hi = fmin(*hi, (r - a) / b);
  else return a >= r - MARGIN;
  return 1;
}
static int first_in_region(const World *w, double r, int from, int to, int progress) {
  double sb0 = w->spend_slope, sa0 = w->spend_value - SPEND_YEAR * sb0, sb1 = w->cap_slope, sa1 = w->cap_value - GDP_YEAR * sb1;
  double pb0 = w->price_slope, pa0 = w->price_value - PRICE_YEAR * pb0, pa1 = w->price_cap;
  double qb0 = progress ? w->algo_slope : 0, qa0 = progress ? -w->algo_slope * w->algo_start : 0, qa1 = progress ? w->algo_cap : 0;
  double a[8] = {sa0 + pa0 + qa0, sa0 + pa0 + qa1, sa0 + pa1 + qa0, sa0 + pa1 + qa1, sa1 + pa0 + qa0, sa1 + pa0 + qa1, sa1 + pa1 + qa0, sa1 + pa1 + qa1};
  double b[8] = {sb0 + pb0 + qb0, sb0 + pb0, sb0 + qb0, sb0, sb1 + pb0 + qb0, sb1 + pb0, sb1 + qb0, sb1};
  double lo = from, hi = to;
  if (b[0] > 0 && b[1] > 0 && b[2] > 0 && b[3] > 0 && b[4] > 0 && b[5] > 0 && b[6] > 0 && b[7] > 0) {
    for (int m = 0; m < 8; m++) {
      double x = (r - a[m]) / b[m];
      lo = x > lo ? x : lo;
    }
  } else {
    for (int m = 0; m < 8; m++)
      if (!narrow(&lo, &hi, r, a[m], b[m])) return to + 1;
  }
  double first = fmax(from, ceil(lo - 1e-9));
  if (!(first <= to)) return to + 1;
  int y = (int)first;
  if (y > from && total_hard(w, y - 1) >= r) return y - 1;
  if (total_hard(w, y) >= r) return y;
  y++;
  return y <= to && total_hard(w, y) >= r ? y : to + 1;
}
static int first_hard_year(const World *w, double r, int from, int to) {
  if (!(r == r) || from > to) return to + 1;
  if (from < w->algo_start) {
    int end = (int)fmin(to, ceil(w->algo_start) - 1);
    int y = first_in_region(w, r, from, end, 0);
    if (y <= end) return y;
    from = end + 1;
    if (from > to) return to + 1;
  }
  return first_in_region(w, r, from, to, 1);
}
static int arrival_index(const World *w, double r) {
  const int first = FIRST_YEAR, last = FIRST_YEAR + N_YEARS - 1;
  int hard = first_hard_year(w, r, first, last);
  if (hard > last) return N_YEARS;
  if (!SPEND_SOFT && !PRICE_SOFT && !w->algo_soft) return hard - first;
  for (int y = hard; y <= last; y++)
    if (reaches(w, y, r)) return y - first;
  return N_YEARS;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000000;
  uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 10) : DEFAULT_SEED;
  ziggurat_tables();
  exp_tables();
  deficit_table();
  static uint32_t anchor_word[CHUNK_SIZE];
  static int anchor_of[CHUNK_SIZE], position_of[CHUNK_SIZE];
  static double vars[N_ANCHORS][MAX_VARS][CHUNK_SIZE], req[N_ANCHORS][CHUNK_SIZE];
  static double growth[N_ANCHORS][N_UNCERTAIN + 2][CHUNK_SIZE];
  static int arrival[N_ANCHORS][CHUNK_SIZE];
  long hist[N_YEARS + 2] = {0};
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long chunk = 0; chunk * CHUNK_SIZE < n; chunk++) {
    int count[N_ANCHORS + 1] = {0};
    Rng rng = stream(seed, chunk, STREAM_REQUIREMENTS), curve_rng = stream(seed, chunk, STREAM_CURVES);
    for (int k = 0; k < CHUNK_SIZE; k++) anchor_word[k] = next(&rng);
    for (int k = 0; k < CHUNK_SIZE; k++) {
      uint32_t u = anchor_word[k];
      int i = ANCHOR_BY_TOP_BYTE[u >> 24];
      if (i < 0)
        for (i = 0; i < N_ANCHORS && u >= ANCHOR_BOUNDS[i];) i++;
      anchor_of[k] = i;
      position_of[k] = count[i]++;
    }
    for (int i = 0; i < N_ANCHORS; i++)
      if (count[i] > 0)
        for (int v = 0; v < N_VARS[i]; v++) fill(&VARS[i][v], &rng, vars[i][v], count[i]);
    for (int i = 0; i < N_ANCHORS; i++) {
      if (count[i] == 0) continue;
      for (int c = 0; c < N_UNCERTAIN; c++) fill(&UNCERTAIN[c], &curve_rng, growth[i][c], count[i]);
      fill(&HALVING[i], &curve_rng, growth[i][N_UNCERTAIN], count[i]);
      fill(&MAX_OOM[i], &curve_rng, growth[i][N_UNCERTAIN + 1], count[i]);
    }
    for (int i = 0; i < N_ANCHORS; i++) {
      double x[10], v[MAX_VARS];
      for (int j = 0; j < 10; j++) x[j] = GROWTH_BASE[j];
      for (int k = 0; k < count[i]; k++) {
        for (int j = 0; j < N_VARS[i]; j++) v[j] = vars[i][j][k];
        req[i][k] = REQUIREMENT[i](v);
        for (int c = 0; c < N_UNCERTAIN; c++) x[UNCERTAIN_SLOT[c]] = growth[i][c][k];
        World w = {x[0], slope_of(x[1]), x[2], x[3], slope_of(x[4]), log10(x[7]) + x[5], log10(1 + x[6]), ALGO_START[i], slope_of(growth[i][N_UNCERTAIN][k]), growth[i][N_UNCERTAIN + 1][k], ALGO_SOFT[i]};
        arrival[i][k] = arrival_index(&w, req[i][k]);
      }
    }
    long m = n - chunk * CHUNK_SIZE < CHUNK_SIZE ? n - chunk * CHUNK_SIZE : CHUNK_SIZE;
    for (long k = 0; k < m; k++) hist[anchor_of[k] < N_ANCHORS ? arrival[anchor_of[k]][position_of[k]] : N_YEARS + 1]++;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9, p[3] = {0};
  const int years[3] = {2030, 2050, 2100};
  for (int j = 0; j < 3; j++)
    for (int y = 0; y <= years[j] - FIRST_YEAR && y < N_YEARS; y++) p[j] += (double)hist[y] / n;
  printf("{\"peer\":\"c-soft-caps\",\"N\":%ld,\"seconds_sim\":%.4f,\"pBy2030\":%.7f,\"pBy2050\":%.7f,\"pBy2100\":%.7f}\n", n, seconds, p[0], p[1], p[2]);
  return 0;
}
