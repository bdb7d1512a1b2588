/** A problem a user can cause in an input, located by its path inside the (merged) document. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
