/**
 * `bioanchors samples`: one CSV row per simulated world, streamed chunk by chunk with
 * backpressure, so ten million rows need no more memory than one chunk. World w of
 * `samples --seed S` is world w of `run --seed S`: the same chunks and draws.
 */
import { stringify } from 'csv-stringify/sync';
import { accumulate, CHUNK_SIZE, chunkCount, createWorkspace, emptyCounts, runChunk, type ParamPlan } from '../../engine/simulate.js';
import { padTable } from '../../report/format.js';
import type { CliContext } from '../context.js';
import { openSink, prepareOutput } from '../output.js';
import { checkFinite, formatFor, inputPaths, loadInput, type CommonOptions } from '../scenario-input.js';

export type SamplesOptions = CommonOptions;

/** One chunk of rows in the chosen format: CSV lines, a JSON array's elements, or an aligned table. */
function renderRows(format: 'table' | 'csv' | 'json', header: string[], rows: (string | number)[][], first: boolean): string {
  switch (format) {
    case 'csv':
      // Every cell is a number, an anchor id (a slug) or a marker: nothing to quote, so rows are
      // joined directly (several times faster than csv-stringify on millions of rows).
      return `${rows.map((r) => r.join(',')).join('\n')}\n`;
    case 'json':
      return rows.map((r, i) => `${first && i === 0 ? '' : ',\n'}${JSON.stringify(Object.fromEntries(header.map((h, c) => [h, r[c] === '' ? null : r[c]])))}`).join('');
    case 'table':
      // Aligned within each chunk of 16,384 rows (a stream cannot know later widths); the header once.
      return `${padTable([header, ...rows.map((r) => r.map((cell) => (typeof cell === 'number' && !Number.isInteger(cell) ? cell.toFixed(3) : String(cell))))], header.map((_, c) => (c === 1 ? 'l' : 'r'))).split('\n').slice(first ? 0 : 1).join('\n')}\n`;
  }
}

export async function samplesCommand(ctx: CliContext, ref: string, options: SamplesOptions): Promise<void> {
  const input = loadInput(ctx, ref, options);
  const { plan } = input;
  const names = [...new Set(plan.anchors.flatMap((a) => a.variableNames))];
  const curveKeys = plan.uncertainCurveKeys;
  const header = ['world', 'anchor', ...names, 'requirement_log10_flop', ...curveKeys, 'algorithmic_halving_years', 'algorithmic_max_oom', 'arrival', 'seed', 'scenario', 'overrides'];
  // Every row says what produced it: the seed, the scenario and any command-line changes.
  const arrivalColumn = header.length - 4;
  const meta = [options.seed, plan.scenario.id, input.overrides.join(' ')];
  const columnOf = plan.anchors.map((a) => a.variableNames.map((n) => names.indexOf(n)));
  const afterHorizon = `after-${plan.scenario.horizonYear}`;
  const target = prepareOutput(ctx, options.output, inputPaths([input]));
  const format = formatFor(ctx, options.format, target);
  const sink = openSink(ctx, target);
  const ws = createWorkspace(plan);
  const counts = emptyCounts(plan);
  const pointOr = (p: ParamPlan, column: Float64Array, k: number) => (p.kind === 'point' ? p.value : column[k]);
  try {
    if (format === 'csv') await sink.write(stringify([header]));
    else if (format === 'json') await sink.write('[\n');
    for (let c = 0; c < chunkCount(options.samples); c++) {
      const n = Math.min(CHUNK_SIZE, options.samples - c * CHUNK_SIZE);
      runChunk(plan, ws, options.seed, c, n);
      accumulate(plan, ws, counts);
      checkFinite(ctx, input, counts);
      const rows: (string | number)[][] = [];
      for (let k = 0; k < n; k++) {
        const i = ws.anchorOf[k];
        const row: (string | number)[] = new Array(header.length).fill('');
        row[0] = c * CHUNK_SIZE + k;
        row.splice(header.length - 3, 3, ...meta);
        if (i >= plan.anchors.length) {
          row[1] = 'none';
          row[arrivalColumn] = 'never';
          rows.push(row);
          continue;
        }
        const a = plan.anchors[i];
        const g = ws.groups[i];
        const p = ws.positionOf[k];
        row[1] = a.id;
        columnOf[i].forEach((col, v) => (row[2 + col] = g.variables[v][p]));
        const base = 2 + names.length;
        row[base] = g.requirement[p];
        curveKeys.forEach((_key, j) => (row[base + 1 + j] = a.thresholds ? '' : g.curve[j][p]));
        row[base + 1 + curveKeys.length] = pointOr(a.halvingYears, g.halvingYears, p);
        row[base + 2 + curveKeys.length] = pointOr(a.maxOom, g.maxOom, p);
        const j = g.arrival[p];
        row[arrivalColumn] = j < plan.years.length ? plan.years[j] : afterHorizon;
        rows.push(row);
      }
      await sink.write(renderRows(format, header, rows, c === 0));
    }
    if (format === 'json') await sink.write('\n]\n');
    await sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  }
}
