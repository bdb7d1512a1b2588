/**
 * Distributions as users write them in anchor and scenario files, and their validation.
 *
 * Every interval names its probability level (`level`): a 90% interval is `"level": 0.9`.
 * Values are in the units the variable states (mostly log10 of something).
 */
import * as z from 'zod';

import type { Distribution } from '../dist/distribution.js';

// Each schema checks a few documents a run: zod's compiled fast path (made with new Function on
// first use) costs more to make than it saves here (loadInput cold: about 5-10 ms less without it).
z.config({ jitless: true });

export {
  DIST_KINDS,
  distributionKey,
  type Distribution,
  type Truncation,
  type PointDist,
  type NormalDist,
  type LognormalDist,
  type UniformDist,
  type TriangularDist,
  type MixtureDist,
} from '../dist/distribution.js';

/**
 * Largest magnitude of a number in these files. Anything the model computes from such numbers
 * (a sum of a few, an interval's width, a draw eight spreads from the median, a mixture's total
 * weight) stays finite; from 1e308 it overflows (weights of 1e308 added up to infinity, and every
 * world drew the last component).
 */
export const MAX_MAGNITUDE = 1e300;

/** A finite JSON number (JSON has no NaN, and 1e999 parses to Infinity, which this rejects) of at most MAX_MAGNITUDE. */
export const finite = z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE);

/**
 * Smallest interval level: below it 0.5 + level/2 keeps too few of the level's digits for the
 * spread it implies (at 1e-16 it is 0.5 exactly, and the spread infinite).
 */
export const MIN_LEVEL = 1e-6;

const level = finite
  .min(MIN_LEVEL)
  .lt(1)
  .describe('Probability that the interval [low, high] holds the value, e.g. 0.9 for a 90% interval (5th to 95th percentile).');

const truncation = z
  .strictObject({
    min: finite.optional().describe('Values below this are impossible (the distribution is renormalised).'),
    max: finite.optional().describe('Values above this are impossible (the distribution is renormalised).'),
  })
  .superRefine((t, ctx) => {
    if (t.min !== undefined && t.max !== undefined && !(t.min < t.max)) {
      ctx.addIssue({ code: 'custom', message: `inverted truncation: min (${t.min}) must be below max (${t.max})`, path: ['min'] });
    }
  });

export type DistContext = 'variable' | 'override' | 'component';

function metaFields(context: DistContext) {
  return {
    unit:
      context === 'variable'
        ? z.string().min(1).describe('Units of the value, e.g. "log10 FLOP/s".')
        : z.string().min(1).optional().describe('Units of the value; if given, must match the variable it overrides.'),
    description: z.string().optional(),
    source: z.string().optional().describe('Where this belief comes from.'),
    weight:
      context === 'component'
        ? finite.gt(0).describe('Relative weight of this component in the mixture.')
        : z.never().optional().describe('Only mixture components have a weight.'),
  };
}

function intervalOrSpread(
  d: { low?: number; high?: number; level?: number; median?: number },
  spreadKey: 'sd' | 'sdLn',
  spread: number | undefined,
  ctx: z.RefinementCtx,
  positive: boolean,
): void {
  const hasInterval = d.low !== undefined || d.high !== undefined || d.level !== undefined;
  const hasSpread = d.median !== undefined || spread !== undefined;
  if (hasInterval && hasSpread) {
    ctx.addIssue({ code: 'custom', message: `give either low/high/level or median/${spreadKey}, not both` });
    return;
  }
  if (hasInterval) {
    for (const key of ['low', 'high', 'level'] as const) {
      if (d[key] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `an interval needs low, high and level (the interval's probability, e.g. 0.9); "${key}" is missing`,
        });
      }
    }
    if (d.low !== undefined && d.high !== undefined && !(d.low < d.high)) {
      ctx.addIssue({ code: 'custom', path: ['high'], message: `inverted interval: low (${d.low}) must be below high (${d.high})` });
    }
    if (positive && d.low !== undefined && !(d.low > 0)) {
      ctx.addIssue({ code: 'custom', path: ['low'], message: `a lognormal's interval must be positive; low is ${d.low}` });
    }
    return;
  }
  if (d.median === undefined || spread === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `give low, high and level (an interval with its probability) or median and ${spreadKey}`,
    });
    return;
  }
  if (positive && !(d.median > 0)) {
    ctx.addIssue({ code: 'custom', path: ['median'], message: `a lognormal's median must be positive; found ${d.median}` });
  }
}

const schemaCache = new Map<DistContext, z.ZodType<Distribution>>();

/** The schema of one distribution object in the given context. */
export function distributionSchema(context: DistContext): z.ZodType<Distribution> {
  const cached = schemaCache.get(context);
  if (cached) return cached;
  const meta = metaFields(context);
  const point = z.strictObject({ dist: z.literal('point'), value: finite, ...meta });
  const normal = z
    .strictObject({
      dist: z.literal('normal'),
      low: finite.optional().describe('Lower end of the interval.'),
      high: finite.optional().describe('Upper end of the interval.'),
      level,
      median: finite.optional(),
      sd: finite.gt(0).optional().describe('Standard deviation.'),
      truncate: truncation.optional(),
      ...meta,
    })
    .partial({ level: true })
    .superRefine((d, ctx) => intervalOrSpread(d, 'sd', d.sd, ctx, false));
  const lognormal = z
    .strictObject({
      dist: z.literal('lognormal'),
      low: finite.optional().describe('Lower end of the interval (positive).'),
      high: finite.optional().describe('Upper end of the interval.'),
      level,
      median: finite.optional(),
      sdLn: finite.gt(0).optional().describe('Standard deviation of the natural logarithm.'),
      truncate: truncation.optional(),
      ...meta,
    })
    .partial({ level: true })
    .superRefine((d, ctx) => intervalOrSpread(d, 'sdLn', d.sdLn, ctx, true));
  const uniform = z.strictObject({ dist: z.literal('uniform'), min: finite, max: finite, ...meta }).superRefine((d, ctx) => {
    if (!(d.min < d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: `inverted range: min (${d.min}) must be below max (${d.max})` });
  });
  const triangular = z
    .strictObject({
      dist: z.literal('triangular'),
      min: finite,
      mode: finite.describe('Most likely value (may equal min or max).'),
      max: finite,
      ...meta,
    })
    .superRefine((d, ctx) => {
      if (!(d.min < d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: `inverted range: min (${d.min}) must be below max (${d.max})` });
      else if (!(d.mode >= d.min && d.mode <= d.max))
        ctx.addIssue({ code: 'custom', path: ['mode'], message: `mode (${d.mode}) must lie between min (${d.min}) and max (${d.max})` });
    });
  const mixture = z.strictObject({
    dist: z.literal('mixture'),
    get components(): z.ZodArray<z.ZodType<Distribution>> {
      return z.array(distributionSchema('component')).min(1);
    },
    truncate: truncation.optional(),
    ...meta,
  });
  const schema = z
    .discriminatedUnion('dist', [point, normal, lognormal, uniform, triangular, mixture])
    .meta({ id: { variable: 'Variable', override: 'Distribution', component: 'MixtureComponent' }[context] }) as unknown as z.ZodType<Distribution>;
  schemaCache.set(context, schema);
  return schema;
}
