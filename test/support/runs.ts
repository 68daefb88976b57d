/**
 * How many random cases a fast-check property tries: as the test asks, or a fifth of that (at
 * least 5) under mutation testing (`npm run mutation` sets CCSIM_MUTATION=1), where every
 * property runs again for each of a couple of thousand mutants — the same checks on fewer
 * random centers, so a run takes hours instead of days.
 */
export function propertyRuns(numRuns: number): { numRuns: number } {
  return { numRuns: process.env.CCSIM_MUTATION === '1' ? Math.max(5, Math.round(numRuns / 5)) : numRuns };
}
