/**
 * A problem found in a scenario, before it is tied to a place in the file. Problems are
 * collected from every stage (YAML syntax, `--set`, the schema, the cross-field rules) and
 * reported all at once, each as `file:line:col path.to.field: rule (got X) (did you mean …)`.
 */
export type PathSegment = string | number;

export interface Problem {
  /** Where in the scenario data; `[]` is the whole document. */
  readonly path: readonly PathSegment[];
  /** The rule broken, as a sentence fragment: `must be a positive duration`. */
  readonly message: string;
  /** Point at the key itself rather than its value (unknown and duplicate keys). */
  readonly atKey?: boolean;
  /** The offending value, printed as `(got …)`; absent when nothing was given. */
  readonly got?: { readonly value: unknown };
  /** A fix, e.g. `(did you mean "patience"?)`. */
  readonly hint?: string;
  /** A position known directly (YAML syntax errors), 1-based. */
  readonly position?: { readonly line: number; readonly col: number };
}

/**
 * `params` a schema gives a custom issue to say where it points (scenarios/validation.ts):
 * at the key of the field rather than its value, without printing the value (a rule about
 * the whole mapping); or at a key that is itself wrong (a field path in a `sweep:` block),
 * printing the key as the value received.
 */
export const AT_KEY = { atKey: true } as const;
export const BAD_KEY = { badKey: true } as const;

/** `channels[0].handle.mean`; the whole document is `(document)`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(document)' : out;
}

const MAX_GOT_CHARS = 60;

/** A value as the user would recognise it: strings quoted, long values shortened. */
export function formatValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'number') text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_GOT_CHARS ? `${text.slice(0, MAX_GOT_CHARS - 1)}…` : text;
}

/** The value at `path` in plain data, or `undefined` (own properties only). */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/** Whether `prefix` is a prefix of (or equal to) `path`. */
export function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}
