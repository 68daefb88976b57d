// The vitest configuration of `npm run coverage-check` (test/tools/coverage-check.mjs): the
// project's, without the global setup that builds dist/ before every run — the script builds
// it once, then runs the statistical suites once per seed.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { ...base.test, globalSetup: [] },
});
