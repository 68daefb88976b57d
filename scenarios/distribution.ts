/**
 * The `dist:` field: the distribution of a duration (handle time, patience). One strict
 * object per family, chosen by `dist`, so a parameter of another family (`cv` on an
 * exponential) is an unknown key, not silently ignored. The parsed value is the engine's
 * `DistSpec` with every duration in seconds, checked so the sampler can trust it.
 */
import { z } from 'zod';
import type { DistName, DistSpec } from '../engine/model.js';
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
  .transform((spec, ctx): DistSpec => {
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
];

export const distributionSchema = z
  .discriminatedUnion('dist', [exponential, constant, uniform, triangular, lognormal, gamma, erlang, empirical], {
    error: (issue) =>
      typeof issue.input !== 'object' || issue.input === null
        ? 'must be a mapping like { dist: exponential, mean: 6m }'
        : `must be one of ${DIST_NAMES.join(', ')}`,
  })
  // The id puts it once under `$defs` in the JSON Schema; every duration field refers to it.
  .meta({ id: 'distribution', description: 'a distribution of durations, chosen by `dist`' });

/** A parsed distribution: the engine's `DistSpec`, every duration in seconds. */
export type Distribution = z.output<typeof distributionSchema>;

// Compile-time proof that the parsed value is exactly what the engine samples from.
const _isDistSpec = (d: Distribution): DistSpec => d;
void _isDistSpec;
