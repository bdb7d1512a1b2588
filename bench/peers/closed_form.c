/* The simplified benchmark model (bench/simplified) in C, for `npm run bench` to compare with: the
 * same algorithm as bench/peers/tuned.mjs. One loop over worlds; xoshiro256** random numbers;
 * standard normals by the ziggurat method; the anchor by a guide table over the cumulative
 * weights; and the arrival year in closed form: with hard caps the total is the minimum of 8 affine
 * functions a_k + b_k * year, so it first reaches r at the largest of the lower bounds
 * (r - a_k) / b_k, rounded up to a whole year, as bench/peers/numpy_closed_form.py does (a
 * combination with slope 0 or less that starts below r: never). Arrival years are counted into a
 * histogram.
 * Build: gcc -O2 -march=native -o closed_form bench/peers/closed_form.c -lm
 * Usage: node bench/peers/model.mjs | ./closed_form SAMPLES; prints JSON. */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_ANCHORS 64
#define MAX_YEARS 100000

/* The model's JSON (as model.mjs prints it) is small and fixed in shape: a number is found as the
 * first "key": after the start of the object it belongs to. */
static double number(const char *from, const char *key) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  const char *p = from ? strstr(from, pattern) : NULL;
  if (!p) {
    fprintf(stderr, "closed_form: the model has no \"%s\"\n", key);
    exit(2);
  }
  char *end;
  double x = strtod(p + strlen(pattern), &end);
  if (end == p + strlen(pattern)) {
    fprintf(stderr, "closed_form: \"%s\" is not a number\n", key);
    exit(2);
  }
  return x;
}

static const char *object(const char *from, const char *key) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  const char *p = strstr(from, pattern);
  if (!p) {
    fprintf(stderr, "closed_form: the model has no \"%s\"\n", key);
    exit(2);
  }
  return p;
}

/* xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021). */
static uint64_t s[4];
static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline __attribute__((always_inline)) uint64_t next(void) {
  const uint64_t result = rotl(s[1] * 5, 7) * 9;
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}
/* A uniform in (0, 1) from the top 53 bits. */
static inline double uniform(void) { return ((double)(next() >> 11) + 0.5) * 0x1p-53; }

/* Ziggurat tables for the standard normal, 128 layers (Marsaglia and Tsang 2000, in the form of
 * Doornik 2005): layer i spans [0, X[i]), and u * X[i] with |u| < R[i] = X[i+1] / X[i] lies
 * wholly under the density. */
#define ZR 3.442619855899
#define ZV 9.91256303526217e-3
static double X[129], R[128];
static void ziggurat_init(void) {
  double f = exp(-0.5 * ZR * ZR);
  X[0] = ZV / f;
  X[1] = ZR;
  X[128] = 0;
  for (int i = 2; i < 128; i++) {
    X[i] = sqrt(-2 * log(ZV / X[i - 1] + f));
    f = exp(-0.5 * X[i] * X[i]);
  }
  for (int i = 0; i < 128; i++) R[i] = X[i + 1] / X[i];
}
/* The rare cases (the tail and the wedges), kept out of line so that the common case inlines. */
static double normal_slow(int i, double v);
static inline __attribute__((always_inline)) double normal(void) {
  const uint64_t word = next();
  const int i = (int)(word & 127); /* the layer from the low 7 bits, the position from the top 53 */
  const double v = ((double)((int64_t)word >> 11) + 0.5) * 0x1p-52; /* in (-1, 1) */
  if (fabs(v) < R[i]) return v * X[i];
  return normal_slow(i, v);
}
static __attribute__((noinline)) double normal_slow(int i, double v) {
  for (;;) {
    if (i == 0) {
      /* The tail beyond ZR (Marsaglia 1964). */
      double x, y;
      do {
        x = log(uniform()) / ZR;
        y = log(uniform());
      } while (-2 * y < x * x);
      return v < 0 ? x - ZR : ZR - x;
    }
    /* The wedge between the layer's rectangle and the density. */
    const double x = v * X[i];
    const double f0 = exp(-0.5 * (X[i] * X[i] - x * x));
    const double f1 = exp(-0.5 * (X[i + 1] * X[i + 1] - x * x));
    if (f1 + uniform() * (f0 - f1) < 1) return x;
    /* Rejected: a new draw. */
    const uint64_t word = next();
    i = (int)(word & 127);
    v = ((double)((int64_t)word >> 11) + 0.5) * 0x1p-52;
    if (fabs(v) < R[i]) return v * X[i];
  }
}

