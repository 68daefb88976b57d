/**
 * Bounds written with units (issue 17), for the commands that judge metrics: `ccsim check`
 * (`--assert`, the scenario's `assert:`), `ccsim staff` (the scenario's `assert:`) and
 * `ccsim sweep --subject-to`. `asaSec <= 20s` is read as 20 seconds, `serviceLevel >= 80%`
 * as 0.8; a bound that cannot be meant — a share above 1 (`serviceLevel >= 80` never
 * passes), a percentage on a time, a duration on a count — is a usage error with the fix,
 * before anything runs. The syntax and the rule are scenarios/assertion.ts's; what a
 * metric measures is read from its name as the reports label it (reports/metricFormat.ts).
 *
 * The result is the same text with a plain-number bound, which the judging code
 * (analysis/assertions.ts, analysis/objective.ts) reads as before.
 */
import { InputError } from '../engine/errors.js';
import { metricKind } from '../reports/metricFormat.js';
import { boundProblem, type MetricMeasure, readAssertion } from '../scenarios/assertion.js';

function measureOf(metric: string): MetricMeasure {
  const kind = metricKind(metric);
  return kind === 'percent' ? 'share' : kind === 'seconds' ? 'seconds' : 'other';
}

/**
 * `text` with its bound as a plain number (`channels.voice.asaSec <= 20`), or `text` itself
 * when it is not an assertion (the judging code then says what it expected); `label` names
 * where it came from (`--assert #1`, `f.yaml: assert[2]`, `--subject-to`).
 */
export function plainBound(text: string, label: string): string {
  // `≥`, `≤` and a leading `summary.` are read by the judging code too.
  const read = readAssertion(text.replace('≥', '>=').replace('≤', '<=').replace(/^\s*summary\./, ''));
  if (!read.ok) {
    if (read.failed === 'unit') throw new InputError(`${label}: "${text.trim()}": ${read.reason}`);
    return text;
  }
  const a = read.assertion;
  const metric = a.path.split('.').pop() ?? a.path;
  const problem = boundProblem(a, metric, measureOf(metric));
  if (problem !== undefined) throw new InputError(`${label}: "${text.trim()}": ${problem}`);
  return a.unit === 'number' ? text : `${a.path} ${a.op} ${a.value}`;
}
