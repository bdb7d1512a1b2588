/**
 * Observations since the report: training runs by year of publication (their compute, what they
 * cost, the FLOP per dollar that implies) and estimated growth rates with their intervals
 * ("trends"). Every figure names its source by id in `sources`, and every source its snapshot (a
 * commit, or the date of the version read), so a reader can open the very figure; every figure
 * says whether it was reported by the developer, estimated by a third party, derived from other
 * figures of its row (which ones: a test and the loader recompute it), or is a bound.
 *
 * A year may hold several runs; `frontier` marks the figures that stand for their year in
 * `hindcast` and `--given-observed` (at most one per quantity and year). The others are context:
 * runs near the frontier, and what a later snapshot says.
 */
import * as z from 'zod';
import { finite } from './distribution.js';

/** How close a derived figure must be to its inputs' quotient (it is written to 4 significant digits). */
export const DERIVED_RELATIVE_TOLERANCE = 5e-4;

export const FIGURE_FIELDS = ['trainingFlop', 'flopPerUsd', 'costUsd'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

const sourceId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'a source id: lower-case letters, digits, dots and dashes');

const sourceSchema = z
  .strictObject({
    title: z.string().min(1).describe('Who published it and what it is called.'),
    url: z.string().min(1).optional().describe('Where it can be read (a page, or arXiv:ID).'),
    repository: z.string().min(1).optional().describe('A repository holding it, e.g. github.com/owner/name.'),
    path: z.string().min(1).optional().describe('The file inside the repository.'),
    commit: z
      .string()
      .regex(/^[0-9a-f]{7,40}$/, 'a commit hash (7 to 40 hex digits)')
      .optional()
      .describe('The commit read (required with a repository).'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM-DD (or YYYY-MM)')
      .describe("The snapshot's date: the commit's date, the day a database was downloaded, or the version's publication date."),
    version: z.string().min(1).optional().describe('Which version was read, where the source has several (arXiv v1, a database download).'),
    method: z.string().min(1).optional().describe('How the source computes its figures, where that matters (cost methods differ by up to 2x).'),
    units: z.string().min(1).optional().describe("The source's units, e.g. US dollars of December 2024."),
    note: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.repository && (!s.commit || !s.path))
      ctx.addIssue({ code: 'custom', path: s.commit ? ['path'] : ['commit'], message: 'a source in a repository needs the path and commit read' });
    if (!s.repository && !s.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'a source needs a url or a repository' });
  })
  .describe('A source and the snapshot of it that was read.');

const interval = z
  .strictObject({
    low: finite.optional(),
    high: finite.optional(),
    level: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .describe('Probability the interval holds (0.9 for a 90% interval); absent when the source gives bounds without a level.'),
    relative: z.boolean().optional().describe('true: low and high are multiples of the figure (the source states its uncertainty as factors).'),
    source: sourceId.optional().describe("Where the interval is stated, if not in the figure's own source."),
    note: z.string().optional(),
  })
  .refine((i) => i.low !== undefined || i.high !== undefined, { message: 'an interval needs low, high or both' })
  .refine((i) => i.low === undefined || i.high === undefined || i.low <= i.high, { message: 'low must not exceed high' })
  .describe("The source's own interval or bounds for the figure.");

const otherReading = z.strictObject({
  value: finite.gt(0),
  source: sourceId,
  entry: z.string().min(1).optional(),
  column: z.string().min(1).optional(),
  confidence: z.string().min(1).optional(),
  units: z.string().min(1).optional(),
  note: z.string().optional(),
});

const figure = (unit: string) =>
  z
    .strictObject({
      value: finite.gt(0).describe(`The figure, in ${unit} (not log10).`),
      kind: z
        .enum(['reported', 'estimate', 'derived', 'bound'])
        .describe(
          "reported: stated by the developer (as recorded by the source); estimate: a third party's estimate; derived: computed from other figures of this row (derivedFrom); bound: the true value is at least (bound: lower) or at most (bound: upper) this.",
        ),
      bound: z.enum(['lower', 'upper']).optional().describe('With kind "bound": which side.'),
      source: sourceId.optional().describe('The id of the source in `sources` (every figure but a derived one).'),
      entry: z.string().min(1).optional().describe("The source's own name for the row read (e.g. Epoch's 'Grok-3')."),
      column: z.string().min(1).optional().describe('The column read, where the source has several.'),
      confidence: z.string().min(1).optional().describe("The source's own confidence label (Epoch: Confident, Likely, Speculative)."),
      interval: interval.optional(),
      uncertainty: z.string().min(1).describe("The source's own statement of uncertainty, or that it gives none."),
      derivedFrom: z
        .strictObject({ numerator: z.enum(FIGURE_FIELDS), denominator: z.enum(FIGURE_FIELDS) })
        .optional()
        .describe('With kind "derived": value = numerator ÷ denominator, both figures of this row.'),
      revisions: z.array(otherReading).optional().describe('What other snapshots of the source give for the same figure.'),
      crossChecks: z.array(otherReading).optional().describe('The same quantity in another source, for comparison (not used).'),
      note: z.string().optional(),
    })
    .describe(`A sourced figure, in ${unit}.`);

