/**
 * `ccsim run --trace FILE` (issue 14): the per-contact trace of the first replications
 * (workers/contactTrace.ts). Bounded before anything runs: at most the run's replications, and
 * an estimated size (expected contacts × bytes a row) under `--max-trace-mb`.
 */
import { extname } from 'node:path';
import type { Argv } from 'yargs';
import { InputError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { modelWork } from '../scenarios/workLimits.js';
import type { TraceFormat, TraceOptions } from '../workers/contactTrace.js';

export interface TraceArgs {
  trace?: string;
  'trace-format'?: string;
  'trace-replications'?: number;
  'max-trace-mb'?: number;
}

const FORMATS: readonly TraceFormat[] = ['csv', 'jsonl'];
/** Default cap on a trace file: a day of a large center fits, a year of it does not. */
const DEFAULT_MAX_TRACE_MB = 1024;
/** Most a trace may be allowed, whatever the flag says. */
const MAX_TRACE_MB = 100_000;
/**
 * Bytes a contact's rows take, estimated on the high side: a CSV row of a tier-1 contact is
 * ~130–200 characters (17 fields, times at full precision); escalations add rows.
 */
const BYTES_PER_CONTACT = 250;

export function traceOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('trace', { type: 'string', describe: 'Write one row per contact (and tier) of the first replications to FILE (.csv or .jsonl)' })
    .option('trace-format', { type: 'string', choices: [...FORMATS], describe: 'Trace format (default: from the file name; csv)' })
    .option('trace-replications', { type: 'number', describe: 'Replications traced, from the first (default 1)' })
    .option('max-trace-mb', { type: 'number', describe: `Largest trace to write, MB, estimated before the run (default ${DEFAULT_MAX_TRACE_MB})` });
}

/** What to trace, or undefined without `--trace`; a usage error (exit 2) for bad or too large a request. */
export function traceRequest(args: TraceArgs, model: Model): TraceOptions | undefined {
  const path = args.trace;
  const replications = args['trace-replications'];
  const maxMb = args['max-trace-mb'];
  if (path === undefined) {
    const stray = (['trace-format', 'trace-replications', 'max-trace-mb'] as const).filter((f) => args[f] !== undefined);
    if (stray.length > 0) throw new InputError(`--${stray[0] ?? ''}: only applies with --trace FILE`);
    return undefined;
  }
  const problems: string[] = [];
  if (path.trim() === '') problems.push('--trace: must name a file');
  const n = replications ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > model.replications) {
    problems.push(`--trace-replications: must be an integer from 1 to the run's ${model.replications} replications (got ${replications})`);
  }
  const cap = maxMb ?? DEFAULT_MAX_TRACE_MB;
  if (!Number.isFinite(cap) || cap <= 0 || cap > MAX_TRACE_MB) problems.push(`--max-trace-mb: must be a number of MB above 0, at most ${MAX_TRACE_MB} (got ${maxMb})`);
  if (problems.length > 0) throw new InputError(problems);
  const w = modelWork(model);
  const contacts = (w.contactsPerReplication - w.contactsBeforeDay) * n;
  const mb = (contacts * BYTES_PER_CONTACT) / 1e6;
  if (mb > cap) {
    throw new InputError(
      `--trace: ${n} replication${n === 1 ? '' : 's'} of about ${Math.round(contacts / n).toLocaleString('en-US')} contacts would write about ${mb < 10 ? mb.toFixed(2) : Math.ceil(mb).toLocaleString('en-US')} MB; at most ${cap} MB is allowed: trace fewer replications, a shorter horizon, or raise --max-trace-mb`,
    );
  }
  const format = (args['trace-format'] as TraceFormat | undefined) ?? (extname(path).toLowerCase() === '.jsonl' ? 'jsonl' : 'csv');
  return { path, format, replications: n };
}
