/**
 * Forecasts in a format: CSV rows (one header), JSON (an array for several), Metaculus CDFs, or
 * tables (with the terminal chart on a terminal). `run` and `merge` both print through it, so a
 * merged run prints what the whole run prints.
 */
import type { ForecastResult } from '../api.js';
import { UsageError } from '../io/errors.js';
import { bundledReferenceFor } from '../io/reference.js';
import { renderChart } from '../report/chart.js';
import { renderRunsCsv } from '../report/csv.js';
import { renderJson } from '../report/json.js';
import { datesCovered, renderMetaculus, type MetaculusRange } from '../report/metaculus.js';
import { renderTable } from '../report/table.js';
import { useColor, type CliContext } from './context.js';
import type { OutputTarget } from './output.js';

export const RUN_FORMATS = ['table', 'csv', 'json', 'metaculus'] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

export interface RenderOptions {
  /** For --format metaculus: the question's range in dates. */
  range?: MetaculusRange;
  chart?: boolean;
  /** Draw each anchor's curve on the terminal chart too. */
  chartAnchors?: boolean;
}

/**
 * --format metaculus for one or more forecasts (run, merge): the CDF at 201 dates over `range`.
 * Dates: year row Y is "by the end of Y", the date Y + 1; the default range is every date all the
 * forecasts cover, and a range outside any of them is refused.
 */
function renderMetaculusRuns(runs: readonly Pick<ForecastResult, 'forecast' | 'manifest'>[], range: MetaculusRange | undefined): string {
  const covered = runs.map((r) => datesCovered(r.forecast));
  const chosen = range ?? { from: Math.max(...covered.map((c) => c.from)), to: Math.min(...covered.map((c) => c.to)) };
  runs.forEach((r, i) => {
    const { from, to } = covered[i];
    if (chosen.from < from || chosen.to > to) {
      throw new UsageError(
        `--range ${chosen.from},${chosen.to} must lie within the dates ${r.forecast.scenarioId} covers, ${from}–${to} (year ${from - 1} is "by the end of ${from - 1}", the date ${from}; --horizon goes further)`,
      );
    }
  });
  return runs.length === 1
    ? renderMetaculus(runs[0].forecast, runs[0].manifest, chosen)
    : `[\n${runs.map((r) => renderMetaculus(r.forecast, r.manifest, chosen).trimEnd()).join(',\n')}\n]\n`;
}

export function renderRuns(
  ctx: CliContext,
  runs: readonly ForecastResult[],
  format: RunFormat,
  options: RenderOptions,
  target: OutputTarget | undefined,
): string {
  switch (format) {
    case 'csv':
      return renderRunsCsv(runs);
    case 'json':
      return runs.length === 1
        ? renderJson(runs[0].forecast, runs[0].manifest)
        : `[\n${runs.map((r) => renderJson(r.forecast, r.manifest).trimEnd()).join(',\n')}\n]\n`;
    case 'metaculus':
      return renderMetaculusRuns(runs, options.range);
    case 'table': {
      const chart = options.chart ?? (Boolean(ctx.stdout.isTTY) && target === undefined);
      // A terminal may report 0 columns (some CI and emulators): renderChart then uses 80.
      const chartOptions = { width: ctx.stdout.columns, anchors: Boolean(options.chartAnchors), color: useColor(ctx, ctx.stdout) };
      return runs
        .map((r) => {
          // The published forecast an unmodified bundled scenario is the reference for, from the files its manifest lists.
          const { reference, leftOut } = bundledReferenceFor(
            r.manifest.files.map((f) => f.path),
            r.manifest.sets,
          );
          return renderTable(r.forecast, {
            overrides: r.overrides,
            chart: chart ? renderChart(r.forecast, chartOptions) : undefined,
            reference,
            referenceLeftOut: leftOut,
          });
        })
        .join('\n');
    }
  }
}
