/** A terminal chart of P(TAI by year), drawn with asciichart. */
import asciichart from 'asciichart';
import type { Forecast } from '../engine/summary.js';

export function renderChart(f: Forecast, width = 76, height = 12): string {
  const step = Math.max(1, Math.ceil(f.years.length / width));
  const points: number[] = [];
  for (let j = 0; j < f.years.length; j += step) points.push(f.cdf[j] * 100);
  const plot = asciichart.plot(points, { height, min: 0, max: 100, format: (x: number) => `${x.toFixed(0).padStart(4)}% ` });
  const labelWidth = 7;
  const axis = `${' '.repeat(labelWidth)}${String(f.years[0]).padEnd(points.length - 4)}${f.years[f.years.length - 1]}`;
  return `P(TAI by year)\n${plot}\n${axis}`;
}