int main(int argc, char **argv) {
  const double samplesArg = argc > 1 ? strtod(argv[1], NULL) : 1e7;
  if (!(samplesArg >= 1) || samplesArg > 9e15 || samplesArg != floor(samplesArg)) {
    fprintf(stderr, "closed_form: SAMPLES must be a positive whole number\n");
    return 2;
  }
  const int64_t samples = (int64_t)samplesArg;
  static char json[1 << 20];
  const size_t len = fread(json, 1, sizeof json - 1, stdin);
  json[len] = 0;

  const int y0 = (int)number(json, "startYear");
  const int nYears = (int)number(json, "horizonYear") - y0 + 1;
  if (nYears < 1 || nYears > MAX_YEARS) {
    fprintf(stderr, "closed_form: bad horizon\n");
    return 2;
  }
  double cumulative[MAX_ANCHORS], medians[MAX_ANCHORS], sds[MAX_ANCHORS];
  int nAnchors = 0;
  {
    const char *p = object(json, "anchors");
    const char *end = strchr(p, ']');
    double acc = 0;
    while ((p = strstr(p, "\"weight\":")) && p < end) {
      if (nAnchors == MAX_ANCHORS) {
        fprintf(stderr, "closed_form: more than %d anchors\n", MAX_ANCHORS);
        return 2;
      }
      cumulative[nAnchors] = acc += number(p, "weight");
      medians[nAnchors] = number(p, "median");
      sds[nAnchors] = number(p, "sd");
      nAnchors++;
      p++;
    }
  }
  const char *price = object(json, "price"), *spend = object(json, "spend"), *algorithmic = object(json, "algorithmic");
  const char *pDoubling = object(price, "doubling"), *sDoubling = object(spend, "doubling"), *gHalving = object(algorithmic, "halving");
  const double pLog = number(price, "log10FlopPerUsd"), pYear = number(price, "year"), pMax = number(price, "max");
  const double pMu = number(pDoubling, "mu"), pSigma = number(pDoubling, "sigma");
  const double sLog = number(spend, "log10Usd"), sYear = number(spend, "year");
  const double sMu = number(sDoubling, "mu"), sSigma = number(sDoubling, "sigma");
  const double gStart = number(algorithmic, "startYear"), gMax = number(algorithmic, "maxOom");
  const double gMu = number(gHalving, "mu"), gSigma = number(gHalving, "sigma");
  /* Each term as min(intercept + slope * year, cap); the spending cap is itself affine (a share of a growing GDP). */
  const double capB = log10(1 + number(spend, "gdpGrowth"));
  const double capA = log10(number(spend, "maxFraction")) + number(spend, "log10Gdp") - number(spend, "gdpYear") * capB;
  if (gStart > y0) {
    fprintf(stderr, "closed_form: the closed form needs algorithmic progress to start by the first simulated year\n");
    return 2;
  }

  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  /* The generator's state, from a fixed seed through splitmix64. */
  uint64_t seed = 20200918;
  for (int i = 0; i < 4; i++) {
    uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    s[i] = z ^ (z >> 31);
  }
  ziggurat_init();
  /* guide[g]: the first anchor whose cumulative weight exceeds g / 64, where the search for a uniform in [g/64, (g+1)/64) starts. */
  int guide[64];
  for (int g = 0, a = 0; g < 64; g++) {
    while (a < nAnchors && cumulative[a] <= g / 64.0) a++;
    guide[g] = a;
  }
  const double LOG10_2 = log10(2.0);
  /* Index 0 is the start year; nYears: not by the horizon; nYears + 1: no anchor (weights under 1). */
  int64_t *counts = calloc((size_t)nYears + 2, sizeof *counts);
  for (int64_t w = 0; w < samples; w++) {
    const uint64_t word0 = next();
    const double u = ((double)(word0 >> 11) + 0.5) * 0x1p-53;
    int anchor = guide[word0 >> 58];
    while (anchor < nAnchors && u >= cumulative[anchor]) anchor++;
    if (anchor == nAnchors) {
      counts[nYears + 1]++;
      continue;
    }
    const double r = medians[anchor] + sds[anchor] * normal();
    const double pB = LOG10_2 * exp(-(pMu + pSigma * normal()));
    const double sB = LOG10_2 * exp(-(sMu + sSigma * normal()));
    const double gB = LOG10_2 * exp(-(gMu + gSigma * normal()));
    const double pA = pLog - pYear * pB, sA = sLog - sYear * sB, gA = -gStart * gB;
    /* The 8 combinations of spending (grown or capped), price (grown or capped) and algorithms (grown or capped). */
    const double a[8] = {sA + pA + gA, sA + pA + gMax, sA + pMax + gA, sA + pMax + gMax, capA + pA + gA, capA + pA + gMax, capA + pMax + gA, capA + pMax + gMax};
    const double b[8] = {sB + pB + gB, sB + pB, sB + gB, sB, capB + pB + gB, capB + pB, capB + gB, capB};
    double lower = y0;
    int never = 0;
    for (int c = 0; c < 8; c++) {
      if (b[c] > 0) {
        const double t = (r - a[c]) / b[c];
        lower = t > lower ? t : lower;
      }
      else if (a[c] < r) never = 1;
    }
    const double year = ceil(lower - 1e-9) - y0;
    counts[never || year >= nYears ? nYears : (int)year]++;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  const double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  int64_t by2050 = 0;
  for (int j = 0; j <= 2050 - y0 && j < nYears; j++) by2050 += counts[j];
  printf("{\"samples\":%lld,\"seconds\":%.9g,\"worldsPerSecond\":%.9g,\"pBy2050\":%.9g}\n", (long long)samples, seconds, (double)samples / seconds, (double)by2050 / (double)samples);
  free(counts);
  return 0;
}
