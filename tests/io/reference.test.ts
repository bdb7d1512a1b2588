/** Reference curves (--reference): CSV of year,p, fractions or percent. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/io/errors.js';
import { cotra2020Reference, parseReferenceCsv, readReferenceCsv } from '../../src/io/reference.js';
import { fixture } from '../helpers.js';

const problems = (text: string) => {
  try {
    parseReferenceCsv('ref.csv', text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('reference curves', () => {
  it('reads fractions, with or without a header', () => {
    expect(parseReferenceCsv('r', '2030,0.1\n2040,0.3\n')).toEqual([
      { year: 2030, p: 0.1 },
      { year: 2040, p: 0.3 },
    ]);
    expect(parseReferenceCsv('r', 'year,p\n2030,0.1\n2040,0.3')).toEqual([
      { year: 2030, p: 0.1 },
      { year: 2040, p: 0.3 },
    ]);
  });

  it('reads percent when the header says so or a value exceeds 1', () => {
    expect(parseReferenceCsv('r', 'year,p_percent\n2030,0.5\n2040,1')[0].p).toBeCloseTo(0.005, 12);
    expect(parseReferenceCsv('r', '2030,10\n2040,30')[1].p).toBeCloseTo(0.3, 12);
  });

  it('rejects bad rows with file:line', () => {
    expect(problems('year,p\n2030,abc\n2040,0.2')).toBe('ref.csv:2:1: expected "year,p" with a whole year and a probability; found "2030,abc"');
    expect(problems('2030,0.1\n2020,0.2')).toMatch(/^ref\.csv:2:1: years must increase/);
    expect(problems('2030,0.1\n2040,-0.2')).toMatch(/outside 0–1/);
    expect(problems('year,p\n2030,0.1')).toMatch(/at least two rows/);
  });

  it('ships the Cotra (2020) curve, identical to the test fixture', () => {
    expect(readFileSync(cotra2020Reference(), 'utf8')).toBe(readFileSync(fixture('reference', 'cotra-2020-best-guess-cdf.csv'), 'utf8'));
    const points = readReferenceCsv(cotra2020Reference());
    expect(points[0]).toEqual({ year: 2024, p: 0.02 });
    expect(points).toHaveLength(77);
  });
});
