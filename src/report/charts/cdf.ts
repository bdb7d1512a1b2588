/**
 * P(TAI by year): the forecast's curve with its Monte Carlo band, each anchor's share of it
 * stacked underneath (weighted by its share of worlds, so the layers add up to the curve), the
 * mass that arrives after the horizon or never as a bar past the last year, and a published
 * curve as a dashed reference (or stated numbers as labelled points).
 */
import type { TopLevelSpec } from 'vega-lite';
import { timeOfYearRow } from '../../model/years.js';
import type { Forecast } from '../../engine/summary.js';
import { conditionReference, referenceFor, referenceText, type ReferenceCurve } from '../reference.js';
import { caption, changedLine, DASHES, framed, HEIGHT, REFERENCE_GREY, renderSvg, scenarioName, SERIES_COLORS, WIDTH, type RunInfo } from './theme.js';

export interface CdfChartInput {
  forecast: Forecast;
  info: RunInfo;
  reference?: ReferenceCurve;
  /** Why a reference curve the scenario would have is not drawn (it was changed on the command line), for the subtitle. */
  referenceLeftOut?: string;
}

/** Two standard errors either side: the band a rerun with another seed would mostly stay in. */
const Z = 1.96;
/** Years of x axis past the horizon that hold the "after" / "never" bar. */
const BAR_GAP = 2;
const BAR_WIDTH = 5;
/** A layer at least this thick at the horizon gets its name written in it. */
const MIN_LABELLED_SHARE = 0.035;

export { conditionReference, type ReferenceCurve };

export function decadeTicks(first: number, last: number): number[] {
  const ticks: number[] = [];
  for (let y = Math.ceil(first / 10) * 10; y <= last; y += 10) ticks.push(y);
  return ticks;
}

