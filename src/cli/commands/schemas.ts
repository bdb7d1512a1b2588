/** `bioanchors schemas`: the JSON Schemas of anchor and scenario files, generated from the code. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { anchorFileSchema } from '../../model/anchor.js';
import { scenarioFileSchema } from '../../model/scenario.js';
import { BUNDLED_ANCHORS, BUNDLED_SCENARIOS } from '../../io/paths.js';
import type { CliContext } from '../context.js';

export function generatedSchemas(): { anchor: string; scenario: string } {
  const render = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }), title }, null, 2)}\n`;
  return { anchor: render(anchorFileSchema, 'bioanchors anchor'), scenario: render(scenarioFileSchema, 'bioanchors scenario') };
}

export const SCHEMA_PATHS = { anchor: join(BUNDLED_ANCHORS, 'anchor.schema.json'), scenario: join(BUNDLED_SCENARIOS, 'scenario.schema.json') };

export function schemasCommand(ctx: CliContext, options: { write?: boolean }): void {
  const schemas = generatedSchemas();
  if (options.write) {
    writeFileSync(SCHEMA_PATHS.anchor, schemas.anchor);
    writeFileSync(SCHEMA_PATHS.scenario, schemas.scenario);
    ctx.stderr.write(`wrote ${SCHEMA_PATHS.anchor}\nwrote ${SCHEMA_PATHS.scenario}\n`);
    return;
  }
  ctx.stdout.write(JSON.stringify({ anchor: JSON.parse(schemas.anchor), scenario: JSON.parse(schemas.scenario) }, null, 2) + '\n');
}
