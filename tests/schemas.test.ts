import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedSchemas, SCHEMA_PATHS } from '../src/cli/commands/schemas.js';

describe('JSON Schemas', () => {
  it('the committed schemas match the code (regenerate with `npm run schemas`)', () => {
    const fresh = generatedSchemas();
    expect(readFileSync(SCHEMA_PATHS.anchor, 'utf8')).toBe(fresh.anchor);
    expect(readFileSync(SCHEMA_PATHS.scenario, 'utf8')).toBe(fresh.scenario);
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
