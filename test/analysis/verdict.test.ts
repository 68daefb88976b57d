// The rule `ccsim check` and the report colours share: a metric is judged on its 95% CI.
import { describe, expect, it } from 'vitest';
import { parseAssertion } from '../../analysis/assertions.js';
import { judge } from '../../analysis/verdict.js';

const est = (mean: number | null, ci95: [number, number] | null) => ({ mean, ci95 });

describe('judging a metric on its 95% CI', () => {
  it('passes when the whole CI meets the bound, a CI end on a closed bound included', () => {
    expect(judge(est(0.85, [0.82, 0.88]), '>=', 0.8).state).toBe('pass');
    expect(judge(est(0.85, [0.8, 0.9]), '>=', 0.8).state).toBe('pass');
    expect(judge(est(0.85, [0.8, 0.9]), '>', 0.8)).toEqual({ state: 'inconclusive', reason: 'straddles', meanMeets: true });
  });

  it('fails when the whole CI misses the bound', () => {
    expect(judge(est(0.7, [0.65, 0.75]), '>=', 0.8).state).toBe('fail');
    expect(judge(est(30, [25, 35]), '<', 20).state).toBe('fail');
  });

  it('is inconclusive when the CI straddles the bound, whichever side the mean is on', () => {
    expect(judge(est(0.79, [0.75, 0.83]), '>=', 0.8)).toEqual({ state: 'inconclusive', reason: 'straddles', meanMeets: false });
    expect(judge(est(0.81, [0.77, 0.85]), '>=', 0.8)).toEqual({ state: 'inconclusive', reason: 'straddles', meanMeets: true });
  });

  it('reads == as a two-sided test: met when the bound lies inside the CI', () => {
    expect(judge(est(0.7, [0.68, 0.72]), '==', 0.7).state).toBe('pass');
    expect(judge(est(0.7, [0.68, 0.72]), '==', 0.75).state).toBe('fail');
  });

  it('is inconclusive without a CI (one replication) and undefined without a value', () => {
    expect(judge(est(0.9, null), '>=', 0.8)).toEqual({ state: 'inconclusive', reason: 'noCi', meanMeets: true });
    expect(judge(est(null, null), '>=', 0.8).state).toBe('undefined');
  });
});

describe('judging against each comparator', () => {
  it('judges <= as a closed bound: a CI end on it meets it', () => {
    expect(judge(est(15, [10, 20]), '<=', 20).state).toBe('pass');
    expect(judge(est(25, [21, 29]), '<=', 20).state).toBe('fail');
    expect(judge(est(19, [15, 23]), '<=', 20)).toEqual({ state: 'inconclusive', reason: 'straddles', meanMeets: true });
  });

  it('judges < as an open bound: a CI end on it does not meet it', () => {
    expect(judge(est(15, [10, 19]), '<', 20).state).toBe('pass');
    expect(judge(est(15, [10, 20]), '<', 20)).toEqual({ state: 'inconclusive', reason: 'straddles', meanMeets: true });
    expect(judge(est(20, [20, 25]), '<', 20).state).toBe('fail');
  });

  it('judges > and >= alike away from the bound', () => {
    expect(judge(est(0.9, [0.85, 0.95]), '>', 0.8).state).toBe('pass');
    expect(judge(est(0.7, [0.6, 0.8]), '>', 0.8).state).toBe('fail');
  });

  it('reads == as met when the bound lies anywhere in the CI, either end included, and missed on either side', () => {
    expect(judge(est(0.625, [0.5, 0.75]), '==', 0.5).state).toBe('pass');
    expect(judge(est(0.625, [0.5, 0.75]), '==', 0.75).state).toBe('pass');
    expect(judge(est(0.625, [0.5, 0.75]), '==', 0.25).state).toBe('fail');
    expect(judge(est(0.625, [0.5, 0.75]), '==', 0.875).state).toBe('fail');
  });

  it('says, without a CI, whether the mean itself meets the bound, for every comparator', () => {
    const noCi = (mean: number, op: Parameters<typeof judge>[1], bound: number) => judge(est(mean, null), op, bound);
    expect(noCi(0.7, '==', 0.7)).toEqual({ state: 'inconclusive', reason: 'noCi', meanMeets: true });
    expect(noCi(0.71, '==', 0.7)).toEqual({ state: 'inconclusive', reason: 'noCi', meanMeets: false });
    expect(noCi(20, '<=', 20)).toMatchObject({ meanMeets: true });
    expect(noCi(21, '<=', 20)).toMatchObject({ meanMeets: false });
    expect(noCi(20, '<', 20)).toMatchObject({ meanMeets: false });
    expect(noCi(19, '<', 20)).toMatchObject({ meanMeets: true });
    expect(noCi(20, '>', 20)).toMatchObject({ meanMeets: false });
    expect(noCi(20, '>=', 20)).toMatchObject({ meanMeets: true });
  });
});

describe('parsing an assertion', () => {
  it('splits scope, id, metric, operator and bound; a % bound is a fraction', () => {
    expect(parseAssertion('channels.voice.serviceLevel >= 0.8', 'x')).toMatchObject({ scope: 'channels', id: 'voice', metric: 'serviceLevel', op: '>=', bound: 0.8 });
    expect(parseAssertion('overall.abandonRate<5%', 'x')).toMatchObject({ scope: 'overall', id: null, metric: 'abandonRate', op: '<', bound: 0.05 });
    expect(parseAssertion('tiers.2.asaSec ≤ 60', 'x')).toMatchObject({ scope: 'tiers', id: '2', op: '<=', bound: 60 });
  });

  it.each([
    ['serviceLevel >= 0.8', /"serviceLevel" is not a metric path: write SCOPE\.ID\.METRIC or overall\.METRIC/],
    ['channels.voice.serviceLevel = 0.8', /cannot read .*expected PATH OP NUMBER/],
    ['channels.voice.serviceLevel >= high', /cannot read .*expected PATH OP NUMBER/],
  ])('rejects %j, naming where it came from', (text, message) => {
    expect(() => parseAssertion(text, 'plan.yaml: assert[0]')).toThrow(message);
    expect(() => parseAssertion(text, 'plan.yaml: assert[0]')).toThrow(/^plan\.yaml: assert\[0\]: /);
  });
});
