/** `bioanchors schemas`: the JSON Schemas of anchor, scenario and observation files, generated from the code. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { anchorFileSchema } from '../../model/anchor.js';
import { observationsFileSchema } from '../../model/observations.js';
import { scenarioFileSchema } from '../../model/scenario.js';
import { BUNDLED_ANCHORS, BUNDLED_SCENARIOS, PACKAGE_ROOT } from '../../io/paths.js';
import type { CliContext } from '../context.js';

export function generatedSchemas(): { anchor: string; scenario: string; observations: string } {
  const render = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }), title }, null, 2)}\n`;
  return {
    anchor: render(anchorFileSchema, 'bioanchors anchor'),
    scenario: render(scenarioFileSchema, 'bioanchors scenario'),
    observations: render(observationsFileSchema, 'bioanchors observations'),
  };
}

export const SCHEMA_PATHS = { anchor: join(BUNDLED_ANCHORS, 'anchor.schema.json'), scenario: join(BUNDLED_SCENARIOS, 'scenario.schema.json'),
  observations: join(PACKAGE_ROOT, 'data', 'observations.schema.json'),
};

export function schemasCommand(ctx: CliContext, options: { write?: boolean }): void {
  const schemas = generatedSchemas();
  if (options.write) {
    writeFileSync(SCHEMA_PATHS.anchor, schemas.anchor);
    writeFileSync(SCHEMA_PATHS.scenario, schemas.scenario);
    writeFileSync(SCHEMA_PATHS.observations, schemas.observations);
    ctx.stderr.write(`wrote ${SCHEMA_PATHS.anchor}\nwrote ${SCHEMA_PATHS.scenario}\nwrote ${SCHEMA_PATHS.observations}\n`);
    return;
  }
  ctx.stdout.write(
    JSON.stringify({ anchor: JSON.parse(schemas.anchor), scenario: JSON.parse(schemas.scenario), observations: JSON.parse(schemas.observations) }, null, 2) + '\n',
  );
}
