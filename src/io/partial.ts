/** Reads the parts of a split run (model/partial.ts) and checks that they make one whole run. */
import { addInto, type Counts } from '../engine/counts.js';
import { CHUNK_SIZE, chunkCount } from '../engine/loop.js';
import { partialRunSchema, type PartialRun } from '../model/partial.js';
import { InputError, UsageError } from './errors.js';
import { parseJsonDocument } from './json.js';
import { readInputText } from './load.js';
import { validateDocument } from './validate.js';

export function readPartial(path: string): PartialRun {
  // Read and checked as every input file is, so that a damaged part gets file:line:col messages.
  const notPartial = 'not a partial run written by `bioanchors run --chunks FROM:TO --format json`';
  const read = parseJsonDocument(path, readInputText(path));
  if (!read.ok) throw new InputError(read.problems.slice(0, 1).map((p) => ({ ...p, message: `${notPartial}: ${p.message}` })));
  const checked = validateDocument(read.doc, partialRunSchema);
  if (!checked.ok) throw new InputError(checked.problems.slice(0, 1).map((p) => ({ ...p, message: `${notPartial}: ${p.message}` })));
  const p: PartialRun = checked.value;
  if (!(p.chunks.from < p.chunks.to && p.chunks.to <= p.chunks.of))
    throw new InputError([{ file: path, message: `its chunk range ${p.chunks.from}:${p.chunks.to} of ${p.chunks.of} is not a range within the run` }]);
  if (p.counts.perAnchor.length !== p.plan.anchors.length || p.counts.perAnchor.some((h) => h.length !== p.plan.years.length + 1)) {
    throw new InputError([{ file: path, message: 'its counts do not match its years and anchors' }]);
  }
  // The counts must be those of its chunks: as many worlds as the range holds, each counted once.
  const samples = Number(p.manifest.samples);
  const expected = Math.min(samples, p.chunks.to * CHUNK_SIZE) - p.chunks.from * CHUNK_SIZE;
  const counted = p.counts.never + p.counts.perAnchor.reduce((s, h) => s + h.reduce((a, b) => a + b, 0), 0);
  if (!Number.isSafeInteger(samples) || p.chunks.of !== chunkCount(samples))
    throw new InputError([{ file: path, message: `its manifest's ${p.manifest.samples} worlds do not make ${p.chunks.of} chunks: the part was edited` }]);
  if (p.counts.worlds !== expected || counted !== expected || p.counts.nonFinite !== 0) {
    throw new InputError([
      {
        file: path,
        message: `its counts are not those of chunks ${p.chunks.from}:${p.chunks.to} (${expected} worlds, each counted once; found ${p.counts.worlds} worlds and ${counted} counted, ${p.counts.nonFinite} without a number): the part was edited or damaged`,
      },
    ]);
  }
  return p;
}

/** Everything but the range must be the same in every part: the same run, split. */
function runKey(p: PartialRun): string {
  return JSON.stringify({ manifest: p.manifest, plan: p.plan, summary: p.summary, overrides: p.overrides, of: p.chunks.of });
}

/** The parts' counts added up, after checking they are ranges of one run that cover it exactly once. */
export function mergePartials(parts: { path: string; partial: PartialRun }[]): { partial: PartialRun; counts: Counts } {
  if (parts.length === 0) throw new UsageError('merge needs the partial runs to merge');
  const [first] = parts;
  for (const part of parts.slice(1)) {
    if (runKey(part.partial) !== runKey(first.partial)) {
      const a = first.partial;
      const b = part.partial;
      const differs = (['manifest', 'plan', 'summary', 'overrides'] as const).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
      const fields = differs.includes('manifest')
        ? Object.keys({ ...a.manifest, ...b.manifest }).filter(
            (k) => JSON.stringify(a.manifest[k as keyof typeof a.manifest]) !== JSON.stringify(b.manifest[k as keyof typeof b.manifest]),
          )
        : [];
      throw new InputError([
        {
          file: part.path,
          message: `is a part of another run than ${first.path}: they differ in ${[...fields.map((f) => `manifest.${f}`), ...differs.filter((d) => d !== 'manifest')].join(', ') || 'their number of chunks'}; parts can only be merged with parts of the same run`,
        },
      ]);
    }
  }
  const sorted = [...parts].sort((a, b) => a.partial.chunks.from - b.partial.chunks.from);
  let next = 0;
  for (const part of sorted) {
    const { from, to } = part.partial.chunks;
    if (from < next) throw new UsageError(`${part.path} (chunks ${from}:${to}) overlaps another part: each chunk must be counted once`);
    if (from > next) throw new UsageError(`chunks ${next}:${from} are missing: no part covers them (the run has ${first.partial.chunks.of} chunks)`);
    next = to;
  }
  if (next !== first.partial.chunks.of) throw new UsageError(`chunks ${next}:${first.partial.chunks.of} are missing: no part covers them`);
  const counts: Counts = {
    worlds: 0,
    never: 0,
    nonFinite: 0,
    perAnchor: first.partial.plan.anchors.map(() => new Float64Array(first.partial.plan.years.length + 1)),
  };
  for (const { partial } of sorted) {
    counts.worlds += partial.counts.worlds;
    counts.never += partial.counts.never;
    counts.nonFinite += partial.counts.nonFinite;
    counts.firstNonFinite ??= partial.counts.firstNonFinite;
    partial.counts.perAnchor.forEach((h, i) => addInto(counts.perAnchor[i], h));
  }
  return { partial: first.partial, counts };
}
