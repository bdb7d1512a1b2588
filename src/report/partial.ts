/**
 * A partial run (`run --chunks FROM:TO`): the arrival counts of a range of chunks with all a merge
 * needs to print the forecast the whole run would print (io/partial.ts reads it back). Chunks are
 * independent and counts add up exactly, so a run split into ranges over many machines and merged
 * is the same run, byte for byte.
 */
import type { Counts } from '../engine/counts.js';
import type { SummaryOptions, SummaryPlan } from '../engine/summary.js';
import type { Manifest } from './json.js';

export const PARTIAL_FORMAT = 'bioanchors-partial-1';

export interface ChunkRange {
  from: number;
  to: number;
  /** Chunks in the whole run. */
  of: number;
}

export interface Partial {
  format: typeof PARTIAL_FORMAT;
  /** The whole run's manifest (the same in every part), and this part's range of chunks. */
  manifest: Manifest;
  chunks: ChunkRange;
  plan: { years: number[]; anchors: { id: string; label: string; weight: number }[]; scenario: SummaryPlan['scenario'] };
  summary: SummaryOptions;
  /** --set and --horizon as typed, for the labels of the merged output. */
  overrides: string[];
  counts: { worlds: number; never: number; nonFinite: number; perAnchor: number[][]; firstNonFinite?: Counts['firstNonFinite'] };
}

export function partialOf(plan: SummaryPlan, counts: Counts, manifest: Manifest, chunks: ChunkRange, summary: SummaryOptions, overrides: string[]): Partial {
  const { id, label, startYear, horizonYear, noneWeight } = plan.scenario;
  return {
    format: PARTIAL_FORMAT,
    manifest,
    chunks,
    plan: { years: [...plan.years], anchors: plan.anchors.map((a) => ({ id: a.id, label: a.label, weight: a.weight })), scenario: { id, label, startYear, horizonYear, noneWeight } },
    summary,
    overrides,
    counts: {
      worlds: counts.worlds,
      never: counts.never,
      nonFinite: counts.nonFinite,
      perAnchor: counts.perAnchor.map((h) => Array.from(h)),
      ...(counts.firstNonFinite ? { firstNonFinite: counts.firstNonFinite } : {}),
    },
  };
}

export function renderPartial(partial: Partial): string {
  return `${JSON.stringify(partial)}\n`;
}
