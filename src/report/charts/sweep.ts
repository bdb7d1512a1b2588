/**
 * A sweep drawn: with one swept path, the chosen figure against the path's value as a line with
 * its 95% Monte Carlo band; with two, a heatmap of the figure over the grid of both values (cells
 * labelled with the figure when few enough to read), or for a random design a scatter of the
 * design's points coloured by the figure. The scenario's own value of a path, when it is one point
 * value, is marked with a dashed rule.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SweepResult } from '../../analyses/sweep.js';
import { figureTitle } from '../sweep.js';
import { caption, changedLine, framed, HEIGHT, renderSvg, scenarioName, WIDTH, type RunInfo } from './theme.js';

export interface SweepChartInput {
  result: SweepResult;
  /** The figure drawn (one of result.figureNames). */
  figure: string;
  info: RunInfo;
}

/** 1.96 standard errors either side: the band a rerun with another seed would mostly stay in. */
const Z = 1.96;
/** Heatmap cells are labelled with their value up to this many cells. */
const MAX_LABELLED_CELLS = 150;

const isDate = (figure: string) => figure.startsWith('date_');

export function sweepSpec({ result: r, figure, info }: SweepChartInput): TopLevelSpec {
  const f = r.figureNames.indexOf(figure);
  if (f < 0) throw new Error(`bug: ${figure} is not a figure of this sweep (the caller checks)`);
  if (r.paths.length < 1 || r.paths.length > 2) throw new Error('bug: a sweep chart draws one or two paths (the caller checks)');
  const date = isDate(figure);
  const title = figureTitle(figure, r.horizonYear);
  const yTitle = date ? `${title} of TAI, decimal year` : `${title.replace(/^P\(by (\d+)\)$/, 'P(TAI by the end of $1)')}`;
  const format = date ? '.1f' : '.1%';
  const rows = r.variants.map((v) => ({
    x0: v.values[0],
    x1: v.values[1] ?? null,
    value: v.figures[f].value,
    se: v.figures[f].se,
    status: v.figures[f].status ?? '',
  }));
  const drawn = rows.filter((row) => row.value !== null && (!date || row.status === 'year'));
  const missing = rows.length - drawn.length;
  const notDrawn = missing
    ? [
        `${missing} of ${rows.length} variants have no ${date ? 'date by the horizon' : 'value'} (${date ? `>${r.horizonYear} or never` : 'no worlds'}): left out`,
      ]
    : [];
  const own = r.baseline.values;
  const ownNote = own.some((v) => v !== null)
    ? [`Dashed: the scenario's own value (${r.paths.flatMap((p, j) => (own[j] === null ? [] : [`${p} = ${own[j]}`])).join(', ')})`]
    : [];
  const axis = (j: number) => ({ field: `x${j}`, type: 'quantitative', title: r.paths[j], scale: { zero: false, nice: false } }) as const;
  let chart: Record<string, unknown>;
  let describe: string;
  if (r.paths.length === 1) {
    describe = `Line: ${title} at each value of ${r.paths[0]}; band: its 95% Monte Carlo band (±${Z} standard errors)`;
    const band = drawn.map((row) => ({ ...row, lo: (row.value as number) - Z * (row.se ?? 0), hi: (row.value as number) + Z * (row.se ?? 0) }));
    const y = { type: 'quantitative', title: yTitle, scale: { zero: false }, axis: { format: date ? 'd' : '.0%' } } as const;
    chart = {
      width: WIDTH,
      height: HEIGHT,
      layer: [
        {
          data: { values: band },
          mark: { type: 'area', color: '#9a9a9a', opacity: 0.5 },
          encoding: { x: axis(0), y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
        },
        {
          data: { values: drawn },
          mark: { type: 'line', color: '#000000', strokeWidth: 2.5, point: { filled: true, size: drawn.length > 60 ? 0 : 30, color: '#000000' } },
          encoding: { x: axis(0), y: { ...y, field: 'value' } },
        },
        ...(own[0] !== null
          ? [{ data: { values: [{ x0: own[0] }] }, mark: { type: 'rule', strokeDash: [5, 4], color: '#0072B2', strokeWidth: 1.5 }, encoding: { x: axis(0) } }]
          : []),
      ],
    };
  } else {
    const color = {
      field: 'value',
      type: 'quantitative',
      title: date ? `${title}` : title,
      // Viridis: perceptually uniform and readable with the common colour-vision deficiencies.
      scale: {
        scheme: 'viridis',
        ...(date ? {} : { domain: [Math.min(...drawn.map((d) => d.value as number)), Math.max(...drawn.map((d) => d.value as number))] }),
        reverse: date,
      },
      legend: { format, orient: 'top', direction: 'horizontal', gradientLength: 320, titleOrient: 'left' },
    } as const;
    const rules = own.flatMap((v, j) =>
      v === null
        ? []
        : [
            {
              data: { values: [{ [`x${j}`]: v }] },
              mark: { type: 'rule', strokeDash: [5, 4], color: '#D55E00', strokeWidth: 1.5 },
              encoding: j === 0 ? { x: axis(0) } : { y: axis(1) },
            },
          ],
    );
    if (r.kind === 'grid') {
      describe = `Each cell: ${title} with ${r.paths[0]} and ${r.paths[1]} at the cell's values (its standard error is in the CSV)`;
      const xs = [...new Set(r.variants.map((v) => v.values[0]))].sort((a, b) => a - b);
      const ys = [...new Set(r.variants.map((v) => v.values[1]))].sort((a, b) => a - b);
      const half = (vals: number[]) => (vals.length > 1 ? Math.min(...vals.slice(1).map((v, i) => v - vals[i])) / 2 : 0.5);
      const [hx, hy] = [half(xs), half(ys)];
      // Dark text on the light (yellow) end of viridis, white on the dark end.
      const known = drawn.map((d) => d.value as number);
      const [lo, hi] = [Math.min(...known), Math.max(...known)];
      const light = (v: number | null) => v !== null && hi > lo && (date ? (hi - v) / (hi - lo) : (v - lo) / (hi - lo)) > 0.55;
      const cells = rows.map((row) => ({
        ...row,
        ink: light(row.value) || row.value === null || (date && row.status !== 'year') ? '#000000' : '#ffffff',
        x0a: row.x0 - hx,
        x0b: row.x0 + hx,
        x1a: (row.x1 as number) - hy,
        x1b: (row.x1 as number) + hy,
        label:
          row.value === null || (date && row.status !== 'year')
            ? row.status === 'never'
              ? 'never'
              : `>${r.horizonYear}`
            : date
              ? (row.value as number).toFixed(1)
              : `${((row.value as number) * 100).toFixed(1)}%`,
      }));
      // Ticks at the grid's own values, while few enough to read.
      const ticks = (vals: number[]) => (vals.length <= 16 ? { axis: { values: vals } } : {});
      const xScale = { ...axis(0), scale: { zero: false, nice: false, domain: [xs[0] - hx, xs[xs.length - 1] + hx] }, ...ticks(xs) };
      const yScale = { ...axis(1), scale: { zero: false, nice: false, domain: [ys[0] - hy, ys[ys.length - 1] + hy] }, ...ticks(ys) };
      chart = {
        width: WIDTH - 80,
        height: HEIGHT,
        layer: [
          {
            data: { values: cells.filter((c) => !(c.value === null || (date && c.status !== 'year'))) },
            mark: { type: 'rect' },
            encoding: { x: { ...xScale, field: 'x0a' }, x2: { field: 'x0b' }, y: { ...yScale, field: 'x1a' }, y2: { field: 'x1b' }, color },
          },
          {
            data: { values: cells.filter((c) => c.value === null || (date && c.status !== 'year')) },
            mark: { type: 'rect', color: '#dddddd' },
            encoding: { x: { ...xScale, field: 'x0a' }, x2: { field: 'x0b' }, y: { ...yScale, field: 'x1a' }, y2: { field: 'x1b' } },
          },
          ...rules.map((rule) => ({ ...rule, encoding: 'x' in rule.encoding ? { x: xScale } : { y: yScale } })),
          ...(cells.length <= MAX_LABELLED_CELLS
            ? [
                {
                  data: { values: cells },
                  mark: { type: 'text', fontSize: 11 },
                  encoding: {
                    x: { ...xScale, field: 'x0' },
                    y: { ...yScale, field: 'x1' },
                    text: { field: 'label' },
                    color: { field: 'ink', type: 'nominal', scale: null },
                  },
                },
              ]
            : []),
        ],
      };
    } else {
      describe = `Each point: a variant of the random design at its values of ${r.paths[0]} and ${r.paths[1]}, coloured by ${title}`;
      chart = {
        width: WIDTH - 80,
        height: HEIGHT,
        layer: [
          { data: { values: drawn }, mark: { type: 'circle', size: drawn.length > 400 ? 40 : 90, opacity: 0.9 }, encoding: { x: axis(0), y: axis(1), color } },
          ...rules,
        ],
      };
    }
  }
  return framed(
    `${title}: sweep of ${r.paths.join(' and ')}, ${scenarioName(r.scenarioLabel, r.scenarioId)}`,
    [...changedLine(info), describe, ...ownNote, ...notDrawn],
    chart,
    caption(info, `${r.variants.length} variants (${r.kind === 'grid' ? 'grid' : 'Latin hypercube'}), each on these worlds, common random numbers`),
  );
}

export function renderSweepChart(input: SweepChartInput, idPrefix = 'sweep'): Promise<string> {
  return renderSvg(sweepSpec(input), idPrefix);
}
