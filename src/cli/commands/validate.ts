/** `bioanchors validate`: check anchor, scenario and observations files; every problem as file:line:col. */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, formatProblem, UsageError } from '../../io/errors.js';
import { bundledAnchors, bundledScenarios } from '../../io/paths.js';
import { checkAnchorFile, inputFileKind, listJsonIds, loadScenario } from '../../io/load.js';
import { loadObservations } from '../../io/observations.js';
import type { CliContext } from '../context.js';

/** Returns the number of files with problems. */
export function validateCommand(ctx: CliContext, files: string[]): number {
  const targets = files.length
    ? files.map((f) => resolve(ctx.cwd, f))
    : [
        ...listJsonIds(bundledAnchors()).map((id) => join(bundledAnchors(), `${id}.json`)),
        ...listJsonIds(bundledScenarios()).map((id) => join(bundledScenarios(), `${id}.json`)),
      ];
  let failed = 0;
  for (const path of targets) {
    if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
    if (statSync(path).isDirectory()) throw new UsageError(`${path} is a folder; give the files to check (e.g. ${join(path, '*.json')})`);
    try {
      // Each kind is checked as the commands that read it check it: an anchor is built (formula
      // and all), a scenario loaded with its chain and anchors, observations as --given-observed reads them.
      const kind = inputFileKind(path);
      if (kind === 'anchor') checkAnchorFile(path);
      else if (kind === 'observations') loadObservations(path);
      else loadScenario(path);
      ctx.stdout.write(`ok      ${path}\n`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed++;
      ctx.stdout.write(`invalid ${path}\n`);
      for (const p of error.problems) ctx.stderr.write(`${formatProblem(p)}\n`);
    }
  }
  return failed;
}
