/** Problems in input files, located by file, line and column: the CLI exits 3 with these. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}: ${p.message}`;
}

export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    // One message per place: a value shared by several anchors is reported once.
    super([...new Set(problems.map(formatProblem))].join('\n'));
    this.name = 'InputError';
  }
}

/** A mistake on the command line itself: the CLI exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
