/**
 * What produced a result (every JSON output carries it, and a partial run keeps it): the tool, the
 * scenario, seed and worlds, the files read with their SHA-256, the overrides and the conditioning.
 * One definition: the schema a partial run is checked against, and the type every result uses.
 */
import * as z from 'zod';

export const manifestSchema = z.object({
  tool: z.string(),
  version: z.string(),
  scenario: z.string(),
  seed: z.number(),
  samples: z.number(),
  /** Inputs read, with their SHA-256, so a result can be matched to its files. */
  files: z.array(z.object({ path: z.string(), sha256: z.string() })),
  sets: z.array(z.string()),
  /** How year rows and dates read (model/years.ts). */
  yearConvention: z.string(),
  /** The precision asked for with --target-se, if any. */
  targetSe: z.object({ probability: z.number().optional(), medianYears: z.number().optional() }).optional(),
  /** Set when the results are conditioned on no TAI by this year. */
  givenNoTaiBy: z.number().int().optional(),
  /** Set when the worlds are weighted by observations (--given-observed). */
  givenObserved: z
    .object({
      file: z.string(),
      observationErrorOom: z.number(),
      /** The yearly levels used, when not all (--observed-levels). */
      levels: z.union([z.literal('none'), z.array(z.string())]).optional(),
      /** The trend estimates used (--observed-trends): the parameter each bears on and the normal in log10 of its rate. */
      trends: z.array(z.object({ id: z.string(), parameter: z.string(), log10OomPerYear: z.number(), sdLog10: z.number() })).optional(),
      /** The transfer error added to every trend's (--trend-error). */
      trendErrorOom: z.number().optional(),
    })
    .optional(),
  /** How several scenarios' draws relate (compare, sensitivity). */
  pairing: z.string().optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
