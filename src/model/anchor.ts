/**
 * An anchor: one hypothesis about the training compute a transformative model needs with 2020
 * algorithms, as a formula (log10 FLOP) over named, uncertain variables.
 */
import * as z from 'zod';
import { distributionSchema, finite, type Distribution } from './distribution.js';
import { CONSTANTS, FUNCTIONS, checkDomain, parseFormula, type Expr, type ParsedFormula } from './formula.js';
import type { Checked, Issue } from './issues.js';
import { drawProblem, supportOf } from './support.js';

export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names formulas reserve: functions, constants, and the requirement seen by curve formulas. */
export const RESERVED_NAMES = new Set<string>([...Object.keys(FUNCTIONS), ...Object.keys(CONSTANTS), 'requirement']);

const variableName = z
  .string()
  .regex(IDENTIFIER, 'a variable name must be an identifier (letters, digits, _; not starting with a digit)')
  .refine((name) => !RESERVED_NAMES.has(name), { message: 'this name is reserved (a function, a constant or "requirement")' });

/**
 * One step applied to the requirement after the formula. A step's randomness comes only from
 * declared variables (each drawn once per world), so "add X with probability p" is a variable that
 * is a mixture of a point at 0 (weight 1 − p) and X (weight p).
 */
const adjustmentSchema = z
  .strictObject({
    below: finite.optional().describe('Apply the step only when the requirement (so far) is below this (log10 FLOP).'),
    add: z.string().min(1).optional().describe('mathjs expression over the variables (and "requirement", the value so far) to add.'),
    atLeast: finite.optional().describe('Raise the requirement to this floor (log10 FLOP).'),
    roundTo: finite.gt(0).optional().describe("Round the requirement to a multiple of this, half to even (as Python's round(x, 1) for 0.1)."),
    description: z.string().optional(),
    source: z.string().optional(),
  })
  .superRefine((step, ctx) => {
    const kinds = (['add', 'atLeast', 'roundTo'] as const).filter((k) => step[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `a step has exactly one of "add", "atLeast" or "roundTo"; found ${kinds.length ? kinds.join(', ') : 'none'}` });
    } else if (step.below !== undefined && kinds[0] !== 'add') {
      ctx.addIssue({ code: 'custom', path: ['below'], message: '"below" applies only to an "add" step' });
    }
  })
  .describe('One adjustment of the requirement.');

export const anchorFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of anchor.schema.json, for editors.'),
    id: z.string().regex(SLUG, 'an id is lower-case letters, digits and dashes').describe('Stable id, used by scenarios; the file name without .json.'),
    label: z.string().min(1).describe('Short human name.'),
    description: z.string().min(1).describe('What the hypothesis says.'),
    sources: z.array(z.string().min(1)).min(1).describe('Where the numbers come from.'),
    variables: z
      .record(variableName, distributionSchema('variable'))
      .describe('The beliefs the formula combines, each a distribution with its unit. A variable is drawn once per simulated world.'),
    formula: z.string().min(1).describe('mathjs expression over the variables giving the requirement in log10 FLOP with 2020 algorithms.'),
    adjustments: z
      .array(adjustmentSchema)
      .optional()
      .describe(
        "Steps applied in order to the formula's value, e.g. an update against low requirements: add a formula (when below a level), raise to a floor, or round.",
      ),
    notes: z.string().optional().describe('Free text: choices made and why.'),
  })
  .describe('One anchor (hypothesis) of the biological anchors model.');

export type AnchorFile = z.infer<typeof anchorFileSchema>;

export interface AnchorVariable {
  name: string;
  unit: string;
  dist: Distribution;
}

/** A parsed adjustment step (see adjustmentSchema). */
export type Adjustment = { kind: 'add'; below: number; expr: Expr; source: string } | { kind: 'atLeast'; value: number } | { kind: 'roundTo'; step: number };

