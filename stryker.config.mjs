// @ts-check
/**
 * Mutation testing (`npm run mutation`): StrykerJS plants small errors (mutants) in the
 * engine and in the metric code — KPIs, tallies, confidence intervals, verdicts, the Erlang
 * baseline — and runs the tests that cover each; a mutant no test notices "survives". The
 * score is the share killed. Surviving mutants judged equivalent are listed, with why, in
 * docs/mutation.md. Not part of `npm test` (it takes a long while); see that page for figures.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'engine/**/*.ts',
    'analysis/kpi.ts',
    'analysis/tally.ts',
    'analysis/confidence.ts',
    'analysis/pairedDifference.ts',
    'analysis/verdict.ts',
    'analysis/baseline.ts',
    'analysis/customerKpis.ts',
    'analysis/campaignKpis.ts',
  ],
  coverageAnalysis: 'perTest',
  // Later runs re-test only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports-mutation/stryker-incremental.json',
  concurrency: 2,
  // A mutant that loops forever is detected once it takes 5 s more than twice the tests' own time.
  timeoutMS: 5_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports-mutation/mutation.html' },
  jsonReporter: { fileName: 'reports-mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
