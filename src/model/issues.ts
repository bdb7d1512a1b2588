/** A problem a user can cause in an input, located by its path inside the (merged) document. */
export interface Issue {
  path: (string | number)[];
  message: string;
  /** Other places that share the blame (e.g. startYear for a horizonYear before it): the one set last is reported. */
  related?: (string | number)[][];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
