/** A terminal chart of P(TAI by year), drawn with asciichart. */
import asciichart from 'asciichart';
import type { Forecast } from '../engine/summary.js';

const LABEL_WIDTH = 7;

/** `width` is the terminal's width in columns; the plot uses what the axis labels leave. */
export function renderChart(f: Forecast, width = 80, height = 12): string {
  const columns = Math.max(10, Math.min(f.years.length, width - LABEL_WIDTH - 2));
  const points = Array.from({ length: columns }, (_, i) => f.cdf[Math.round((i * (f.years.length - 1)) / (columns - 1))] * 100);
  const plot = asciichart.plot(points, { height, min: 0, max: 100, format: (x: number) => `${x.toFixed(0).padStart(4)}% ` });
  const first = String(f.years[0]);
  const last = String(f.years[f.years.length - 1]);
  const axis = `${' '.repeat(LABEL_WIDTH)}${first}${' '.repeat(Math.max(1, columns - first.length - last.length + 1))}${last}`;
  return `P(TAI by year), %\n${plot}\n${axis}`;
}
