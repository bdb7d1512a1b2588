import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedSchemas, SCHEMA_PATHS } from '../src/cli/commands/schemas.js';

describe('JSON Schemas', () => {
  it('the committed schemas match the code (regenerate with `npm run schemas`)', () => {
    const fresh = generatedSchemas();
    expect(readFileSync(SCHEMA_PATHS.anchor, 'utf8')).toBe(fresh.anchor);
    expect(readFileSync(SCHEMA_PATHS.scenario, 'utf8')).toBe(fresh.scenario);
    expect(readFileSync(SCHEMA_PATHS.observations, 'utf8')).toBe(fresh.observations);
  });

  it('describe the files users edit, with units and interval levels', () => {
    const anchor = JSON.parse(generatedSchemas().anchor);
    expect(anchor.required).toEqual(expect.arrayContaining(['id', 'label', 'variables', 'formula']));
    expect(JSON.stringify(anchor)).toMatch(/"level"/);
    const scenario = JSON.parse(generatedSchemas().scenario);
    expect(scenario.additionalProperties).toBe(false);
    expect(Object.keys(scenario.properties)).toEqual(expect.arrayContaining(['extends', 'anchors', 'pricePerformance', 'spending', 'algorithmicProgress']));
  });
});

describe('the JSON Schemas, as an editor uses them (ajv, draft 2020-12)', async () => {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT, fixture } = await import('./helpers.js');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const anchor = ajv.compile(JSON.parse(generatedSchemas().anchor));
  const scenario = ajv.compile(JSON.parse(generatedSchemas().scenario));
  const files = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
      .map((f) => join(dir, f));
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

  it.each(files(join(ROOT, 'anchors')))('accept the bundled anchor %s', (path) => {
    expect(anchor(read(path)), JSON.stringify(anchor.errors)).toBe(true);
  });
  it.each(files(join(ROOT, 'scenarios')))('accept the bundled scenario %s', (path) => {
    expect(scenario(read(path)), JSON.stringify(scenario.errors)).toBe(true);
  });
  it.each(['bad/unknown-key.json', 'bad/misspelt-dist.json'])('flag the structural mistake in %s', (name) => {
    expect(scenario(read(fixture(name)))).toBe(false);
  });
});
