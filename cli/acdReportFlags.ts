/**
 * `ccsim run --acd-report FILE` (issue 14, goal 6): the run's first replication written as the
 * ACD interval report a center exports (workers/acdReport.ts) — "simulate and give me the ACD
 * export" — summed from the replication's per-contact records as they happen, never written
 * as a trace. Its file is what `ccsim calibrate` and `ccsim backtest` read.
 */
import type { Argv } from 'yargs';
import { InputError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { parseDate } from '../scenarios/dateTime.js';
import { acdReportCsv } from '../reports/run/acdReport.js';
import { AcdAggregator, intervalLabeller, staffedAgents } from '../workers/acdReport.js';
import { traceReplication } from '../workers/contactTrace.js';
import { writeFileAtomic } from '../workers/fileWrites.js';
import { durationFlag } from './commands/staffFlags.js';

export interface AcdReportArgs {
  'acd-report'?: string;
  'acd-within'?: string;
  'acd-date'?: string;
}

export function acdReportOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('acd-report', { type: 'string', describe: 'Write the first replication as an ACD interval report (CSV) to FILE' })
    .option('acd-within', { type: 'string', describe: 'T of the report\'s answered_within column (default: each channel\'s service-level threshold)' })
    .option('acd-date', { type: 'string', describe: 'Date of the report\'s first interval, YYYY-MM-DD (interval starts become date-times; default: the scenario\'s startDate)' });
}

export interface AcdReportRequest {
  readonly path: string;
  /** T per channel. */
  readonly withinSec: readonly number[];
  readonly label: (startSec: number) => string;
}

/** What to write, or undefined without `--acd-report`; a usage error (exit 2) for a bad request. */
export function acdReportRequest(args: AcdReportArgs, model: Model): AcdReportRequest | undefined {
  const path = args['acd-report'];
  if (path === undefined) {
    const stray = (['acd-within', 'acd-date'] as const).find((f) => args[f] !== undefined);
    if (stray !== undefined) throw new InputError(`--${stray}: only applies with --acd-report FILE`);
    return undefined;
  }
  const problems: string[] = [];
  if (path.trim() === '') problems.push('--acd-report: must name a file');
  const within = durationFlag('acd-within', args['acd-within'], problems);
  const dateText = args['acd-date'];
  // Without --acd-date, the scenario's own startDate dates the report.
  const day = dateText === undefined ? (model.startDate === undefined ? undefined : parseDate(model.startDate)) : parseDate(dateText);
  if (dateText !== undefined && day === undefined) problems.push(`--acd-date: must be a date YYYY-MM-DD (got "${dateText}")`);
  const label = intervalLabeller(model, day);
  // With a bad --acd-date, that is the one mistake to report.
  if (typeof label === 'string' && dateText === undefined) problems.push(`--acd-report: ${label}`);
  if (problems.length > 0 || typeof label === 'string') throw new InputError(problems);
  return { path, withinSec: model.channels.map((c) => within ?? c.targetSec), label };
}

/** Simulates replication 0 of the run, sums it into the report and writes it (whole or not at all). */
export function writeAcdReport(model: Model, seed: number, request: AcdReportRequest): void {
  const aggregator = new AcdAggregator(model.channels.map((c) => c.id), model.intervalSec, model.intervalCount, request.withinSec);
  const counters = traceReplication(model, seed, 0, aggregator);
  const rows = aggregator.rows((ch, iv) => staffedAgents(model, counters, ch, iv));
  writeFileAtomic(request.path, acdReportCsv(rows, request.label), '--acd-report');
}
