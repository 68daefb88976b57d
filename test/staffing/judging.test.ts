// The judging rule of a staffing target (workers/staffing/judgingRule.ts): the whole two-sided
// CI at 90, 95 or 99%, or the mean. Exact cases, computed by hand from Student's t table.
import { describe, expect, it } from 'vitest';
import { estimateAt, meanOnly } from '../../workers/staffing/judgingRule.js';
import { judgeChecks, type TargetCheck } from '../../workers/staffing/judging.js';

// Three replications of a service level: 0.7, 0.8, 0.9 → mean 0.8, s = 0.1, s/√3 = 0.0577350.
// t(0.95; 2) = 2.919986, t(0.975; 2) = 4.302653, t(0.995; 2) = 9.924843 (Student's t table), so
// the half-widths are 0.168586 (90%), 0.248414 (95%) and 0.573011 (99%, cut at 1 above).
const values = [0.7, 0.8, 0.9];
const rows = values.map((v) => [v]);
const check = (op: TargetCheck['op'], bound: number): TargetCheck => ({ label: `channels.voice.serviceLevel ${op} ${bound}`, column: 0, scope: 'channels', index: 0, metric: 'serviceLevel', op, bound });

describe('judging a staffing target over replications', () => {
  it('the CI at each level: mean ± t · s / √n, kept inside the metric\'s range', () => {
    const at = (c: 0.9 | 0.95 | 0.99) => estimateAt(values, [0, 1], c).ci95 as readonly [number, number];
    expect(at(0.9)[0]).toBeCloseTo(0.8 - 0.168586, 5);
    expect(at(0.9)[1]).toBeCloseTo(0.8 + 0.168586, 5);
    expect(at(0.95)[0]).toBeCloseTo(0.8 - 0.248414, 5);
    expect(at(0.99)[0]).toBeCloseTo(0.8 - 0.573011, 5);
    expect(at(0.99)[1]).toBe(1);
    expect(meanOnly(values)).toEqual({ mean: expect.closeTo(0.8, 12) as unknown as number, ci95: null });
    expect(estimateAt([0.5], [0, 1], 0.95)).toEqual({ mean: 0.5, ci95: null });
    expect(estimateAt([NaN, NaN], [0, 1], 0.95)).toEqual({ mean: null, ci95: null });
  });

  it('SL ≥ 0.62: met at 90% (CI from 0.631), inconclusive at 95% (from 0.552) and 99%; met on the mean', () => {
    const state = (j: Parameters<typeof judgeChecks>[2]) => judgeChecks([check('>=', 0.62)], rows, j)[0]?.verdict.state;
    expect(state({ on: 'ci', confidence: 0.9 })).toBe('pass');
    expect(state({ on: 'ci', confidence: 0.95 })).toBe('inconclusive');
    expect(state({ on: 'ci', confidence: 0.99 })).toBe('inconclusive');
    expect(state({ on: 'mean' })).toBe('pass');
    expect(state(undefined)).toBe('inconclusive'); // the default is the 95% CI
  });

  it('on the mean: SL ≥ 0.8 fails (mean 0.75), SL ≥ 0.75 passes (a closed bound), never inconclusive', () => {
    // 0.5, 0.75, 1: the mean 2.25 / 3 = 0.75 is exact in binary.
    const [fails, passes] = judgeChecks([check('>=', 0.8), check('>=', 0.75)], [[0.5], [0.75], [1]], { on: 'mean' });
    expect(fails?.verdict.state).toBe('fail');
    expect(fails?.met).toBe(false);
    expect(passes?.verdict.state).toBe('pass');
    expect(passes?.estimate.ci95).toBeNull();
  });

  it('a metric with no value in any replication constrains nothing, under every rule', () => {
    for (const j of [{ on: 'mean' } as const, { on: 'ci', confidence: 0.99 } as const]) {
      expect(judgeChecks([check('>=', 0.8)], [[NaN], [NaN]], j)[0]?.met).toBe(true);
    }
  });
});