export const observationRowSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100).describe('Year the run was published (the model released or announced).'),
  model: z.string().min(1).describe('The training run (model) the figures are about.'),
  frontier: z
    .array(z.enum(FIGURE_FIELDS))
    .optional()
    .describe(
      "The figures of this row that stand for its year in hindcast and --given-observed (the selection rule is the file's `selection`); absent or empty: context only.",
    ),
  trainingFlop: figure('FLOP').optional().describe('Training compute of the run.'),
  flopPerUsd: figure('FLOP per US dollar').optional().describe('Price-performance of the compute the run used.'),
  costUsd: figure('US dollars').optional().describe('Estimated cost of the run.'),
  note: z.string().optional(),
});

export const TREND_UNITS = ['halvingMonths', 'halvingYears', 'doublingYears', 'factorPerYear'] as const;
export type TrendUnit = (typeof TREND_UNITS)[number];

const trendValue = z.strictObject({
  value: finite.gt(0).optional().describe("The central estimate, in the trend's unit."),
  interval: interval.optional(),
  source: sourceId,
  note: z.string().optional(),
});

export const trendSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id: lower-case letters, digits and dashes'),
    quantity: z.string().min(1).describe('What grows or falls, as the source defines it.'),
    unit: z
      .enum(TREND_UNITS)
      .describe('halvingMonths / halvingYears: time for the quantity to halve; doublingYears: to double; factorPerYear: multiple a year.'),
    value: finite.gt(0).optional().describe("The source's central estimate, in `unit`."),
    interval: interval.optional(),
    kind: z.enum(['estimate', 'range']).describe("estimate: a fitted rate with its interval; range: the source's summary range, not a statistical interval."),
    period: z.string().min(1).describe('The years the estimate is fitted over.'),
    source: sourceId,
    otherVersions: z.array(trendValue).optional().describe('The same estimate as other versions of the source state it.'),
    parameter: z.string().min(1).nullable().describe('The scenario parameter it bears on (a --set path), or null when no single parameter matches.'),
    relation: z.string().min(1).describe('How the measured quantity relates to that parameter, and how far it is the same thing.'),
    note: z.string().optional(),
  })
  .refine((t) => t.value !== undefined || t.interval !== undefined, { message: 'a trend needs a value, an interval or both' })
  .describe('An estimated growth rate with its interval.');

export const observationsFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().min(1),
    yearConvention: z.string().min(1).describe("What a row's year means and which projected year it is compared with."),
    selection: z.string().min(1).describe("How the year's frontier figures were chosen among the runs of that year."),
    units: z.string().min(1).describe("The units of the figures (costs: which year's dollars)."),
    missing: z.array(z.string().min(1)).optional().describe('Years or figures left out, and why.'),
    sources: z.record(sourceId, sourceSchema).describe('Every source cited, by id, with the snapshot read.'),
    rows: z.array(observationRowSchema).min(1),
    trends: z.array(trendSchema).optional().describe('Estimated growth rates with their intervals.'),
  })
  .superRefine((file, ctx) => {
    const known = (id: string | undefined, path: (string | number)[]) => {
      if (id !== undefined && !(id in file.sources))
        ctx.addIssue({ code: 'custom', path, message: `no source "${id}" in sources; known: ${Object.keys(file.sources).join(', ')}` });
    };
    const frontierSeen = new Map<string, number>();
    file.rows.forEach((row, i) => {
      const present = FIGURE_FIELDS.filter((f) => row[f]);
      if (present.length === 0) ctx.addIssue({ code: 'custom', path: ['rows', i], message: 'a row needs at least one of trainingFlop, flopPerUsd, costUsd' });
      for (const field of row.frontier ?? []) {
        if (!row[field]) ctx.addIssue({ code: 'custom', path: ['rows', i, 'frontier'], message: `frontier names ${field}, which this row does not have` });
        else if (row[field]!.kind === 'bound' && row[field]!.bound === 'upper')
          ctx.addIssue({
            code: 'custom',
            path: ['rows', i, 'frontier'],
            message: `${field} is an upper bound: the hindcast and the weights take lower bounds only`,
          });
        const key = `${row.year} ${field}`;
        if (frontierSeen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: ['rows', i, 'frontier'],
            message: `${row.year} already has a frontier ${field} (rows[${frontierSeen.get(key)}]); give one per year`,
          });
        frontierSeen.set(key, i);
      }
      for (const field of present) {
        const f = row[field]!;
        const at = ['rows', i, field];
        if (f.kind === 'bound' && !f.bound) ctx.addIssue({ code: 'custom', path: [...at, 'bound'], message: 'a bound says which side: "lower" or "upper"' });
        if (f.kind !== 'bound' && f.bound) ctx.addIssue({ code: 'custom', path: [...at, 'bound'], message: `"bound" goes with kind "bound", not "${f.kind}"` });
        if (f.kind === 'derived') {
          const d = f.derivedFrom;
          if (!d) {
            ctx.addIssue({ code: 'custom', path: [...at, 'derivedFrom'], message: 'a derived figure names its inputs: derivedFrom {numerator, denominator}' });
            continue;
          }
          const num = row[d.numerator];
          const den = row[d.denominator];
          if (!num || !den || num.kind === 'derived' || den.kind === 'derived') {
            ctx.addIssue({
              code: 'custom',
              path: [...at, 'derivedFrom'],
              message: `derivedFrom needs ${d.numerator} and ${d.denominator} in this row, neither of them derived`,
            });
            continue;
          }
          const expected = num.value / den.value;
          if (Math.abs(f.value / expected - 1) > DERIVED_RELATIVE_TOLERANCE) {
            ctx.addIssue({ code: 'custom', path: [...at, 'value'], message: `${d.numerator} ÷ ${d.denominator} = ${expected.toPrecision(4)}, not ${f.value}` });
          }
        } else {
          if (!f.source) ctx.addIssue({ code: 'custom', path: [...at, 'source'], message: 'a figure that is not derived names its source' });
          if (f.derivedFrom) ctx.addIssue({ code: 'custom', path: [...at, 'derivedFrom'], message: `derivedFrom goes with kind "derived", not "${f.kind}"` });
        }
        known(f.source, [...at, 'source']);
        known(f.interval?.source, [...at, 'interval', 'source']);
        f.revisions?.forEach((r, k) => known(r.source, [...at, 'revisions', k, 'source']));
        f.crossChecks?.forEach((r, k) => known(r.source, [...at, 'crossChecks', k, 'source']));
      }
    });
    const ids = new Set<string>();
    file.trends?.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['trends', i, 'id'], message: `trend "${t.id}" appears twice` });
      ids.add(t.id);
      known(t.source, ['trends', i, 'source']);
      known(t.interval?.source, ['trends', i, 'interval', 'source']);
      t.otherVersions?.forEach((o, k) => known(o.source, ['trends', i, 'otherVersions', k, 'source']));
    });
  })
  .describe('Observed training runs since the report and estimated growth rates, each figure with its source and snapshot.');

