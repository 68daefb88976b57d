/**
 * The analytic solvers (engine/erlang/) name their arguments (`ratePerSec`, `patience`,
 * `targets`); on the command line those are flags. A refusal is reworded to name the flag
 * that gave the value, so `ccsim erlang staff --rate 1e12/h` says `--rate × --aht`, not
 * `ratePerSec × handleSec` (issue 18: errors name the field, the rule and the value).
 */
import { InputError } from '../../engine/errors.js';

/** Leading argument names of the solvers' messages → the flags, longest first. */
const FLAGS: readonly (readonly [string, string])[] = [
  ['ratePerSec × handleSec', '--rate × --aht'],
  ['targets.serviceLevel', '--sl'],
  ['targets.targetSec', '--target'],
  ['targets.maxAsaSec', '--asa'],
  ['targets.maxOccupancy', '--max-occupancy'],
  ['targets.maxAbandon', '--max-abandon'],
  ['targets', 'the targets (--sl, --asa, --max-occupancy, --max-abandon)'],
  ['ratePerSec', '--rate'],
  ['handleSec', '--aht'],
  ['sessionHandleSec', '--aht'],
  ['patienceSec', '--patience'],
  ['patience', '--patience'],
  ['loadErlangs', '--load'],
  ['blocking', '--blocking'],
  ['concurrency', '--concurrency'],
  ['targetPWait', '--pwait'],
  ['shrinkage', '--shrinkage'],
  ['agents', '--agents'],
];

function reworded(problem: string): string {
  for (const [name, flag] of FLAGS) if (problem.startsWith(`${name}:`)) return `${flag}${problem.slice(name.length)}`;
  return problem;
}

/** Runs a solver, its InputErrors reworded to name flags. */
export async function withFlagNames<T>(solve: () => T | Promise<T>): Promise<T> {
  try {
    return await solve();
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.problems.map(reworded));
    throw err;
  }
}