/** An anchor ready for the engine: variables resolved (with scenario overrides) and formula parsed. */
export interface Anchor {
  id: string;
  label: string;
  description: string;
  sources: string[];
  variables: AnchorVariable[];
  formula: ParsedFormula;
  /** Applied in order to the formula's value; empty for most anchors. */
  adjustments: Adjustment[];
}

/**
 * Builds an anchor from its validated file and the scenario's overrides of its variables
 * (already checked against the distribution schema). Issues carry paths into the anchor file,
 * or into `overrides` (prefixed by `overridePath`) when an override is at fault.
 */
export function buildAnchor(
  file: AnchorFile,
  overrides: Record<string, { dist: Distribution; path: (string | number)[] }>,
  closest: (a: string, b: readonly string[]) => string | undefined,
): Checked<Anchor> {
  const issues: Issue[] = [];
  const names = Object.keys(file.variables);
  const variables: AnchorVariable[] = names.map((name) => {
    const declared = file.variables[name];
    const override = overrides[name];
    if (override?.dist.unit !== undefined && override.dist.unit !== declared.unit) {
      issues.push({ path: [...override.path, 'unit'], message: `unit "${override.dist.unit}" does not match the anchor's "${declared.unit}"` });
    }
    const dist = override?.dist ?? declared;
    const problem = drawProblem(dist);
    if (problem) issues.push({ path: override ? [...override.path, 'truncate'] : ['variables', name, 'truncate'], message: problem });
    return { name, unit: declared.unit as string, dist };
  });
  const parsed = parseFormula(file.formula, names, closest);
  if (!parsed.ok) return { ok: false, issues: [...issues, { path: ['formula'], message: parsed.message }] };
  const ranges = Object.fromEntries(variables.map((v) => [v.name, supportOf(v.dist)]));
  const domain = checkDomain(parsed.formula.expr, ranges);
  if (domain.problem) issues.push({ path: ['formula'], message: `the formula can be undefined: ${domain.problem}` });
  else if (
    Object.values(ranges).every((r) => Number.isFinite(r.lo) && Number.isFinite(r.hi)) &&
    !(Number.isFinite(domain.range.lo) && Number.isFinite(domain.range.hi))
  ) {
    // Every variable is bounded, yet the formula's values reach infinity: they overflow (a point
    // value of 1e300 squared). With unbounded variables that is checked on the draws instead.
    issues.push({
      path: ['formula'],
      message: `the formula overflows: with its variables' values it reaches [${domain.range.lo}, ${domain.range.hi}]; use smaller values (the requirement is in log10 FLOP)`,
    });
  }
  const used = new Set(parsed.formula.variables);
  const adjustments: Adjustment[] = [];
  (file.adjustments ?? []).forEach((step, i) => {
    if (step.atLeast !== undefined) adjustments.push({ kind: 'atLeast', value: step.atLeast });
    else if (step.roundTo !== undefined) adjustments.push({ kind: 'roundTo', step: step.roundTo });
    else if (step.add !== undefined) {
      const add = parseFormula(step.add, [...names, 'requirement'], closest);
      if (!add.ok) {
        issues.push({ path: ['adjustments', i, 'add'], message: add.message });
        return;
      }
      const problem = checkDomain(add.formula.expr, { ...ranges, requirement: { lo: -Infinity, hi: Infinity } }).problem;
      if (problem) issues.push({ path: ['adjustments', i, 'add'], message: `the formula can be undefined: ${problem}` });
      for (const name of add.formula.variables) used.add(name);
      adjustments.push({ kind: 'add', below: step.below ?? Infinity, expr: add.formula.expr, source: step.add });
    }
  });
  const unused = names.filter((n) => !used.has(n));
  for (const name of unused) {
    issues.push({ path: ['variables', name], message: `variable "${name}" is declared but neither the formula nor an adjustment uses it` });
  }
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: { id: file.id, label: file.label, description: file.description, sources: file.sources, variables, formula: parsed.formula, adjustments },
  };
}
