/**
 * `ccsim run`'s flags for what it reports per interval (analysis/run/intervalDetail.ts,
 * docs/horizon.md): `--intervals all|day|none` and `--interval-file F.csv|F.jsonl`.
 */
import type { Argv } from 'yargs';
import { InputError } from '../../engine/errors.js';
import type { Model } from '../../engine/model.js';
import { INTERVAL_DETAILS, defaultIntervalDetail, weekdayProblem, type IntervalDetail } from '../../analysis/run/intervalDetail.js';
import { intervalFileFormat } from '../../reports/run/intervalFile.js';

export interface IntervalArgs {
  intervals?: string;
  'interval-file'?: string;
}

export function intervalOptions<T>(y: Argv<T>): Argv<T & IntervalArgs> {
  return y
    .option('intervals', {
      type: 'string',
      choices: [...INTERVAL_DETAILS],
      describe: 'What the result holds per interval: all, day (per-day estimates), weekday (a weekday profile; needs startDate) or none (default: all up to a 7-day horizon, day beyond)',
    })
    .option('interval-file', {
      type: 'string',
      describe: 'Stream every interval of every replication to F.csv (tidy) or F.jsonl, as each replication finishes',
    }) as unknown as Argv<T & IntervalArgs>;
}

/** The flags' problems (the caller reports them with its others). */
export function intervalFlagProblems(args: IntervalArgs): string[] {
  const problems: string[] = [];
  const detail = args.intervals;
  if (detail !== undefined && !(INTERVAL_DETAILS as readonly string[]).includes(detail)) {
    problems.push(`--intervals: must be one of ${INTERVAL_DETAILS.join(', ')} (got "${detail}")`);
  }
  const file = args['interval-file'];
  if (file !== undefined) {
    try {
      intervalFileFormat(file);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  return problems;
}

/** What the result holds per interval: the flag's choice, or the horizon's default. */
export function chosenIntervalDetail(args: IntervalArgs, model: Pick<Model, 'horizonSec' | 'intervalSec' | 'startDate'>): IntervalDetail {
  const detail = (args.intervals as IntervalDetail | undefined) ?? defaultIntervalDetail(model);
  const problem = detail === 'weekday' ? weekdayProblem(model) : undefined;
  if (problem !== undefined) throw new InputError(problem);
  return detail;
}
