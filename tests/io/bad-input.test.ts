/**
 * Every kind of bad input gets a precise message (file:line:col where there is a place to
 * point at), exit code 3, and leaves no output file behind.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, tempDir } from '../helpers.js';

const CASES: [name: string, file: string, where: RegExp, message: RegExp][] = [
  ['malformed JSON', 'bad/malformed.json', /malformed\.json:4:21: /, /invalid JSON: expected a property name/],
  ['unknown key, with a suggestion', 'bad/unknown-key.json', /unknown-key\.json:4:3: /, /unknown key "horizonYaer".*did you mean "horizonYear"/],
  ['duplicate key', 'bad/duplicate-key.json', /duplicate-key\.json:5:3: /, /duplicate key "horizonYear" \(first given at line 4\)/],
  ['NaN', 'bad/nan.json', /nan\.json:4:34: /, /NaN/],
  ['1e999', 'bad/infinite.json', /infinite\.json:4:44: /, /1e999 is not a finite number/],
  ['inverted interval', 'bad/inverted-interval.json', /inverted-interval\.json:5:\d+: /, /inverted interval: low \(41\) must be below high \(31\)/],
  ['interval without its level', 'bad/interval-without-level.json', /interval-without-level\.json:4:\d+: /, /"level" is missing/],
  ['misspelt distribution', 'bad/misspelt-dist.json', /misspelt-dist\.json:4:\d+: /, /found the text "norml" \(did you mean "normal"\?\)/],
  ['negative doubling time', 'bad/negative-doubling.json', /negative-doubling\.json:4:25: /, /doublingYears .* must be positive; found -2\.5/],
  ['zero halving time', 'bad/zero-halving.json', /zero-halving\.json:4:28: /, /halving time .* must be positive; found 0/],
  [
    'doubling time that can be negative',
    'bad/uncertain-doubling.json',
    /uncertain-doubling\.json:4:\d+: /,
    /must be positive; its values range over \[-Infinity, Infinity\]; truncate/,
  ],
  ['negative weight', 'bad/negative-weight.json', /negative-weight\.json:4:\d+: /, /a weight must be between 0 and 1; found -0\.1/],
  ['weights above 1', 'bad/weights-over-one.json', /weights-over-one\.json:4:3: /, /anchor weights add up to 1\.1 \(.*\), more than 1; lower them/],
  ['extends cycle', 'bad/cycle-a.json', /cycle-b\.json:3:3: /, /"extends" makes a cycle: cycle-a\.json → cycle-b\.json → cycle-a\.json/],
  ['anchor that does not exist', 'bad/missing-anchor.json', /missing-anchor\.json:4:16: /, /no anchor "simple-lwo" \(did you mean "simple-low"\?\)/],
  [
    'formula over an undeclared variable',
    'typo/uses-typo.json',
    /typo\.json:10:3: /,
    /"brainLog10FlopPers" is not a declared variable \(did you mean "brainLog10FlopPerS"\?\)/,
  ],
  [
    'adjustment step with two kinds',
    'typo/uses-bad-adjustment.json',
    /bad-adjustment\.json:12:5: /,
    /adjustments\[1\]: a step has exactly one of "add", "atLeast" or "roundTo"; found atLeast, roundTo/,
  ],
  [
    'adjustment over an undeclared variable',
    'typo/uses-adjustment-typo.json',
    /adjustment-typo\.json:12:20: /,
    /"bmup" is not a declared variable \(did you mean "bump"\?\)/,
  ],
  [
    'formula that can be undefined',
    'typo/uses-undefined-log.json',
    /undefined-log\.json:9:3: /,
    /the formula can be undefined: log10\(…\) can be ≤ 0 .*truncate the variables involved or use a lognormal/,
  ],
];

describe('bad input files', () => {
  it.each(CASES)('%s: exit 3, located message, no output file', async (_name, file, where, message) => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const result = await cli(['run', fixture(file), '-n', '1000', '--format', 'csv', '--output', out]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(where);
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(CASES)('%s: `validate` reports it too, exit 3', async (_name, file, where) => {
    const result = await cli(['validate', fixture(file)]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^invalid /);
    expect(result.stderr).toMatch(where);
  });
});
