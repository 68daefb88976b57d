// The command line refuses the extremes issue 18 probed at once, with the flags named (goal 3),
// and answers the largest loads it accepts. Kept apart from bounded.test.ts (the solvers
// in-process) so that mutation testing, which runs the in-process suites, need not spawn it.
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';

describe('ccsim erlang: the extremes the issue probed', () => {
  const cases: [string[], number, RegExp][] = [
    [['staff', '--rate', '1e15/h', '--aht', '6m', '--sl', '0.8'], 2, /^ccsim: --rate × --aht: an offered load of 1\.000e\+14 Erlangs needs at least 1\.000e\+14 agents; the staffing solvers staff at most 1,000,000/],
    [['staff', '--rate', '300/h', '--aht', '100000000h', '--sl', '0.8'], 2, /^ccsim: --rate × --aht: an offered load of 3\.000e\+10 Erlangs/],
    [['staff', '--rate', '300/h', '--aht', '100000000h', '--sl', '0.8', '--patience', '5m'], 2, /^ccsim: --rate × --aht: an offered load of 3\.000e\+10 Erlangs needs at least as many agents/],
    [['staff', '--rate', '300/h', '--aht', '6m', '--sl', '0.8', '--patience', '1e300'], 2, /^ccsim: --patience: too long/],
    [['b', '--load', '1000000', '--blocking', '0.0000001'], 2, /^ccsim: --blocking: 1e-7 cannot be reached with up to 1,000,000 lines/],
    [['staff', '--rate', '9e6/h', '--aht', '6m', '--sl', '0.8', '--patience', '5m'], 0, /^$/],
    [['a', '--rate', '9e6/h', '--aht', '6m', '--agents', '1000000', '--patience', '5h'], 0, /^$/],
  ];
  for (const [args, status, stderr] of cases) {
    it(`erlang ${args.join(' ')}: exit ${status}`, () => {
      const started = Date.now();
      const r = ccsim(['erlang', ...args]);
      expect(r.status, r.stderr).toBe(status);
      expect(r.stderr).toMatch(stderr);
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  }
});
