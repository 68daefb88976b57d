// The tests StrykerJS runs against each mutant (`npm run mutation`): the in-process suites of
// the mutated modules (engine/ and the KPI, tally, CI, verdict and baseline code). The CLI
// end-to-end suites are left out: they run the built dist/, which a mutant of the TypeScript
// source never reaches, so they could only slow the run down.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/engine/**/*.test.ts',
      'test/erlang/{approximations,baseline,bounded,erlangA,erlangB,erlangC,gammaRatios,properties,published,staffing}.test.ts',
      'test/analysis/{confidence,customerKpis,kpi,metrics,tally,verdict}.test.ts',
      'test/reports/campaign-metrics.test.ts',
    ],
    // The statistical comparisons with Erlang simulate hundreds of thousands of contacts: under
    // Stryker's instrumentation one takes minutes. The exact, scripted and property suites
    // above are what kill mutants; the statistical ones run in `npm test` and coverage-check.
    exclude: ['test/engine/kernel-vs-erlang.test.ts', 'test/engine/kernel-theory.test.ts'],
    // Fewer random cases per fast-check property (test/support/runs.ts).
    env: { CCSIM_MUTATION: '1' },
    testTimeout: 120_000,
    pool: 'forks',
  },
});
