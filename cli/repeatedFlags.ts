/**
 * A flag that takes one value given twice (`--format json --format csv`, `-r 3 -r 4`) is a
 * usage error naming the flag, found right after parsing, before any work. yargs collects
 * the repeated values of any flag into a list, which a command expecting one value would
 * misread (issue 17: it used to surface as an internal error, for a sweep only after every
 * task had run). Flags declared as lists (`--set`, `--vary`, `--assert`) are left alone.
 */
import { InputError } from '../engine/errors.js';

/** What yargs knows of the declared options (the second argument of a `check`). */
interface DeclaredOptions {
  /** Every declared key, aliases included. */
  readonly key: Readonly<Record<string, unknown>>;
  /** Keys declared `array: true` (and variadic positionals). */
  readonly array: readonly string[];
  /** A key → its aliases (`replications` → `['r']`). */
  readonly alias: Readonly<Record<string, readonly string[]>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function declaredOptions(options: unknown): DeclaredOptions | undefined {
  if (!isRecord(options) || !isRecord(options.key) || !Array.isArray(options.array) || !isRecord(options.alias)) return undefined;
  const alias: Record<string, readonly string[]> = {};
  for (const [name, list] of Object.entries(options.alias)) if (Array.isArray(list)) alias[name] = list.map(String);
  return { key: options.key, array: options.array.map(String), alias };
}

const flagName = (name: string): string => (name.length === 1 ? `-${name}` : `--${name}`);

/** One line per single-valued flag given more than once. */
export function repeatedFlagProblems(argv: Readonly<Record<string, unknown>>, options: unknown): string[] {
  const declared = declaredOptions(options);
  if (declared === undefined) return [];
  const aliases = new Set(Object.values(declared.alias).flat());
  const problems: string[] = [];
  for (const name of Object.keys(declared.key)) {
    const value = argv[name];
    if (aliases.has(name) || declared.array.includes(name) || !Array.isArray(value)) continue;
    const also = (declared.alias[name] ?? []).map(flagName);
    const flag = also.length > 0 ? `${flagName(name)} (${also.join(', ')})` : flagName(name);
    const given = value.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ');
    problems.push(`${flag}: given ${value.length} times (${given}); it takes one value: give it once`);
  }
  return problems;
}

/** The check yargs runs on every command: `true`, or the usage error. */
export function checkRepeatedFlags(argv: Readonly<Record<string, unknown>>, options: unknown): true | InputError {
  const problems = repeatedFlagProblems(argv, options);
  return problems.length === 0 ? true : new InputError(problems);
}
