/**
 * Statistical checks that pass at any seed (STYLE habit 11, last layer).
 *
 * A check compares a simulated estimate with a theoretical value and passes when the theory
 * lies within a family-wise tolerance of it: m standard errors, where m is the Student t
 * quantile at the Bonferroni level α / (2K) for a family of K checks (the whole statistical
 * suite, α = 1%): with K = 200 and 30 replications m ≈ 4.5, so a correct simulator fails a
 * given seed's suite with probability ≤ 1%, whichever seed it is. A systematic error (a
 * biased sampler, a routing bug, a missing warm-up) moves the estimate by many standard
 * errors and fails the check at every seed.
 *
 * The seed comes from CCSIM_TEST_SEED (default 1): `npm run coverage-check` runs the
 * statistical suites over many seeds and reads each check's outcome from the file named by
 * CCSIM_CHECKS_FILE (one JSON line per check), then prints each check's empirical coverage.
 * Never make a check pass by choosing a seed.
 */
import { appendFileSync } from 'node:fs';
import { studentTQuantile as tQuantile } from '../../engine/studentT.js';
import { expect } from 'vitest';

/** Checks in the statistical family (a bound on the suite's count: Bonferroni over all of them). */
export const FAMILY_SIZE = 200;
/** Family-wise error rate per seed. */
export const FAMILY_ALPHA = 0.01;

/** The seed of the statistical suites (CCSIM_TEST_SEED, default 1). */
export function testSeed(): number {
  const raw = process.env.CCSIM_TEST_SEED;
  if (raw === undefined || raw === '') return 1;
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`CCSIM_TEST_SEED must be a whole number ≥ 0 (got "${raw}")`);
  return seed;
}

/** The multiplier of the standard error for one check of the family, with `df` degrees of freedom. */
export function familyMultiplier(df: number): number {
  return tQuantile(1 - FAMILY_ALPHA / (2 * FAMILY_SIZE), Math.max(1, df));
}

/** Mean and standard error of the finite values. */
export function meanAndError(values: readonly number[]): { mean: number; se: number; n: number } {
  const v = values.filter(Number.isFinite);
  const n = v.length;
  const mean = v.reduce((s, x) => s + x, 0) / n;
  const variance = v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n), n };
}

/** A pooled ratio Σa/Σb over replications with its delta-method standard error. */
export function ratioAndError(fractions: readonly (readonly [number, number])[]): { mean: number; se: number; n: number } {
  const n = fractions.length;
  let sa = 0, sb = 0;
  for (const [a, b] of fractions) { sa += a; sb += b; }
  const r = sa / sb;
  const ma = sa / n, mb = sb / n;
  let ss = 0;
  for (const [a, b] of fractions) ss += (a - ma - r * (b - mb)) ** 2;
  return { mean: r, se: Math.sqrt(ss / (n - 1) / n) / mb, n };
}

export interface CheckOutcome {
  readonly label: string;
  readonly seed: number;
  readonly pass: boolean;
  /** (estimate − theory) / standard error. */
  readonly z: number;
}

function record(outcome: CheckOutcome): void {
  const file = process.env.CCSIM_CHECKS_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(outcome)}\n`);
}

/**
 * Asserts (softly: every check of a test runs and is recorded) that `theory` lies within the
 * family-wise tolerance of the estimate. `label` names the check in coverage reports.
 */
export function expectNear(label: string, estimate: { mean: number; se: number; n: number }, theory: number): void {
  const m = familyMultiplier(estimate.n - 1);
  const z = estimate.se > 0 ? (estimate.mean - theory) / estimate.se : estimate.mean === theory ? 0 : Infinity;
  const pass = Math.abs(z) <= m;
  record({ label, seed: testSeed(), pass, z });
  expect.soft(pass, `${label}: estimate ${estimate.mean} ± ${estimate.se} (SE, n ${estimate.n}) is ${z.toFixed(2)} SE from ${theory}; tolerance ${m.toFixed(2)} SE`).toBe(true);
}

/**
 * A random claim that is not a comparison with theory (one mechanism beats another, a CI
 * is narrower with common random numbers…): recorded for coverage like `expectNear`, and
 * soft-asserted. The test must make `pass` hold with overwhelming probability at any seed.
 */
export function expectClaim(label: string, pass: boolean, detail: string): void {
  record({ label, seed: testSeed(), pass, z: NaN });
  expect.soft(pass, `${label}: ${detail}`).toBe(true);
}