export function cdfSpec({ forecast: f, info, reference: given, referenceLeftOut }: CdfChartInput): TopLevelSpec {
  const reference = referenceFor(given, f.condition?.givenNoTaiBy);
  const total = 'P(TAI by the end of year), all anchors';
  const band = `${Math.round(0.95 * 100)}% Monte Carlo band`;
  const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
  const after = `after ${f.horizonYear}: ${pct(f.notByHorizon.p)}`;
  const never = `never (no anchor): ${pct(f.never.p)}`;
  const anchorNames = f.anchors.map((a) => `${a.label} (${Math.round(a.weight * 100)}%)`);
  const referenceLine = reference && reference.marks !== 'points' ? reference : undefined;
  const referencePoints = reference && reference.marks === 'points' ? reference : undefined;
  const lines = [total, ...(referenceLine ? [referenceLine.label] : [])];
  const lineColors = ['#000000', ...(referenceLine ? [REFERENCE_GREY] : [])];
  const inRange = (r: ReferenceCurve) => r.points.filter((p) => p.year >= f.startYear && p.year <= f.horizonYear);
  const legend = (title: string, extra: Record<string, unknown> = {}) => ({ title, orient: 'right', labelLimit: 1000, ...extra });
  const scale = (domain: string[], range: readonly string[]) => ({ domain, range: [...range] });
  const anchorColor = {
    field: 'series',
    type: 'nominal',
    scale: scale(
      anchorNames,
      anchorNames.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]),
    ),
    legend: legend('anchor (weight), stacked', { symbolType: 'square', symbolOpacity: 0.7 }),
  } as const;
  const bandColor = {
    field: 'series',
    type: 'nominal',
    scale: scale([band], ['#9a9a9a']),
    legend: legend('', { symbolType: 'square', symbolOpacity: 0.6 }),
  } as const;
  const lineColor = { field: 'series', type: 'nominal', scale: scale(lines, lineColors), legend: null } as const;
  const barColor = {
    field: 'series',
    type: 'nominal',
    scale: scale([after, never], ['#bbbbbb', '#555555']),
    legend: legend(`bar past ${f.horizonYear}`, { symbolType: 'square' }),
  } as const;
  const stacked = f.anchors.flatMap((a, i) =>
    f.years.map((year, j) => ({
      year: timeOfYearRow(year),
      series: anchorNames[i],
      order: i,
      p: (a.worlds / f.samples) * (Number.isFinite(a.cdf[j]) ? a.cdf[j] : 0),
    })),
  );
  // Each layer named inside itself at the right, so it reads without colour (greyscale, colour
  // blindness); layers too thin for a line of text are left to the legend.
  const lastIndex = f.years.length - 1;
  let below = 0;
  const layerLabels = f.anchors.flatMap((a, i) => {
    const share = stacked[i * f.years.length + lastIndex].p;
    const mid = below + share / 2;
    below += share;
    return share >= MIN_LABELLED_SHARE ? [{ year: timeOfYearRow(f.horizonYear) - 1, p: mid, text: a.label }] : [];
  });
  const bandRows = f.years.map((year, j) => ({
    year: timeOfYearRow(year),
    series: band,
    lo: Math.max(0, f.cdf[j] - Z * f.se[j]),
    hi: Math.min(1, f.cdf[j] + Z * f.se[j]),
  }));
  const lineRows = [
    ...f.years.map((year, j) => ({ year: timeOfYearRow(year), series: total, p: f.cdf[j] })),
    ...(referenceLine ? inRange(referenceLine).map((r) => ({ year: timeOfYearRow(r.year), series: referenceLine.label, p: r.p })) : []),
  ];
  const pointRows = referencePoints
    ? inRange(referencePoints).map((r) => ({ year: timeOfYearRow(r.year), series: referencePoints.label, p: r.p, text: referenceText(referencePoints, r.p) }))
    : [];
  const pointColor = {
    field: 'series',
    type: 'nominal',
    scale: scale(referencePoints ? [referencePoints.label] : [], ['#000000']),
    legend: legend('reference', { symbolType: 'diamond', symbolStrokeWidth: 2, symbolFillColor: 'white' }),
  } as const;
  const last = f.cdf[f.cdf.length - 1];
  const x0 = timeOfYearRow(f.horizonYear) + BAR_GAP;
  const bars = [
    { series: after, x: x0, x2: x0 + BAR_WIDTH, y: last, y2: last + f.notByHorizon.p },
    { series: never, x: x0, x2: x0 + BAR_WIDTH, y: last + f.notByHorizon.p, y2: Math.min(1, last + f.notByHorizon.p + f.never.p) },
  ];
  const x = {
    field: 'year',
    type: 'quantitative',
    // Dates: the probability of year Y (by its end) is drawn at Y + 1 (model/years.ts).
    title: 'date (year Y ends at Y + 1)',
    scale: { domain: [timeOfYearRow(f.startYear), x0 + BAR_WIDTH], nice: false, zero: false },
    axis: { values: decadeTicks(timeOfYearRow(f.startYear), timeOfYearRow(f.horizonYear)), format: 'd', grid: true },
  } as const;
  const y = {
    type: 'quantitative',
    title: 'P(TAI affordable by the end of year)',
    scale: { domain: [0, 1], nice: false },
    axis: { values: [0, 0.25, 0.5, 0.75, 1], format: '.0%' },
  } as const;
  const chart = {
    width: WIDTH,
    height: HEIGHT,
    resolve: { scale: { color: 'independent' } },
    layer: [
      {
        data: { values: stacked },
        mark: { type: 'area', opacity: 0.55, stroke: 'white', strokeWidth: 0.6 },
        encoding: { x, y: { ...y, field: 'p', stack: 'zero' }, color: anchorColor, order: { field: 'order', type: 'quantitative' } },
      },
      {
        data: { values: layerLabels },
        mark: { type: 'text', align: 'right', baseline: 'middle', fontSize: 11, color: '#1a1a1a' },
        encoding: { x, y: { ...y, field: 'p' }, text: { field: 'text' } },
      },
      {
        data: { values: bandRows },
        mark: { type: 'area', opacity: 0.6 },
        encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: bandColor },
      },
      {
        data: { values: lineRows },
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: {
          x,
          y: { ...y, field: 'p' },
          color: lineColor,
          strokeDash: {
            field: 'series',
            type: 'nominal',
            scale: { domain: lines, range: [DASHES[0], [7, 4]] },
            legend: legend('curve', {
              orient: 'top-left',
              fillColor: 'white',
              padding: 6,
              symbolType: 'stroke',
              symbolStrokeWidth: 2.5,
              symbolStrokeColor: '#000000',
            }),
          },
        },
      },
      ...(pointRows.length
        ? [
            {
              data: { values: pointRows },
              mark: { type: 'point', shape: 'diamond', size: 110, filled: false, strokeWidth: 2 },
              encoding: { x, y: { ...y, field: 'p' }, color: pointColor },
            },
            {
              data: { values: pointRows },
              mark: { type: 'text', align: 'left', baseline: 'middle', dx: 9, fontSize: 11, color: '#000000' },
              encoding: { x, y: { ...y, field: 'p' }, text: { field: 'text' } },
            },
          ]
        : []),
      {
        data: { values: bars },
        mark: { type: 'rect', stroke: '#333333', strokeWidth: 0.8 },
        encoding: { x: { ...x, field: 'x' }, x2: { field: 'x2' }, y: { ...y, field: 'y' }, y2: { field: 'y2' }, color: barColor },
      },
    ],
  };
  const conditioned = f.condition ? ` · given no TAI by the end of ${f.condition.givenNoTaiBy}` : '';
  return framed(
    `P(TAI by the end of year): ${scenarioName(f.scenarioLabel, f.scenarioId)}${f.condition ? `, given no TAI by the end of ${f.condition.givenNoTaiBy}` : ''}`,
    [
      ...changedLine(info),
      `Shaded layers: each anchor's share of the total, stacked (they add up to the black curve)${conditioned}`,
      `Bar past ${f.horizonYear}: worlds where TAI is affordable only after the horizon, or never`,
      ...(referenceLeftOut ? [referenceLeftOut] : []),
    ],
    chart,
    caption(info),
  );
}

export function renderCdfChart(input: CdfChartInput, idPrefix = 'cdf'): Promise<string> {
  return renderSvg(cdfSpec(input), idPrefix);
}
