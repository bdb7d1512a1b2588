/**
 * The hindcast: for the largest training run, FLOP per dollar and the spending on it, the scenario's
 * projection year by year (its median, and its 10–90% band when growth is uncertain) beside what
 * was observed since 2020 (a point per figure; a triangle for a lower bound).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Hindcast } from '../../analyses/hindcast.js';
import { HINDCAST_QUANTITIES } from '../../model/observations.js';
import { QUANTITY_LABEL } from '../hindcast.js';
import { caption, changedLine, count, framed, renderSvg, SERIES_COLORS, WIDTH, type RunInfo } from './theme.js';

export interface HindcastChartInput {
  hindcast: Hindcast;
  scenario: { id: string; label: string };
  observationsPath: string;
  info: RunInfo;
}

export function hindcastSpec({ hindcast, scenario, observationsPath, info }: HindcastChartInput): TopLevelSpec {
  const projectionColor = SERIES_COLORS[0];
  const observedColor = SERIES_COLORS[5];
  const years = hindcast.curves.map((c) => c.year);
  const x = {
    field: 'year',
    type: 'quantitative',
    title: 'year',
    scale: { domain: [years[0], years[years.length - 1]], nice: false, zero: false },
    axis: { format: 'd', tickMinStep: 1 },
  } as const;
  const panels = HINDCAST_QUANTITIES.map((quantity) => {
    const curve = hindcast.curves.map((c) => ({ year: c.year, lo: c.bands[quantity][0], mid: c.bands[quantity][1], hi: c.bands[quantity][2] }));
    const points = hindcast.rows.flatMap((r) =>
      r.cells
        .filter((c) => c.quantity === quantity)
        .map((c) => ({ year: r.year, value: c.observed.log10, kind: c.observed.atLeast ? 'observed (lower bound)' : 'observed', run: r.label })),
    );
    const y = { type: 'quantitative', title: QUANTITY_LABEL[quantity], scale: { zero: false } } as const;
    return {
      width: WIDTH,
      height: 200,
      layer: [
        ...(hindcast.uncertain
          ? [
              {
                data: { values: curve },
                mark: { type: 'area', opacity: 0.2, color: projectionColor },
                encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
              },
            ]
          : []),
        { data: { values: curve }, mark: { type: 'line', strokeWidth: 2.5, color: projectionColor }, encoding: { x, y: { ...y, field: 'mid' } } },
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: 90, color: observedColor },
          encoding: {
            x,
            y: { ...y, field: 'value' },
            shape: {
              field: 'kind',
              type: 'nominal',
              scale: { domain: ['observed', 'observed (lower bound)'], range: ['circle', 'triangle-up'] },
              legend: { title: null, orient: 'bottom' },
            },
          },
        },
      ],
    };
  });
  return framed(
    `Hindcast: ${scenario.label} [${scenario.id}] against what was observed`,
    [
      ...changedLine(info),
      `Lines: the scenario's projection${hindcast.uncertain ? ` (median, and its 10–90% band over ${count(hindcast.draws)} draws of the growth parameters)` : ''}.`,
      `Points: observations (${observationsPath}); triangles are lower bounds.`,
    ],
    { vconcat: panels, resolve: { scale: { shape: 'shared' } } },
    caption(info, 'log10 units; year Y: the budget and prices of year Y'),
  );
}

export async function renderHindcastChart(input: HindcastChartInput, idPrefix = 'hindcast'): Promise<string> {
  return renderSvg(hindcastSpec(input), idPrefix);
}
