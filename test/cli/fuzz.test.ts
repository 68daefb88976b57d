// A sample of the CLI mutation fuzz (issue 18) in every `npm test`: mutants of the bundled
// scenarios and test/fixtures/fuzz/ (structural and textual edits, test/support/fuzz/) run
// through validate|run|check|sweep|staff|erlang table with a heap cap and a timeout. Each
// must end with exit 0, 1 or 2 and no stack trace. The mutants are drawn from the test seed
// (CCSIM_TEST_SEED), so coverage-check and CI runs try different ones; `npm run fuzz` runs
// thousands. A failure prints the command that replays it.
import { describe, expect, it } from 'vitest';
import { runCampaign, summary } from '../support/fuzz/campaign.js';
import { CLI, ROOT } from '../support/cli.js';
import { testSeed } from '../support/statistics.js';

const SAMPLE = 40;

describe('the CLI under mutated scenarios (fuzz sample)', () => {
  it(`${SAMPLE} mutants each end with exit 0, 1 or 2, no stack trace, within 20 s and 512 MB`, async () => {
    const results = await runCampaign({
      root: ROOT, cli: CLI, seed: testSeed(), first: 0, count: SAMPLE, jobs: 2, failuresDir: null, timeoutMs: 20_000, heapMb: 512,
    });
    const failing = results.filter((r) => r.failureClass !== null);
    const detail = failing.map((r) => `#${r.mutant.index} of seed ${r.mutant.seed}: ${r.failureClass} — node test/tools/fuzz.mjs --seed ${r.mutant.seed} --index ${r.mutant.index}`);
    expect(detail, summary(results)).toEqual([]);
    // The sample reaches validation errors as well as runs that complete.
    expect(results.some((r) => r.execution.outcome === 'exit2')).toBe(true);
  }, 600_000);
});
