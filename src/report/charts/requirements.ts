/**
 * The classic chart of the report: for each anchor, the FLOP a transformative training run needs
 * (10–90% of worlds, and the median) falling year by year as algorithmic progress lowers it,
 * against the FLOP the largest affordable run buys, rising. TAI is affordable in a world when the
 * two cross. One panel per anchor, on a shared log10 FLOP axis.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Trajectories } from '../../analyses/trajectories.js';
import { caption, changedLine, count, framed, renderSvg, scenarioName, type RunInfo } from './theme.js';

export interface RequirementsChartInput {
  trajectories: Trajectories;
  scenario: { id: string; label: string };
  /** Labels and weights of the anchors, in the trajectories' order. */
  anchors: { id: string; label: string; weight: number }[];
  info: RunInfo;
}

const PANEL_WIDTH = 260;
const PANEL_HEIGHT = 190;
const COLUMNS = 3;

export function requirementsSpec({ trajectories: t, scenario, anchors, info }: RequirementsChartInput): TopLevelSpec {
  const reqBand = 'requirement: 10–90% of worlds';
  const reqMedian = 'requirement: median';
  const affordable = 'affordable FLOP (largest run): median';
  const affordableBand = 'affordable FLOP: 10–90% of worlds';
  const uncertain = t.log10AffordableFlop.some(([lo, , hi]) => hi - lo > 1e-9);
  // Bands and lines get a legend each: filled squares for the bands, the lines as drawn.
  const bandSeries = [reqBand, ...(uncertain ? [affordableBand] : [])];
  const lineSeries = [reqMedian, affordable];
  const legend = { title: null, orient: 'bottom', direction: 'horizontal', labelLimit: 1000 } as const;
  const fill = {
    field: 'band',
    type: 'nominal',
    scale: { domain: bandSeries, range: ['#9fcbe8', '#c8c8c8'].slice(0, bandSeries.length) },
    legend: { ...legend, symbolType: 'square' },
  } as const;
  const lineLegend = { ...legend, symbolType: 'stroke', symbolStrokeWidth: 2.5 } as const;
  const color = { field: 'line', type: 'nominal', scale: { domain: lineSeries, range: ['#0072B2', '#000000'] }, legend: lineLegend } as const;
  const strokeDash = { field: 'line', type: 'nominal', scale: { domain: lineSeries, range: [[6, 3], []] }, legend: lineLegend } as const;
  const panel = (i: number) => `${anchors[i]?.label ?? t.anchors[i].id} · ${Math.round((anchors[i]?.weight ?? 0) * 100)}%`;
  // An anchor without worlds (no weight) has no requirement band: it gets no panel, and the caption names it.
  const empty = t.anchors.filter((a) => !a.requirement.some((b) => Number.isFinite(b[1])));
  const rows = t.anchors.flatMap((a, i) =>
    empty.includes(a)
      ? []
      : t.years.flatMap((year, j) => [
          { panel: panel(i), order: i, year, kind: 'requirement', lo: a.requirement[j][0], mid: a.requirement[j][1], hi: a.requirement[j][2] },
          {
            panel: panel(i),
            order: i,
            year,
            kind: 'affordable',
            lo: t.log10AffordableFlop[j][0],
            mid: t.log10AffordableFlop[j][1],
            hi: t.log10AffordableFlop[j][2],
          },
        ]),
  );
  const finite = rows.flatMap((r) => [r.lo, r.hi]).filter(Number.isFinite);
  const yDomain = [Math.floor(Math.min(...finite)), Math.ceil(Math.max(...finite))];
  const first = t.years[0];
  const last = t.years[t.years.length - 1];
  const ticks: number[] = [];
  for (let y = Math.ceil(first / 20) * 20; y <= last; y += 20) ticks.push(y);
  const x = {
    field: 'year',
    type: 'quantitative',
    title: 'year',
    scale: { domain: [first, last], nice: false, zero: false },
    axis: { values: ticks, format: 'd' },
  } as const;
  const y = {
    type: 'quantitative',
    title: 'log10 FLOP (training run)',
    scale: { domain: yDomain, nice: false, zero: false },
    axis: { tickMinStep: 1, format: 'd' },
  } as const;
  // Different field names keep Vega-Lite from merging the two legends into one.
  const band = (kind: string, name: string) => ({
    transform: [{ filter: `datum.kind === '${kind}'` }, { calculate: `'${name}'`, as: 'band' }],
    mark: { type: 'area', opacity: kind === 'requirement' ? 0.8 : 0.7 },
    encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, fill },
  });
  const line = (kind: string, name: string, width: number) => ({
    transform: [{ filter: `datum.kind === '${kind}'` }, { calculate: `'${name}'`, as: 'line' }],
    mark: { type: 'line', strokeWidth: width },
    encoding: { x, y: { ...y, field: 'mid' }, color, strokeDash },
  });
  const chart = {
    data: { values: rows },
    facet: { field: 'panel', type: 'nominal', title: null, sort: { field: 'order' }, header: { labelFontSize: 12, labelFontWeight: 'bold', labelLimit: 1000 } },
    columns: COLUMNS,
    spacing: { row: 18, column: 14 },
    spec: {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      layer: [
        ...(uncertain ? [band('affordable', affordableBand)] : []),
        band('requirement', reqBand),
        line('requirement', reqMedian, 2),
        line('affordable', affordable, 2.5),
      ],
    },
  };
  return framed(
    `Requirement vs affordable compute: ${scenarioName(scenario.label, scenario.id)}`,
    [
      ...changedLine(info),
      'Blue: FLOP a transformative run needs, in each year’s FLOP (2020 requirement less algorithmic progress).',
      'Black: FLOP the largest affordable run buys. TAI is affordable in a world once black is above its requirement.',
    ],
    chart,
    caption(
      info,
      `requirement bands from the first ${count(t.worlds)} worlds with an anchor${empty.length ? `; no worlds, so no panel: ${empty.map((a) => a.id).join(', ')}` : ''}`,
    ),
    PANEL_WIDTH * COLUMNS,
  );
}

export function renderRequirementsChart(input: RequirementsChartInput, idPrefix = 'requirements'): Promise<string> {
  return renderSvg(requirementsSpec(input), idPrefix);
}
