/**
 * The `dist:` field: the distribution of a duration (handle time, patience). One strict
 * object per family, chosen by `dist`, so a parameter of another family (`cv` on an
 * exponential) is an unknown key, not silently ignored. The parsed value is the engine's
 * `DistSpec` with every duration in seconds, checked so the sampler can trust it.
 */
import { z } from 'zod';
import type { DistName, DistSpec } from '../engine/model.js';
import { truncation } from '../engine/truncation.js';
import { AT_KEY } from './problem.js';
import { SCENARIO_LIMITS } from './limits.js';
import { duration, positiveNumber, wholeNumber } from './quantity.js';

/** At most a year (SCENARIO_LIMITS.maxDistributionSec): longer is a unit typo, and breaks the Erlang baseline's arithmetic. */
const positive = (what: string) => duration({ min: 0, exclusive: true, max: SCENARIO_LIMITS.maxDistributionSec }, what);
const nonNegative = (what: string) => duration({ min: 0, max: SCENARIO_LIMITS.maxDistributionSec }, what);

const exponential = z.strictObject({ dist: z.literal('exponential'), mean: positive('mean') });

/** `constant` takes its value as `mean` (like every other family) or as `value`. */
const constant = z
  .strictObject({
    dist: z.literal('constant'),
    mean: positive('the constant duration').optional(),
    value: positive('the constant duration (same as mean)').optional(),
  })
  .transform((spec, ctx): Extract<DistSpec, { dist: 'constant' }> => {
    const mean = spec.mean ?? spec.value;
    if (mean === undefined || (spec.mean !== undefined && spec.value !== undefined)) {
      ctx.issues.push({ code: 'custom', message: 'give exactly one of mean or value', input: spec, path: ['mean'] });
      return z.NEVER;
    }
    return { dist: 'constant', mean };
  });

const uniform = z
  .strictObject({ dist: z.literal('uniform'), min: nonNegative('smallest value'), max: positive('largest value') })
  .superRefine((spec, ctx) => {
    if (spec.min > spec.max) ctx.addIssue({ code: 'custom', message: 'must be at most max', input: spec.min, path: ['min'] });
  });

const triangular = z
  .strictObject({
    dist: z.literal('triangular'),
    min: nonNegative('smallest value'),
    mode: nonNegative('most likely value'),
    max: positive('largest value'),
  })
  .superRefine((spec, ctx) => {
    if (spec.min > spec.mode) ctx.addIssue({ code: 'custom', message: 'must be at most mode', input: spec.min, path: ['min'] });
    if (spec.mode > spec.max) ctx.addIssue({ code: 'custom', message: 'must be at most max', input: spec.mode, path: ['mode'] });
  });

const lognormal = z.strictObject({
  dist: z.literal('lognormal'),
  mean: positive('mean'),
  cv: positiveNumber('coefficient of variation (standard deviation ÷ mean)'),
});

const gamma = z.strictObject({
  dist: z.literal('gamma'),
  mean: positive('mean'),
  cv: positiveNumber('coefficient of variation (standard deviation ÷ mean)'),
});

const erlang = z.strictObject({
  dist: z.literal('erlang'),
  mean: positive('mean'),
  k: wholeNumber(1, SCENARIO_LIMITS.maxErlangPhases, 'phases', 'number of exponential phases'),
});

const empirical = z
  .strictObject({
    dist: z.literal('empirical'),
    values: z
      .array(nonNegative('an observed duration'))
      .min(1, { error: 'must list at least one observed duration' })
      .max(SCENARIO_LIMITS.maxEmpiricalValues, { error: `must list at most ${SCENARIO_LIMITS.maxEmpiricalValues.toLocaleString('en-US')} values (a larger sample reads slowly and adds nothing a planner sees: take a random sample of it)` }),
  })
  .superRefine((spec, ctx) => {
    if (spec.values.length > 0 && spec.values.every((v) => v === 0)) {
      ctx.addIssue({ code: 'custom', message: 'must contain a value greater than 0', input: spec.values, path: ['values'] });
    }
  });

/** Family names in the order the documentation lists them. */
export const DIST_NAMES: readonly DistName[] = [
  'exponential',
  'constant',
  'uniform',
  'triangular',
  'lognormal',
  'gamma',
  'erlang',
  'empirical',
  'mixture',
  'truncated',
];

