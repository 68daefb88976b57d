/**
 * The lines `ccsim check` prints of its assertions (analysis/assertions.ts judges them), and
 * the measured figure the JUnit report quotes (./junit.ts).
 */
import type { AssertionOutcome } from '../../analysis/assertions.js';
import type { Estimate } from '../../analysis/confidence.js';
import { plain } from '../metricFormat.js';

/** `mean 0.85, 95% CI [0.83, 0.87]` (or `no CI`, `no value`). */
export function measured(e: Estimate): string {
  if (e.mean === null) return 'no value';
  const ci = e.ci95 === null ? 'no CI' : `95% CI [${plain(e.ci95[0])}, ${plain(e.ci95[1])}]`;
  return `mean ${plain(e.mean)}, ${ci}`;
}

/** The one line `ccsim check` prints per assertion. */
export function outcomeLine(o: AssertionOutcome): string {
  const a = o.assertion;
  const note = o.note === '' ? '' : ` — ${o.note}`;
  return `${o.passed ? 'PASS' : 'FAIL'} ${a.path} ${a.op} ${plain(a.bound)}: ${measured(o.estimate)}${note}`;
}
