#!/usr/bin/env python3
"""The simplified benchmark model (bench/simplified) in NumPy, vectorised over worlds, with the
arrival year in closed form: with hard caps the total is a sum of minimums of affine functions of
the year, so it reaches r at the largest of the 8 lower bounds (r - a_k) / b_k (all slopes here are
positive), rounded up to a whole year. For `npm run bench` to compare with.
Usage: python3 bench/peers/numpy_closed_form.py SAMPLES < model.json   (model.json from model.mjs)"""
import json
import sys
import time

import numpy as np

model = json.load(sys.stdin)
samples = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
start = time.perf_counter()
rng = np.random.default_rng(20200918)
chunk = 1_000_000
y0, y1 = model["startYear"], model["horizonYear"]
log10_2 = np.log10(2)
weights = np.array([a["weight"] for a in model["anchors"]])
medians = np.array([a["median"] for a in model["anchors"]])
sds = np.array([a["sd"] for a in model["anchors"]])
cum = np.cumsum(weights)
p, s, g = model["price"], model["spend"], model["algorithmic"]
cap_slope = np.log10(1 + s["gdpGrowth"])
cap_intercept = np.log10(s["maxFraction"]) + s["log10Gdp"] - s["gdpYear"] * cap_slope
by2050 = 0
done = 0
while done < samples:
    n = min(chunk, samples - done)
    done += n
    anchor = np.searchsorted(cum, rng.random(n), side="right")
    has = anchor < len(weights)
    a = anchor[has]
    m = len(a)
    r = medians[a] + sds[a] * rng.standard_normal(m)
    price_slope = log10_2 / np.exp(p["doubling"]["mu"] + p["doubling"]["sigma"] * rng.standard_normal(m))
    spend_slope = log10_2 / np.exp(s["doubling"]["mu"] + s["doubling"]["sigma"] * rng.standard_normal(m))
    algo_slope = log10_2 / np.exp(g["halving"]["mu"] + g["halving"]["sigma"] * rng.standard_normal(m))
    # Pieces as intercept + slope * year.
    spend_pieces = [(s["log10Usd"] - s["year"] * spend_slope, spend_slope), (np.full(m, cap_intercept), np.full(m, cap_slope))]
    price_pieces = [(p["log10FlopPerUsd"] - p["year"] * price_slope, price_slope), (np.full(m, p["max"]), np.zeros(m))]
    algo_pieces = [(-g["startYear"] * algo_slope, algo_slope), (np.full(m, g["maxOom"]), np.zeros(m))]
    lower = np.full(m, float(y0))
    never = np.zeros(m, dtype=bool)
    for sa, sb in spend_pieces:
        for pa, pb in price_pieces:
            for aa, ab in algo_pieces:
                aa_, bb = sa + pa + aa, sb + pb + ab
                pos = bb > 0
                lower = np.where(pos, np.maximum(lower, (r - aa_) / np.where(pos, bb, 1)), lower)
                never |= (~pos) & (aa_ < r)
    year = np.ceil(lower - 1e-9)
    by2050 += int(np.count_nonzero(~never & (year <= 2050)))
seconds = time.perf_counter() - start
print(json.dumps({"samples": samples, "seconds": seconds, "worldsPerSecond": samples / seconds, "pBy2050": by2050 / samples}))
