// Judging at a chosen confidence (workers/scheduling/confidenceJudging.ts), by hand: values
// 1, 2, 3 have mean 2 and s = 1, so the half-width is t(·, 2)/√3 with the table values
// t(0.95, 2) = 2.920, t(0.975, 2) = 4.303, t(0.995, 2) = 9.925 (any Student-t table).
import { describe, expect, it } from 'vitest';
import { estimateAt, halfWidthAt, judgeAt } from '../../workers/scheduling/confidenceJudging.js';
import type { TargetCheck } from '../../workers/staffing/targets.js';

describe('confidence judging', () => {
  it('half-widths at 90, 95 and 99% from the t table', () => {
    expect(halfWidthAt([1, 2, 3], 0.9)).toBeCloseTo(2.920 / Math.sqrt(3), 3);
    expect(halfWidthAt([1, 2, 3], 0.95)).toBeCloseTo(4.303 / Math.sqrt(3), 3);
    expect(halfWidthAt([1, 2, 3], 0.99)).toBeCloseTo(9.925 / Math.sqrt(3), 3);
    expect(halfWidthAt([1], 0.95)).toBeNaN();
  });

  it('keeps the CI in the metric\'s range and leaves out undefined replications', () => {
    const e = estimateAt([0.9, 1, NaN, 0.95], 'serviceLevel', 0.95);
    expect(e.mean).toBeCloseTo(0.95, 12);
    expect(e.ci95?.[1]).toBe(1);
    expect(estimateAt([NaN, NaN], 'serviceLevel', 0.95)).toEqual({ mean: null, ci95: null });
  });

  it('a target is met only when the whole CI meets it; a higher confidence can turn a pass into a straddle', () => {
    // SL 0.84, 0.86, 0.88 (mean 0.86, s = 0.02): at 90% the CI is 0.86 ± 0.0337 → [0.826, 0.894]
    // passes ≥ 0.8; at 99% it is 0.86 ± 0.1146 → straddles 0.8.
    const check: TargetCheck = { label: 'sl', column: 0, scope: 'channels', index: 0, metric: 'serviceLevel', op: '>=', bound: 0.8 };
    const rows = [[0.84], [0.86], [0.88]];
    expect(judgeAt([check], rows, 0.9)[0]?.met).toBe(true);
    expect(judgeAt([check], rows, 0.99)[0]).toMatchObject({ met: false, verdict: { state: 'inconclusive' } });
    // No contacts: unconstrained.
    expect(judgeAt([check], [[NaN], [NaN]], 0.95)[0]?.met).toBe(true);
  });
});
