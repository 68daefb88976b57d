// The two failure kinds of DESIGN §6: what each carries and how its message reads.
import { describe, expect, it } from 'vitest';
import { InputError, SimulationError } from '../../engine/errors.js';

describe('InputError', () => {
  it('holds one problem given as a string, as its message', () => {
    const e = new InputError('agents: must be ≥ 0 (got -1)');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('InputError');
    expect(e.problems).toEqual(['agents: must be ≥ 0 (got -1)']);
    expect(e.message).toBe('agents: must be ≥ 0 (got -1)');
  });

  it('holds a list of problems, one a line in its message, copied from the list given', () => {
    const problems = ['a: wrong', 'b: also wrong'];
    const e = new InputError(problems);
    problems.push('c: added later');
    expect(e.problems).toEqual(['a: wrong', 'b: also wrong']);
    expect(e.message).toBe('a: wrong\nb: also wrong');
  });
});

describe('SimulationError', () => {
  it('says at what simulated time the invariant broke, to the millisecond', () => {
    const e = new SimulationError('conservation broke on channel voice', 3601.23456);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('SimulationError');
    expect(e.simTimeSec).toBe(3601.23456);
    expect(e.message).toBe('conservation broke on channel voice (at simulated time 3601.235 s)');
  });
});
