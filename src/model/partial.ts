/**
 * A partial run (`run --chunks FROM:TO`): the arrival counts of a range of chunks with all a merge
 * needs to print the forecast the whole run would print. Chunks are independent and counts add up
 * exactly, so a run split into ranges over many machines and merged is the same run, byte for byte.
 * The schema is the one definition of the format: io/partial.ts checks files against it.
 */
import * as z from 'zod';
import { manifestSchema } from './manifest.js';

export const PARTIAL_FORMAT = 'bioanchors-partial-1';

const nonNegativeInt = z.number().int().nonnegative();

export const chunkRangeSchema = z.object({ from: nonNegativeInt, to: nonNegativeInt, of: nonNegativeInt });
/** Chunks [from, to) of a run of `of` chunks. */
export type ChunkRange = z.infer<typeof chunkRangeSchema>;

export const partialRunSchema = z.object({
  format: z.literal(PARTIAL_FORMAT),
  /** The whole run's manifest (the same in every part). */
  manifest: manifestSchema,
  /** This part's range of chunks. */
  chunks: chunkRangeSchema,
  plan: z.object({
    years: z.array(z.number().int()).min(1),
    anchors: z.array(z.object({ id: z.string(), label: z.string(), weight: z.number() })),
    scenario: z.object({ id: z.string(), label: z.string(), startYear: z.number().int(), horizonYear: z.number().int(), noneWeight: z.number() }),
  }),
  summary: z.object({ givenNoTaiBy: z.number().int().optional() }),
  /** --set and --horizon as typed, for the labels of the merged output. */
  overrides: z.array(z.string()),
  counts: z.object({
    worlds: nonNegativeInt,
    never: nonNegativeInt,
    nonFinite: nonNegativeInt,
    perAnchor: z.array(z.array(nonNegativeInt)),
    firstNonFinite: z.object({ anchorId: z.string(), values: z.record(z.string(), z.number()) }).optional(),
  }),
});

export type PartialRun = z.infer<typeof partialRunSchema>;
