/**
 * Assertion paths resolved before anything is simulated (issue 18, goal 4). What a run
 * result's summary holds — its scopes, ids and metrics — follows from the compiled model
 * alone: a result of no replications has every path a real run of the model will have (with
 * null values). So `ccsim validate`, `check` and `staff` refuse an assertion that names
 * nothing there at once, where they used to find out after the simulation.
 */
import { InputError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { resolveAssertion, type Assertion } from './assertions.js';
import { buildRunResult } from './run/result.js';

/** An assertion and where it was written: `f.yaml:12:5 assert[2]`, `--assert #1`. */
export interface PlacedAssertion {
  readonly assertion: Assertion;
  readonly where: string;
}

/** One problem per assertion whose path names no scope, id or metric of `model`'s runs. */
export function assertionPathProblems(model: Model, placed: readonly PlacedAssertion[]): string[] {
  if (placed.length === 0) return [];
  const shape = buildRunResult(model, model.seed, [], { intervals: false });
  return placed.flatMap(({ assertion, where }) => {
    try {
      resolveAssertion(shape, assertion);
      return [];
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return err.problems.map((p) => `${where}: ${p}`);
    }
  });
}

/** As `assertionPathProblems`, thrown as one InputError (exit 2) listing them all. */
export function checkAssertionPaths(model: Model, placed: readonly PlacedAssertion[]): void {
  const problems = assertionPathProblems(model, placed);
  if (problems.length > 0) throw new InputError(problems);
}
