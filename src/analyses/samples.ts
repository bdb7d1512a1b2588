/**
 * The rows of `bioanchors samples`: one per world, rendered chunk by chunk as an observer of the
 * chunk loop, so that any thread can render any chunk and the command writes them in chunk order.
 * A chunk's text depends only on the chunk (the table is aligned within it; the CSV header and the
 * JSON array's brackets are written by the command), so the file is the same on any number of threads.
 */
import type { Chunk, Observer } from '../engine/loop.js';
import { accumulate, emptyCounts, type Counts } from '../engine/counts.js';
import { CHUNK_SIZE } from '../engine/loop.js';
import type { ParamPlan, Plan } from '../engine/plan.js';
import { padTable } from '../report/format.js';

export type SamplesFormat = 'table' | 'csv' | 'json';

/** What produced the rows, repeated on every row: the seed, the scenario and any command-line changes. */
export interface SamplesMeta {
  seed: number;
  scenarioId: string;
  overrides: string;
}

/**
 * The columns: world, anchor, each anchor variable by its name, the requirement, each uncertain
 * growth parameter by its name, algorithmic progress, arrival and what produced the row. A
 * variable named like one of the other columns (an anchor may call a variable "seed" or
 * "spendDoublingYears") is written "variable.<name>" (a dot no identifier has), so every column
 * has a name of its own and a JSON row keeps every value.
 */
export function samplesHeader(plan: Plan): string[] {
  const after = [
    'requirement_log10_flop',
    ...plan.uncertainCurveKeys,
    'algorithmic_halving_years',
    'algorithmic_max_oom',
    'arrival',
    'seed',
    'scenario',
    'overrides',
  ];
  const taken = new Set(['world', 'anchor', ...after]);
  return ['world', 'anchor', ...variableNames(plan).map((n) => (taken.has(n) ? `variable.${n}` : n)), ...after];
}

const variableNames = (plan: Plan) => [...new Set(plan.anchors.flatMap((a) => a.variableNames))];

/** A CSV field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** One chunk of rows in the chosen format: CSV lines, a JSON array's elements, or an aligned table. */
function renderRows(format: SamplesFormat, header: string[], rows: (string | number)[][], first: boolean): string {
  switch (format) {
    case 'csv':
      // Every cell is a number, an anchor id (a slug), a marker or a meta cell quoted beforehand:
      // rows are joined directly (several times faster than csv-stringify on millions of rows).
      return `${rows.map((r) => r.join(',')).join('\n')}\n`;
    case 'json':
      return rows
        .map((r, i) => `${first && i === 0 ? '' : ',\n'}${JSON.stringify(Object.fromEntries(header.map((h, c) => [h, r[c] === '' ? null : r[c]])))}`)
        .join('');
    case 'table':
      // Aligned within each chunk of 16,384 rows (a stream cannot know later widths); the header once.
      return `${padTable(
        [header, ...rows.map((r) => r.map((cell) => (typeof cell === 'number' && !Number.isInteger(cell) ? cell.toFixed(3) : String(cell))))],
        header.map((_, c) => (c === 1 ? 'l' : 'r')),
      )
        .split('\n')
        .slice(first ? 0 : 1)
        .join('\n')}\n`;
  }
}

/** UTF-8 text appended piece by piece into a byte buffer reused from chunk to chunk; done() copies out exactly what was written. */
class ByteText {
  private bytes = new Uint8Array(1 << 21);
  private length = 0;
  private static readonly encoder = new TextEncoder();

  append(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.length + text.length * 3 > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + text.length * 3));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.length += ByteText.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  done(): Uint8Array {
    const out = this.bytes.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

/** Rendered chunks, each with its index (to be written in order) and the counts of its worlds. */
export interface SamplesPart {
  index: number;
  /** The chunk's rows: text, or its UTF-8 bytes (CSV, the format of millions of rows). */
  text: string | Uint8Array;
  counts: Counts;
}

export function samplesObserver(plan: Plan, format: SamplesFormat, meta: SamplesMeta): Observer<SamplesPart[]> {
  const names = variableNames(plan);
  const header = samplesHeader(plan);
  const curveKeys = plan.uncertainCurveKeys;
  const arrivalColumn = header.length - 4;
  // The overrides are typed text (a --set of a JSON distribution has commas and quotes): quoted once here, for every row.
  const metaCells = format === 'csv' ? [meta.seed, csvField(meta.scenarioId), csvField(meta.overrides)] : [meta.seed, meta.scenarioId, meta.overrides];
  const columnOf = plan.anchors.map((a) => a.variableNames.map((n) => names.indexOf(n)));
  const afterHorizon = `after-${plan.scenario.horizonYear}`;
  const pointOr = (p: ParamPlan, column: Float64Array, k: number) => (p.kind === 'point' ? p.value : column[k]);
  const width = header.length;
  const bytes = new ByteText();
  /** Writes world k of the chunk into `row` (every cell, so a row can be reused). */
  const fillRow = (row: (string | number)[], ws: Chunk['workspaces'][number], index: number, k: number) => {
    row.fill('');
    row[0] = index * CHUNK_SIZE + k;
    row[width - 3] = metaCells[0];
    row[width - 2] = metaCells[1];
    row[width - 1] = metaCells[2];
    const i = ws.anchorOf[k];
    if (i >= plan.anchors.length) {
      row[1] = 'none';
      row[arrivalColumn] = 'never';
      return;
    }
    const a = plan.anchors[i];
    const g = ws.groups[i];
    const p = ws.positionOf[k];
    row[1] = a.id;
    const columns = columnOf[i];
    for (let v = 0; v < columns.length; v++) row[2 + columns[v]] = g.variables[v][p];
    const base = 2 + names.length;
    row[base] = g.requirement[p];
    for (let j = 0; j < curveKeys.length; j++) row[base + 1 + j] = a.thresholds ? '' : g.curve[j][p];
    row[base + 1 + curveKeys.length] = pointOr(a.halvingYears, g.halvingYears, p);
    row[base + 2 + curveKeys.length] = pointOr(a.maxOom, g.maxOom, p);
    const j = g.arrival[p];
    row[arrivalColumn] = j < plan.years.length ? plan.years[j] : afterHorizon;
  };
  return {
    empty: () => [],
    observe(parts, chunk) {
      const ws = chunk.workspaces[0];
      const counts = emptyCounts(plan);
      accumulate(plan, ws, counts);
      let text: string;
      if (format === 'csv') {
        // Millions of rows: one reused row and one line per world, no row arrays kept (flat memory).
        // Millions of rows: rows of 256 worlds are encoded into the chunk's bytes as they are made,
        // so no string outlives a young-generation collection and memory stays near a chunk per thread.
        const row: (string | number)[] = new Array(width);
        let block = '';
        for (let k = 0; k < chunk.n; k++) {
          fillRow(row, ws, chunk.index, k);
          block += `${row.join(',')}\n`;
          if ((k & 255) === 255) {
            bytes.append(block);
            block = '';
          }
        }
        bytes.append(block);
        parts.push({ index: chunk.index, text: bytes.done(), counts });
        return;
      } else {
        const rows: (string | number)[][] = [];
        for (let k = 0; k < chunk.n; k++) {
          const row: (string | number)[] = new Array(width);
          fillRow(row, ws, chunk.index, k);
          rows.push(row);
        }
        text = renderRows(format, header, rows, chunk.index === 0);
      }
      parts.push({ index: chunk.index, text, counts });
    },
    merge: (a, b) => void a.push(...b),
  };
}
