/**
 * A comparison of forecasts that do not share their worlds (each weighted on its own, say): the
 * differences with the errors of independent runs, √(se₁² + se₂²).
 */
import type { Comparison } from './compare.js';
import type { Forecast } from '../engine/summary.js';

export function unpairedComparison(forecasts: Forecast[]): Comparison {
  const [first] = forecasts;
  const differences = forecasts.slice(1).map((f) => {
    const diff = f.cdf.map((p, j) => p - first.cdf[j]);
    const unpairedSe = f.se.map((se, j) => Math.hypot(se, first.se[j]));
    return { scenarioId: f.scenarioId, diff, se: unpairedSe, unpairedSe, paired: false };
  });
  return { forecasts, differences };
}
