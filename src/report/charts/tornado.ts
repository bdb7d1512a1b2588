/**
 * The sensitivity tornado: for each input, the output with the input at its low and at its high
 * value (everything else as in the scenario), sorted by the size of the swing, beside the
 * input's first-order share of the variance.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResult } from '../../analyses/sensitivity.js';
import { caption, changedLine, framed, renderSvg, scenarioName, type RunInfo } from './theme.js';

export interface TornadoChartInput {
  result: SensitivityResult;
  info: RunInfo;
  /** Most inputs shown (the largest swings). */
  maxRows?: number;
}

const BAR_WIDTH = 400;
const SHARE_WIDTH = 130;
const ROW_HEIGHT = 24;

export function tornadoSpec({ result: r, info, maxRows = 20 }: TornadoChartInput): TopLevelSpec {
  const median = r.metric.kind === 'median';
  const f = r.baseline;
  const base = r.baselineValue ?? (median ? f.horizonYear : 0);
  // Off the chart (the median after the horizon): drawn to the horizon, and said in the label.
  const at = (x: number | null) => (x === null ? (median ? f.horizonYear : base) : x);
  const magnitude = (row: SensitivityResult['rows'][number]) => Math.abs(at(row.atHigh) - at(row.atLow));
  const rows = [...r.rows].sort((a, b) => magnitude(b) - magnitude(a) || a.input.name.localeCompare(b.input.name)).slice(0, maxRows);
  const names = rows.map((row) => `${row.input.name}${row.atLow === null || row.atHigh === null ? ` (>${f.horizonYear})` : ''}`);
  const lowName = 'input at its low value (5th percentile; weight ×0.5)';
  const highName = 'input at its high value (95th percentile; weight ×1.5)';
  const bars = rows.flatMap((row, i) => [
    { input: names[i], side: lowName, from: base, to: at(row.atLow) },
    { input: names[i], side: highName, from: base, to: at(row.atHigh) },
  ]);
  const shares = rows.map((row, i) => ({
    input: names[i],
    share: row.varianceShare ?? 0,
    label: row.varianceShare === null ? '—' : `${(row.varianceShare * 100).toFixed(1)}%`,
  }));
  // Year ticks 10 apart (20 over a long range), so the labels never crowd.
  const ends = [base, ...bars.map((b) => b.to)];
  const [lo, hi] = [Math.min(...ends), Math.max(...ends)];
  const step = hi - lo > 80 ? 20 : 10;
  const yearTicks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) yearTicks.push(t);
  const y = { field: 'input', type: 'nominal', sort: names, title: null, axis: { labelLimit: 1000, labelFontSize: 12 } } as const;
  const height = ROW_HEIGHT * rows.length;
  const xTitle = median
    ? `median date of TAI, decimal year (baseline ${base.toFixed(1)})`
    : `P(TAI by the end of ${r.metric.kind === 'p-by-year' ? r.metric.year : ''}) (baseline ${(base * 100).toFixed(1)}%)`;
  const swing = {
    width: BAR_WIDTH,
    height,
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar', height: ROW_HEIGHT * 0.7, stroke: '#333333', strokeWidth: 0.6 },
        encoding: {
          y,
          x: {
            field: 'from',
            type: 'quantitative',
            title: xTitle,
            scale: { zero: false },
            axis: median ? { format: 'd', values: yearTicks } : { format: '.0%', tickCount: 5 },
          },
          x2: { field: 'to' },
          color: {
            field: 'side',
            type: 'nominal',
            scale: { domain: [lowName, highName], range: ['#0072B2', '#E69F00'] },
            legend: { title: null, orient: 'bottom', direction: 'vertical', labelLimit: 1000 },
          },
        },
      },
      { data: { values: [{ base }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#000000' }, encoding: { x: { field: 'base', type: 'quantitative' } } },
    ],
  };
  const share = {
    width: SHARE_WIDTH,
    height,
    data: { values: shares },
    layer: [
      {
        mark: { type: 'bar', color: '#777777', height: ROW_HEIGHT * 0.7 },
        encoding: {
          y: { ...y, axis: null },
          x: { field: 'share', type: 'quantitative', title: 'variance share', scale: { domain: [0, 1] }, axis: { values: [0, 0.5, 1], format: '.0%' } },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: { y: { ...y, axis: null }, x: { field: 'share', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
  const shown = rows.length < r.rows.length ? ` · the ${rows.length} largest of ${r.rows.length} inputs` : '';
  return framed(
    `Sensitivity of the ${median ? 'median year' : `P(TAI by ${r.metric.kind === 'p-by-year' ? r.metric.year : ''})`}: ${scenarioName(f.scenarioLabel, f.scenarioId)}`,
    [
      ...changedLine(info),
      `Bars: the output with one input at its low (blue) or high (orange) value, all else as in the scenario${shown}.`,
      `Right: the input's first-order share of the variance of "TAI by ${r.indicatorYear}"; which anchor is right explains ${(r.anchorShare * 100).toFixed(1)}%.`,
    ],
    { hconcat: [swing, share], spacing: 28 },
    caption(info, 'every variant on common random numbers'),
    BAR_WIDTH + SHARE_WIDTH,
  );
}

export function renderTornadoChart(input: TornadoChartInput, idPrefix = 'tornado'): Promise<string> {
  return renderSvg(tornadoSpec(input), idPrefix);
}
