/**
 * A terminal chart of P(TAI by year), drawn with asciichart: y ticks at 0/25/50/75/100%, decade
 * ticks on the year axis, and optionally each anchor's curve (P(TAI by year | that anchor)),
 * told apart by colour where the terminal has it and by a numbered label at each curve's end.
 */
import asciichart from 'asciichart';
import type { Forecast } from '../engine/summary.js';

/** Width of the y labels ("100% ") and the axis character asciichart draws after them. */
const LABEL_WIDTH = 7;
/** 12 rows of 100/12 pp: 0, 25, 50, 75 and 100% each fall on a row. */
const HEIGHT = 12;
/** Columns kept for the end-of-curve labels when anchors are drawn. */
const END_LABELS = 8;

export interface ChartOptions {
  /** The terminal's width in columns; 0 or missing means 80. */
  width?: number;
  /** Draw each anchor's curve too. */
  anchors?: boolean;
  /** ANSI colours for the anchors' curves. */
  color?: boolean;
}

/** asciichart's colour codes, in an order that stays apart on dark and light terminals. */
const COLORS = [
  asciichart.blue,
  asciichart.yellow,
  asciichart.green,
  asciichart.magenta,
  asciichart.cyan,
  asciichart.red,
  asciichart.lightblue,
  asciichart.lightgray,
];

export function yLabel(x: number): string {
  const quarter = Math.round(x / 25);
  return Math.abs(x - quarter * 25) < 1e-9 ? `${String(quarter * 25).padStart(4)}% ` : '      ';
}

/** The year axis: decade labels under the columns of their years, none crowding another. */
export function yearAxis(first: number, last: number, columns: number): string {
  let line = '';
  for (let year = Math.ceil(first / 10) * 10; year <= last; year += 10) {
    const col = Math.round(((year - first) * (columns - 1)) / Math.max(1, last - first));
    const at = LABEL_WIDTH + col - 1;
    if (at < line.length + 1 && line.length > 0) continue;
    line = line.padEnd(at) + String(year);
  }
  return line;
}

export function renderChart(f: Forecast, options: ChartOptions = {}): string {
  const width = options.width || 80;
  const columns = Math.max(10, Math.min(f.years.length, width - LABEL_WIDTH - 2 - (options.anchors ? END_LABELS : 0)));
  const resample = (cdf: readonly number[]) =>
    Array.from({ length: columns }, (_, i) => {
      const p = cdf[Math.round((i * (cdf.length - 1)) / (columns - 1))];
      return Number.isFinite(p) ? p * 100 : 0;
    });
  const total = resample(f.cdf);
  const anchors = options.anchors ? f.anchors.map((a) => resample(a.cdf)) : [];
  const series = [total, ...anchors];
  const plot = asciichart.plot(series, {
    height: HEIGHT,
    min: 0,
    max: 100,
    format: yLabel,
    ...(options.color && anchors.length ? { colors: [asciichart.default, ...anchors.map((_, i) => COLORS[i % COLORS.length])] } : {}),
  });
  const lines = plot.split('\n');
  if (anchors.length) {
    // A numbered label where each anchor's curve ends; the total's is "all".
    const ends = new Map<number, string[]>();
    series.forEach((s, i) => {
      const row = HEIGHT - Math.round((s[s.length - 1] / 100) * HEIGHT);
      ends.set(row, [...(ends.get(row) ?? []), i === 0 ? 'all' : String(i)]);
    });
    for (const [row, labels] of ends) lines[row] = `${lines[row]} ${labels.join(',')}`;
  }
  const title = anchors.length ? 'P(TAI by year), %: all anchors, and given each anchor' : 'P(TAI by year), %';
  const out = [title, ...lines, yearAxis(f.years[0], f.years[f.years.length - 1], columns)];
  if (anchors.length) out.push(f.anchors.map((a, i) => `${i + 1} ${a.label}`).join(' · '));
  return out.join('\n');
}
