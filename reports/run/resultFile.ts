/**
 * Reading a saved `ccsim run --json` result back (for `ccsim report`): the file must be a run
 * result of a schema version this build can render (a sweep's or a staffing search's JSON is
 * refused, saying what to do instead). The check is structural — the fields
 * every renderer walks — and says what is missing; renderers then trust the data.
 */
import { InputError } from '../../engine/errors.js';
import { SCHEMA_VERSION, type RunResult } from '../../analysis/run/result.js';

/** Schema versions this build renders (versions only add fields, so older ones render). */
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function problemsOf(data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const need = (key: string, ok: (v: unknown) => boolean, what: string): void => {
    if (!ok(data[key])) problems.push(`${key}: must be ${what} (got ${JSON.stringify(data[key]) ?? 'nothing'})`);
  };
  need('scenario', (v) => typeof v === 'string', 'a string');
  need('seed', (v) => typeof v === 'number', 'a number');
  need('replications', (v) => typeof v === 'number', 'a number');
  need('serviceLevelDefinition', (v) => typeof v === 'string', 'a string');
  for (const k of ['horizonSec', 'warmupSec', 'intervalSec']) need(k, (v) => typeof v === 'number', 'a number');
  const summary = data.summary;
  if (!isObject(summary)) problems.push('summary: missing (a run result has summary.overall, .channels, .groups)');
  else for (const k of ['overall', 'channels', 'groups']) if (!isObject(summary[k])) problems.push(`summary.${k}: missing or not an object`);
  if (!Array.isArray(data.intervals)) problems.push('intervals: must be an array');
  else {
    const bad = data.intervals.findIndex((iv) => !isObject(iv) || typeof iv.startSec !== 'number' || !isObject(iv.channels) || !isObject(iv.groups));
    if (bad >= 0) problems.push(`intervals[${bad}]: must have startSec, channels and groups`);
  }
  return problems;
}

/** Parses and checks a saved run result; `label` (the file name) starts every message. */
export function parseRunResult(text: string, label: string): RunResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // V8's message quotes the text it stopped at, and a file named by mistake may hold secrets (issue 18).
    throw new InputError(`${label}: not valid JSON; expected the output of "ccsim run --json" (its content is not shown)`);
  }
  if (!isObject(data)) throw new InputError(`${label}: not a ccsim run result (expected a JSON object from "ccsim run --json")`);
  if (data.kind === 'sweep') {
    // Its points keep summaries only; the CSV's n and the charts need every replication.
    throw new InputError(`${label}: is a sweep's report, which does not keep its replications; render the sweep from its --out file instead: ccsim report SWEEP.jsonl --format text|md|csv|html|json`);
  }
  if (typeof data.kind === 'string') {
    const kind = /^[a-z][A-Za-z-]{0,31}$/.test(data.kind) ? `a ${data.kind}` : 'another kind of';
    throw new InputError(`${label}: is ${kind} result, not a run result; ccsim report renders "ccsim run --json" results and sweeps' --out files`);
  }
  const version = data.schemaVersion;
  if (typeof version !== 'number') {
    throw new InputError(`${label}: not a ccsim run result (no schemaVersion); expected the output of "ccsim run --json"`);
  }
  if (!SUPPORTED_SCHEMA_VERSIONS.includes(version)) {
    throw new InputError(`${label}: schemaVersion ${version} is not supported by this ccsim (supported: ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}); render it with the ccsim that wrote it`);
  }
  const problems = problemsOf(data);
  if (problems.length > 0) throw new InputError(problems.map((p) => `${label}: ${p}`));
  // Results written before dayStartSec existed start at midnight, as their labels did.
  return { dayStartSec: 0, ...data } as unknown as RunResult;
}