const SIMPLE_NAMES = DIST_NAMES.filter((n) => n !== 'mixture' && n !== 'truncated');
const CONTINUOUS_NAMES = ['exponential', 'uniform', 'triangular', 'lognormal', 'gamma', 'erlang'];

const familyError = (names: readonly string[]) => (issue: { input: unknown }) =>
  typeof issue.input !== 'object' || issue.input === null ? 'must be a mapping like { dist: exponential, mean: 6m }' : `must be one of ${names.join(', ')}`;

/** A family that is not a mixture: what a mixture's component is drawn from. */
const simpleDistribution = z.discriminatedUnion('dist', [exponential, constant, uniform, triangular, lognormal, gamma, erlang, empirical], {
  error: familyError(SIMPLE_NAMES),
});

/**
 * A mixture: with probability `zero` the duration is 0 — for patience, a caller who hangs up
 * on hearing the queue announcement (balking) — else a component drawn with probability
 * weight ÷ Σ weights. `{ dist: mixture, zero: 0.1, components: [{ weight: 1, of: { dist:
 * exponential, mean: 3m } }] }` is exponential patience with 10% balking.
 */
const mixture = z.strictObject({
  dist: z.literal('mixture'),
  zero: z
    .number({ error: 'must be a probability from 0 to below 1' })
    .min(0, { error: 'must be a probability from 0 to below 1' })
    .lt(1, { error: 'must be a probability from 0 to below 1' })
    .default(0)
    .meta({ description: 'probability of a zero duration (patience: balking at the queue announcement); default 0' }),
  components: z
    .array(
      z.strictObject({
        weight: positiveNumber('relative weight of this component (weights are normalised to sum to 1)'),
        of: simpleDistribution,
      }),
    )
    .min(1, { error: 'must list at least one component { weight, of }' })
    .max(SCENARIO_LIMITS.maxMixtureComponents, { error: `must list at most ${SCENARIO_LIMITS.maxMixtureComponents} components` }),
});

/** Least probability a truncation may keep: below it the band of uniforms is too thin to draw from finely. */
const MIN_TRUNCATED_MASS = 1e-6;

/**
 * A continuous family conditioned on min ≤ X ≤ max (`{ dist: truncated, of: { dist: lognormal,
 * mean: 5m, cv: 1.2 }, max: 1h }`): exact mean and variance, one uniform a draw
 * (engine/truncation.ts). Constant and empirical are not truncated: cut the sample itself.
 */
const truncated = z
  .strictObject({
    dist: z.literal('truncated'),
    of: z.discriminatedUnion('dist', [exponential, uniform, triangular, lognormal, gamma, erlang], { error: familyError(CONTINUOUS_NAMES) }),
    min: nonNegative('smallest value kept; default 0').optional(),
    max: positive('largest value kept; default unbounded').optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.min === undefined && spec.max === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must give min, max or both (a truncation with neither is its `of`)', input: spec, params: AT_KEY });
      return;
    }
    if (spec.min !== undefined && spec.max !== undefined && spec.min >= spec.max) {
      ctx.addIssue({ code: 'custom', message: 'must be below max', input: spec.min, path: ['min'] });
      return;
    }
    const { mass } = truncation({ dist: 'truncated', of: spec.of, ...(spec.min === undefined ? {} : { min: spec.min }), ...(spec.max === undefined ? {} : { max: spec.max }) });
    if (!(mass >= MIN_TRUNCATED_MASS)) {
      const message = `must keep some of the distribution: ${spec.of.dist} has probability ${mass.toPrecision(3)} between min and max (at least ${MIN_TRUNCATED_MASS} needed)`;
      ctx.addIssue({ code: 'custom', message, input: spec, params: AT_KEY });
    }
  });

export const distributionSchema = z
  .discriminatedUnion('dist', [exponential, constant, uniform, triangular, lognormal, gamma, erlang, empirical, mixture, truncated], {
    error: familyError(DIST_NAMES),
  })
  // The id puts it once under `$defs` in the JSON Schema; every duration field refers to it.
  .meta({ id: 'distribution', description: 'a distribution of durations, chosen by `dist`' });

/** A parsed distribution: the engine's `DistSpec`, every duration in seconds. */
export type Distribution = z.output<typeof distributionSchema>;

// Compile-time proof that the parsed value is exactly what the engine samples from.
const _isDistSpec = (d: Distribution): DistSpec => d;
void _isDistSpec;
