/**
 * A comparison of forecasts that do not share their worlds (each weighted on its own, say): the
 * differences with the errors of independent runs, √(se₁² + se₂²).
 */
import { atYears, sharedYears, type Comparison } from './compare.js';
import type { Forecast } from '../engine/summary.js';

export function unpairedComparison(forecasts: Forecast[]): Comparison {
  const [first] = forecasts;
  const differences = forecasts.slice(1).map((f) => {
    const years = sharedYears(first, f);
    const a = atYears(first, years);
    const b = atYears(f, years);
    const diff = b.p.map((p, j) => p - a.p[j]);
    const unpairedSe = b.se.map((se, j) => Math.hypot(se, a.se[j]));
    return { scenarioId: f.scenarioId, years, diff, se: unpairedSe, unpairedSe, paired: false };
  });
  return { forecasts, differences };
}
