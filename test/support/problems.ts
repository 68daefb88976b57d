/** The problems of the `InputError` an action throws (a test helper: the action must throw one). */
import { InputError } from '../../engine/errors.js';
import { loadScenarioText } from '../../scenarios/load.js';

export function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

/** The problems loading scenario `text` (as a file named x.yaml) reports. */
export function scenarioProblems(text: string): readonly string[] {
  return problemsOf(() => loadScenarioText(text, 'x.yaml'));
}
