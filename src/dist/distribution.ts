/**
 * Distributions as users write them in anchor and scenario files: their shapes and their identity
 * as text. Their validation (the file schema) is in model/distribution.ts.
 *
 * Every interval names its probability level (`level`): a 90% interval is `"level": 0.9`.
 * Values are in the units the variable states (mostly log10 of something).
 */

export interface Truncation {
  min?: number;
  max?: number;
}

interface Meta {
  unit?: string;
  description?: string;
  source?: string;
  /** Only inside a mixture's `components`. */
  weight?: number;
}

export interface PointDist extends Meta {
  dist: 'point';
  value: number;
}
export interface NormalDist extends Meta {
  dist: 'normal';
  low?: number;
  high?: number;
  level?: number;
  median?: number;
  sd?: number;
  truncate?: Truncation;
}
export interface LognormalDist extends Meta {
  dist: 'lognormal';
  low?: number;
  high?: number;
  level?: number;
  median?: number;
  /** Standard deviation of the natural logarithm. */
  sdLn?: number;
  truncate?: Truncation;
}
export interface UniformDist extends Meta {
  dist: 'uniform';
  min: number;
  max: number;
}
export interface TriangularDist extends Meta {
  dist: 'triangular';
  min: number;
  mode: number;
  max: number;
}
export interface MixtureDist extends Meta {
  dist: 'mixture';
  components: Distribution[];
  truncate?: Truncation;
}
export type Distribution = PointDist | NormalDist | LognormalDist | UniformDist | TriangularDist | MixtureDist;

export const DIST_KINDS = ['point', 'normal', 'lognormal', 'uniform', 'triangular', 'mixture'] as const;

/** Fields that describe a distribution without changing it. */
const DESCRIPTIVE = new Set(['unit', 'description', 'source']);

/**
 * A distribution's identity as text: its fields in sorted order (components too), without the
 * descriptive ones. Two distributions with the same key draw the same values from the same uniforms.
 */
export function distributionKey(d: Distribution): string {
  const canonical = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(canonical)
      : x !== null && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x)
              .filter((k) => !DESCRIPTIVE.has(k))
              .sort()
              .map((k) => [k, canonical((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify(canonical(d));
}
