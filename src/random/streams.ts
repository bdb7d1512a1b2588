/**
 * Every random stream's name, in one list. A stream is (seed, chunk, name) (rng.ts): two uses of
 * one name draw the same numbers, so each use has a name of its own, namespaced by what draws from
 * it. A run's own draws are `run:…`; common random numbers across scenarios and variants are
 * `crn:…` (one stream per quantity, so every scenario that has the quantity shares it); the rest
 * belong to one analysis each. tests/random/streams.test.ts checks the names are distinct and that
 * no stream is named anywhere else.
 */
export const STREAMS = {
  /** A run's own draws: the anchor, its variables and requirement. */
  requirements: 'run:requirements',
  /** A run's own draws of its uncertain growth parameters. */
  curves: 'run:curves',
  /** Common random numbers: which anchor a world takes. */
  anchorChoice: 'crn:anchor-choice',
  /** Common random numbers: algorithmic progress's halving time and its maximum. */
  halvingYears: 'crn:algorithmic:halvingYears',
  maxOom: 'crn:algorithmic:maxOom',
  /** Growth draws of worlds with no anchor, which only observation weights need. */
  observedNoAnchorGrowth: 'observed:no-anchor-growth',
  /** Hindcast: draws of the growth parameters. */
  hindcastGrowth: 'hindcast:growth',
  /** A sweep's random design (Latin hypercube). */
  sweepDesign: 'sweep:design',
  /** Requirement draws of one anchor, and of "no anchor", for percentiles (rp-2020 checks, bench). */
  requirementDrawsAnchor: 'requirement-draws:anchor',
  requirementDrawsNoAnchor: 'requirement-draws:no-anchor',
  /** The closed-form check's empirical requirement CDF. */
  closedFormRequirements: 'closed-form:requirements',
  /** `show ANCHOR`'s requirement percentiles. */
  showRequirements: 'show:requirements',
} as const;

/** Common random numbers of an anchor variable: shared by every anchor (and scenario) that declares the name. */
export const variableStream = (name: string): string => `crn:variable:${name}`;

/** Common random numbers of a growth parameter, shared by every scenario. */
export const curveStream = (key: string): string => `crn:curve:${key}`;
