/**
 * Scenarios side by side: each one's P(TAI by year) on one axis, and below, each scenario's
 * difference from the first with its paired (common random numbers) 95% band.
 */
import type { TopLevelSpec } from 'vega-lite';
import { timeOfYearRow } from '../../model/years.js';
import type { Comparison } from '../../analyses/compare.js';
import { decadeTicks } from './cdf.js';
import { caption, changedLine, count, DASHES, framed, HEIGHT, renderSvg, SERIES_COLORS, WIDTH, type RunInfo } from './theme.js';

export interface CompareChartInput {
  comparison: Comparison;
  info: RunInfo;
}

const Z = 1.96;

export function compareSpec({ comparison, info }: CompareChartInput): TopLevelSpec {
  const { forecasts, differences } = comparison;
  const [first] = forecasts;
  const names = forecasts.map((f) => `${f.scenarioLabel} [${f.scenarioId}]`);
  const colors = names.map((_, i) => (i === 0 ? '#000000' : SERIES_COLORS[(i - 1) % SERIES_COLORS.length]));
  const dashes = names.map((_, i) => DASHES[i % DASHES.length]);
  const legend = { title: null, orient: 'bottom', direction: 'vertical', symbolType: 'stroke', symbolStrokeWidth: 2.5, labelLimit: 1000 } as const;
  const color = { field: 'series', type: 'nominal', scale: { domain: names, range: colors }, legend } as const;
  const strokeDash = { field: 'series', type: 'nominal', scale: { domain: names, range: dashes }, legend } as const;
  // Dates: the probability of year Y (by its end) is drawn at Y + 1 (model/years.ts).
  // Every year some scenario covers; each curve over its own years, each difference over the years its pair shares.
  const from = Math.min(...forecasts.map((f) => f.years[0]));
  const to = Math.max(...forecasts.map((f) => f.years[f.years.length - 1]));
  const years = [timeOfYearRow(from), timeOfYearRow(to)];
  const sameYears = forecasts.every((f) => f.years[0] === first.years[0] && f.horizonYear === first.horizonYear);
  const x = {
    field: 'year',
    type: 'quantitative',
    title: 'date (year Y ends at Y + 1)',
    scale: { domain: [years[0], years[years.length - 1]], nice: false, zero: false },
    axis: { values: decadeTicks(years[0], years[years.length - 1]), format: 'd' },
  } as const;
  const curves = forecasts.flatMap((f, i) => f.years.map((year, j) => ({ year: timeOfYearRow(year), series: names[i], p: f.cdf[j] })));
  const diffs = differences.flatMap((d) => {
    const i = forecasts.findIndex((f) => f.scenarioId === d.scenarioId);
    return d.years.map((y, j) => ({
      year: timeOfYearRow(y),
      series: names[i],
      pp: d.diff[j] * 100,
      lo: (d.diff[j] - Z * d.se[j]) * 100,
      hi: (d.diff[j] + Z * d.se[j]) * 100,
    }));
  });
  const paired = differences.every((d) => d.paired);
  const top = {
    width: WIDTH,
    height: HEIGHT,
    data: { values: curves },
    mark: { type: 'line', strokeWidth: 2.5 },
    encoding: {
      x: { ...x, title: null },
      y: {
        field: 'p',
        type: 'quantitative',
        title: 'P(TAI by the end of year)',
        scale: { domain: [0, 1], nice: false },
        axis: { values: [0, 0.25, 0.5, 0.75, 1], format: '.0%' },
      },
      color,
      strokeDash,
    },
  };
  const bottom = {
    width: WIDTH,
    height: 170,
    data: { values: diffs },
    layer: [
      {
        mark: { type: 'area', opacity: 0.25 },
        encoding: {
          x,
          y: { field: 'lo', type: 'quantitative', title: `minus ${first.scenarioId} (pp)` },
          y2: { field: 'hi' },
          color: { ...color, legend: null },
        },
      },
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { x, y: { field: 'pp', type: 'quantitative' }, color: { ...color, legend: null }, strokeDash: { ...strokeDash, legend: null } },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#000000', strokeWidth: 1 }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
    ],
  };
  return framed(
    `Scenarios compared: ${forecasts.map((f) => f.scenarioId).join(', ')}`,
    [
      ...changedLine(info),
      ...(first.condition
        ? [
            `Given no TAI by the end of ${first.condition.givenNoTaiBy}: worlds kept ${forecasts.map((f) => `${f.scenarioId} ${count(f.condition!.keptWorlds)}`).join(', ')}`,
          ]
        : []),
      `Top: P(TAI by the end of each year). Bottom: each scenario minus ${first.scenarioId}, in percentage points, with its 95% band`,
      ...(sameYears
        ? []
        : [
            `Years differ (${forecasts.map((f) => `${f.scenarioId} ${f.years[0]}–${f.horizonYear}`).join(', ')}): each curve over its own years, each difference over the years both cover`,
          ]),
      paired ? '(paired: every scenario runs on the same random numbers, so the bands are narrow)' : '(conditioned runs: unpaired standard errors)',
    ],
    { vconcat: [top, bottom], resolve: { scale: { color: 'shared', strokeDash: 'shared' } } },
    caption(info, 'common random numbers'),
  );
}

export function renderCompareChart(input: CompareChartInput, idPrefix = 'compare'): Promise<string> {
  return renderSvg(compareSpec(input), idPrefix);
}