export type ObservationsFile = z.infer<typeof observationsFileSchema>;
export type ObservationRow = z.infer<typeof observationRowSchema>;
export type ObservedFigure = NonNullable<ObservationRow['trainingFlop']>;
export type ObservationSource = ObservationsFile['sources'][string];
export type Trend = z.infer<typeof trendSchema>;

/** One frontier figure: the figure of its year's frontier run for one quantity. */
export interface FrontierFigure {
  year: number;
  model: string;
  field: FigureField;
  figure: ObservedFigure;
}

/** The figures that stand for their years (each row's `frontier`), in file order. */
export function frontierFigures(file: ObservationsFile): FrontierFigure[] {
  return file.rows.flatMap((row) => (row.frontier ?? []).map((field) => ({ year: row.year, model: row.model, field, figure: row[field]! })));
}

/** A source and its snapshot in one line, e.g. "Epoch AI, … (github.com/…/model_costs.csv @ e13599f)". */
export function describeSource(file: ObservationsFile, id: string): string {
  const s = file.sources[id];
  if (!s) return id;
  const where = s.repository ? `${s.repository}/${s.path} @ ${s.commit!.slice(0, 7)}, ${s.date}` : `${s.url}${s.version ? `, ${s.version}` : ''}, ${s.date}`;
  return `${s.title} (${where})`;
}

/** Where a figure comes from, in one line: its source and snapshot, the entry and column read; for a derived figure, its inputs. */
export function describeFigure(file: ObservationsFile, f: ObservedFigure): string {
  if (f.kind === 'derived' && f.derivedFrom) return `derived: ${f.derivedFrom.numerator} ÷ ${f.derivedFrom.denominator} of the same row`;
  const read = [f.entry && `entry '${f.entry}'`, f.column && `column ${f.column}`].filter(Boolean).join(', ');
  return `${describeSource(file, f.source!)}${read ? `: ${read}` : ''}`;
}

/**
 * A trend's rate as orders of magnitude a year, positive for growth and for halving alike (a
 * halving time h says the quantity falls by log10(2)/h OOM a year).
 */
export function trendOomPerYear(unit: TrendUnit, x: number): number {
  switch (unit) {
    case 'halvingMonths':
      return (12 * Math.LOG10E * Math.LN2) / x;
    case 'halvingYears':
    case 'doublingYears':
      return (Math.LOG10E * Math.LN2) / x;
    case 'factorPerYear':
      return Math.log10(x);
  }
}

/** The quantities a hindcast projects and observations constrain, in the order tables and charts show them. */
export const HINDCAST_QUANTITIES = ['largestRun', 'flopPerUsd', 'spending'] as const;
export type HindcastQuantity = (typeof HINDCAST_QUANTITIES)[number];
