/**
 * docs/cli.md in step with the command line: each command's section lists every option the
 * command has, in the words of its --help (flags, description, default and choices, as commander
 * prints them), and no option it does not have. `npm run docs:cli` rewrites those rows from the
 * code (DOCS_UPDATE=1), after a change to an option.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

const file = join(import.meta.dirname, '..', '..', 'docs', 'cli.md');
const sink = { write: () => true };
const program = buildProgram({ stdout: sink, stderr: sink, env: {}, cwd: process.cwd() } as never, () => {});
const isOptionRow = (line: string) => /^\| `-/.test(line);
const docs = process.env.DOCS_UPDATE ? updated(readFileSync(file, 'utf8')) : readFileSync(file, 'utf8');

/** The section of docs/cli.md of a command: from its heading to the next. */
function section(name: string): string {
  const start = docs.indexOf(`### \`${name}\``);
  if (start < 0) return '';
  const next = docs.indexOf('\n### ', start + 1);
  return docs.slice(start, next < 0 ? undefined : next);
}

/** docs/cli.md with each command's option rows made from the code (written back). */
function updated(text: string): string {
  const lines = text.split('\n');
  let command: Command | undefined;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heading = /^### `([^`]+)`/.exec(lines[i]);
    if (heading) command = program.commands.find((c) => c.name() === heading[1]);
    if (command && isOptionRow(lines[i])) {
      while (i + 1 < lines.length && isOptionRow(lines[i + 1])) i++;
      out.push(...command.options.map((o) => row(command as Command, o)));
      continue;
    }
    out.push(lines[i]);
  }
  const result = out.join('\n');
  writeFileSync(file, result);
  return result;
}

/** An option as a row of the section's table, as --help describes it. */
function row(command: Command, option: Option): string {
  const description = command.createHelp().optionDescription(option).replace(/\s+/g, ' ').replaceAll('|', '\\|');
  return `| \`${option.flags}\` | ${description} |`;
}

describe('docs/cli.md', () => {
  it.each(program.commands.map((c) => [c.name(), c] as const))('%s: every option as --help gives it, and no other', (name, command) => {
    const text = section(name);
    expect(text, `docs/cli.md has no section ### \`${name}\``).not.toBe('');
    const expected = command.options.map((o) => row(command, o));
    const documented = text.split('\n').filter(isOptionRow);
    expect(documented).toEqual(expected);
  });
});
