/**
 * An anchor: one hypothesis about the training compute a transformative model needs with 2020
 * algorithms, as a formula (log10 FLOP) over named, uncertain variables.
 */
import * as z from 'zod';
import { distributionSchema, type Distribution } from './distribution.js';
import { CONSTANTS, FUNCTIONS, checkDomain, parseFormula, type ParsedFormula } from './formula.js';
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
    formula: z
      .string()
      .min(1)
      .describe('mathjs expression over the variables giving the requirement in log10 FLOP with 2020 algorithms.'),
    notes: z.string().optional().describe('Free text: choices made and why.'),
  })
  .describe('One anchor (hypothesis) of the biological anchors model.');

export type AnchorFile = z.infer<typeof anchorFileSchema>;

export interface AnchorVariable {
  name: string;
  unit: string;
  dist: Distribution;
}

/** An anchor ready for the engine: variables resolved (with scenario overrides) and formula parsed. */
export interface Anchor {
  id: string;
  label: string;
  description: string;
  sources: string[];
  variables: AnchorVariable[];
  formula: ParsedFormula;
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
  const unused = names.filter((n) => !parsed.formula.variables.includes(n));
  for (const name of unused) {
    issues.push({ path: ['variables', name], message: `variable "${name}" is declared but the formula does not use it` });
  }
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: { id: file.id, label: file.label, description: file.description, sources: file.sources, variables, formula: parsed.formula },
  };
}
