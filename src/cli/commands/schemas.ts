/** `bioanchors schemas`: the JSON Schemas of anchor, scenario and observation files, generated from the code. */
import { join } from 'node:path';
import * as z from 'zod';
import { anchorFileSchema } from '../../model/anchor.js';
import { observationsFileSchema } from '../../model/observations.js';
import { scenarioFileSchema } from '../../model/scenario.js';
import { files } from '../../io/files.js';
import { bundledAnchors, bundledScenarios } from '../../io/paths.js';
import type { CliContext } from '../context.js';
import { prepareOutput, writeAtomic } from '../output.js';

export function generatedSchemas(): { anchor: string; scenario: string; observations: string } {
  const render = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }), title }, null, 2)}\n`;
  return {
    anchor: render(anchorFileSchema, 'bioanchors anchor'),
    scenario: render(scenarioFileSchema, 'bioanchors scenario'),
    observations: render(observationsFileSchema, 'bioanchors observations'),
  };
}

export const SCHEMA_PATHS = {
  anchor: join(bundledAnchors(), 'anchor.schema.json'),
  scenario: join(bundledScenarios(), 'scenario.schema.json'),
  observations: join(files().root, 'data', 'observations.schema.json'),
};

export function schemasCommand(ctx: CliContext, options: { write?: boolean }): void {
  const schemas = generatedSchemas();
  if (options.write) {
    // The package's own schema files (for development: `npm run schemas`). All three are checked
    // before any is written, and each is written atomically.
    const targets = (['anchor', 'scenario', 'observations'] as const).map((kind) => [kind, prepareOutput(ctx, SCHEMA_PATHS[kind])!] as const);
    for (const [kind, target] of targets) writeAtomic(target, schemas[kind]);
    ctx.stderr.write(`wrote ${SCHEMA_PATHS.anchor}\nwrote ${SCHEMA_PATHS.scenario}\nwrote ${SCHEMA_PATHS.observations}\n`);
    return;
  }
  ctx.stdout.write(
    `${JSON.stringify({ anchor: JSON.parse(schemas.anchor), scenario: JSON.parse(schemas.scenario), observations: JSON.parse(schemas.observations) }, null, 2)}\n`,
  );
}
