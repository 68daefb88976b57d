// The analytic solvers answer or refuse at once for any input the command line accepts
// (issue 18, goal 3): closed forms or bounded iterations, a load beyond what any solver
// staffs refused with the limit and the flags named. Time is bounded generously (2 s a call,
// on a shared machine; they take milliseconds) — the point is that nothing runs for minutes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import * as erlang from '../../engine/erlang/index.js';
import { propertyRuns } from '../support/runs.js';

/** Log-uniform over [10^lo, 10^hi]. */
const logUniform = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);

/** Runs `solve`; true when it answered, false when it refused with an InputError. Anything else, or more than 2 s, fails. */
function answersOrRefuses(solve: () => unknown): boolean {
  const started = performance.now();
  let answered = true;
  try {
    solve();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    answered = false;
  }
  expect(performance.now() - started).toBeLessThan(2_000);
  return answered;
}

describe('the solvers end quickly for any input', () => {
  const queue = fc.record({ ratePerSec: logUniform(-6, 9), handleSec: logUniform(-3, 12), targetSec: logUniform(-2, 6) });
  const goals = fc.record({ serviceLevel: fc.double({ min: 0, max: 1, noNaN: true }), maxAsaSec: fc.option(logUniform(-3, 6), { nil: undefined }) });

  it('Erlang C and Erlang A staffing, at any load', () => {
    fc.assert(fc.property(queue, goals, logUniform(-3, 12), (q, g, patienceSec) => {
      const targets = { serviceLevel: g.serviceLevel, targetSec: q.targetSec, ...(g.maxAsaSec === undefined ? {} : { maxAsaSec: g.maxAsaSec }) };
      answersOrRefuses(() => erlang.staffErlangC({ ...q, targets }));
      answersOrRefuses(() => erlang.staffErlangA({ ...q, patienceSec, targets }));
    }), propertyRuns(150));
  });

  it('Erlang C and A figures at any staffing the flags allow, Erlang B lines for any blocking goal', () => {
    fc.assert(fc.property(queue, logUniform(-3, 12), fc.integer({ min: 0, max: erlang.MAX_STAFFED_AGENTS }), logUniform(-9, 0), (q, patienceSec, agents, blocking) => {
      answersOrRefuses(() => erlang.erlangC({ ...q, agents }));
      answersOrRefuses(() => erlang.erlangA({ ...q, patienceSec, agents }));
      answersOrRefuses(() => erlang.linesForBlocking(Math.min(q.ratePerSec * q.handleSec, erlang.MAX_STAFFED_AGENTS), blocking));
    }), propertyRuns(150));
  });
});
