/**
 * Observations since the report: per year, the largest known training run, the price-performance
 * of the compute it used, and what it cost. Every figure names its source and whether it was
 * reported by the developer, estimated by a third party, derived from other rows, or is a bound.
 */
import * as z from 'zod';
import { finite } from './distribution.js';

const figure = (unit: string) =>
  z
    .strictObject({
      value: finite.gt(0).describe(`The figure, in ${unit} (not log10).`),
      kind: z
        .enum(['reported', 'estimate', 'derived', 'lower-bound'])
        .describe('reported: stated by the developer; estimate: a third party\'s estimate; derived: computed from other figures of this row (say how); lower-bound: the true value is at least this.'),
      source: z.string().min(1).describe('Who published the figure, where (title, URL or repository and commit).'),
      uncertainty: z.string().min(1).optional().describe("The source's own statement of uncertainty, if it gives one; otherwise say that it gives none."),
      note: z.string().optional(),
    })
    .describe(`A sourced figure, in ${unit}.`);

export const observationRowSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100).describe('Year the run was published (the model released or announced).'),
  model: z.string().min(1).describe('The training run (model) the figures are about.'),
  trainingFlop: figure('FLOP').optional().describe('Compute of the largest known training run published that year.'),
  flopPerUsd: figure('FLOP per US dollar').optional().describe('Price-performance of the compute used for that run.'),
  costUsd: figure('US dollars').optional().describe('Estimated cost of that run.'),
  note: z.string().optional(),
});

export const observationsFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().min(1),
    yearConvention: z.string().min(1).describe('What a row\'s year means and which projected year it is compared with.'),
    missing: z.string().optional().describe('Years or figures left out, and why.'),
    rows: z.array(observationRowSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<number>();
    file.rows.forEach((row, i) => {
      if (seen.has(row.year)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'year'], message: `year ${row.year} appears twice; give one row per year` });
      seen.add(row.year);
      if (!row.trainingFlop && !row.flopPerUsd && !row.costUsd) {
        ctx.addIssue({ code: 'custom', path: ['rows', i], message: 'a row needs at least one of trainingFlop, flopPerUsd, costUsd' });
      }
    });
  })
  .describe('Observed training runs since the report, each figure with its source.');

export type ObservationsFile = z.infer<typeof observationsFileSchema>;
export type ObservationRow = z.infer<typeof observationRowSchema>;
export type ObservedFigure = NonNullable<ObservationRow['trainingFlop']>;
