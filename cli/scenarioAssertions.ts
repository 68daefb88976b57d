/**
 * The assertions a command judges — the scenario's `assert:` lines and `--assert` flags —
 * read with their bounds in units (cli/assertionBounds.ts) and placed where they were written,
 * for `ccsim validate`, `check` and `staff` to resolve before any simulation
 * (analysis/assertionPaths.ts).
 */
import { parseAssertion, type Assertion } from '../analysis/assertions.js';
import type { PlacedAssertion } from '../analysis/assertionPaths.js';
import type { LoadedScenario } from '../scenarios/load.js';
import { plainBound } from './assertionBounds.js';

/** An assertion with its bound read in its unit (`20s`, `80%`), kept as written for the report. */
export function judged(text: string, label: string): Assertion {
  return { ...parseAssertion(plainBound(text, label), label), source: text.trim() };
}

/** The scenario's `assert:` entries, each placed at its line (`f.yaml:12:5 assert[2]`). */
export function scenarioAssertions(loaded: LoadedScenario): PlacedAssertion[] {
  const raw = (loaded.scenario as { assert?: unknown }).assert;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((text, i) => {
    if (typeof text !== 'string') return [];
    const where = loaded.where(['assert', i]);
    return [{ assertion: judged(text, where), where }];
  });
}

/** `--assert` flags, numbered as given. */
export function flagAssertions(texts: readonly string[]): PlacedAssertion[] {
  return texts.map((text, i) => ({ assertion: judged(text, `--assert #${i + 1}`), where: `--assert #${i + 1}` }));
}
