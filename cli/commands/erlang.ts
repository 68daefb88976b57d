/**
 * `ccsim erlang b|c|a|staff|table`: the analytic models of `engine/erlang/` from the command
 * line. Its flags are read and checked in cli/commands/erlangFlags.ts.
 */
import type { Argv, CommandModule } from 'yargs';
import { MODEL_DEFAULTS } from '../../engine/defaults.js';
import { InputError } from '../../engine/errors.js';
import { DAY_SEC } from '../../engine/time.js';
import { wrapUpMean } from '../../engine/erlang/channelView.js';
import * as erlang from '../../engine/erlang/index.js';
import { distMean } from '../../engine/distributions.js';
import { csvProblem } from '../../scenarios/csvProblem.js';
import { parseDateTime } from '../../scenarios/dateTime.js';
import { readInputFile } from '../../scenarios/inputFile.js';
import { chosenFormat, formatOptions } from '../formatFlags.js';
import { inputOptions, maxInputBytes } from '../inputFlags.js';
import { printWarnings } from '../warnings.js';
import { withFlagNames } from './erlangErrors.js';
import { DESCRIPTIONS, ERLANG_FORMATS, KINDS, rateNote, VALUE_FLAGS, agentCount, bad, checkAll, fraction, need, occupancyCap, openFraction, optional, positiveSeconds, queue, rate, seconds, shrinkage, slDefinition, targets, wholeFrom1To100, type ErlangArgs, type Json, type Kind } from './erlangFlags.js';

function withFte(args: ErlangArgs, agents: number): Json {
  const s = optional(args, 'shrinkage', shrinkage);
  return s === undefined ? {} : { shrinkage: s, fte: erlang.fte(agents, s), positions: Math.ceil(erlang.fte(agents, s) - 1e-9) };
}

function runB(args: ErlangArgs): Json {
  const load = args.load !== undefined ? Number(args.load) : rate(need(args, 'rate')) * seconds('aht', need(args, 'aht'), true);
  if (args.agents !== undefined) {
    const lines = agentCount('agents', args.agents);
    return { model: 'erlangB', loadErlangs: load, agents: lines, blocking: erlang.erlangB(lines, load) };
  }
  const goal = openFraction('blocking', need(args, 'blocking'));
  const { lines, blocking } = erlang.linesForBlocking(load, goal);
  return { model: 'erlangB', loadErlangs: load, agents: lines, blocking, blockingGoal: goal };
}

function runFixed(args: ErlangArgs): Json {
  const q = queue(args);
  const agents = agentCount('agents', need(args, 'agents'));
  const concurrency = optional(args, 'concurrency', wholeFrom1To100);
  let result: Json;
  if (args.kind === 'a') {
    result = { ...erlang.erlangA({ ...q, agents, patienceSec: seconds('patience', need(args, 'patience'), true), serviceLevelDefinition: slDefinition(args) ?? MODEL_DEFAULTS.serviceLevelDefinition }) };
  } else if (concurrency !== undefined) {
    result = { ...erlang.chatErlangC({ ratePerSec: q.ratePerSec, sessionHandleSec: q.handleSec, targetSec: q.targetSec, agents, concurrency }) };
  } else {
    result = { ...erlang.erlangC({ ...q, agents }), serviceLevelDefinition: slDefinition(args) ?? MODEL_DEFAULTS.serviceLevelDefinition };
  }
  return { ...result, ...withFte(args, agents) };
}

function squareRootBeside(args: ErlangArgs, loadErlangs: number, exact: { pWait: number }): Json {
  const sl = optional(args, 'sl', fraction);
  const pWait = optional(args, 'pwait', openFraction) ?? (sl !== undefined && sl < 1 && sl > 0 ? 1 - sl : exact.pWait);
  return pWait > 0 && pWait < 1 && loadErlangs > 0 ? { squareRoot: erlang.squareRootStaffing(loadErlangs, pWait) } : {};
}

function runStaff(args: ErlangArgs): Json {
  const q = queue(args);
  const window = optional(args, 'window', positiveSeconds);
  if (window !== undefined) {
    const cap = optional(args, 'max-occupancy', occupancyCap);
    const base = erlang.deferredWorkBaseline({ volume: q.ratePerSec * window, handleSec: q.handleSec, windowSec: window, ...(cap === undefined ? {} : { maxOccupancy: cap }) });
    return { ...base, ...withFte(args, base.agents) };
  }
  const goals = targets(args, true);
  const concurrency = optional(args, 'concurrency', wholeFrom1To100);
  let staffed: { agents: number; result: Json };
  if (args.patience !== undefined) {
    const patienceSec = seconds('patience', args.patience, true);
    const s = erlang.staffErlangA({ ...q, patienceSec, targets: goals, serviceLevelDefinition: slDefinition(args) ?? MODEL_DEFAULTS.serviceLevelDefinition });
    staffed = { agents: s.agents, result: { ...s.result } };
  } else if (concurrency !== undefined) {
    const s = erlang.staffChat({ ratePerSec: q.ratePerSec, sessionHandleSec: q.handleSec, targetSec: goals.targetSec ?? q.targetSec, concurrency, targets: goals });
    staffed = { agents: s.agents, result: { ...s.result } };
  } else {
    const s = erlang.staffErlangC({ ...q, targets: goals });
    staffed = { agents: s.agents, result: { ...s.result, serviceLevelDefinition: slDefinition(args) ?? MODEL_DEFAULTS.serviceLevelDefinition, ...squareRootBeside(args, s.result.loadErlangs, s.result) } };
  }
  return { ...staffed.result, agents: staffed.agents, targets: { targetSec: q.targetSec, ...goals }, ...withFte(args, staffed.agents) };
}

/** Seconds since midnight of `08:30`/`08:30:00`, epoch seconds of an ISO date, or a number. */
function startSeconds(label: string): number {
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(label);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  const n = Number(label);
  if (label !== '' && Number.isFinite(n)) return n;
  // A date-time is a civil one (scenarios/dateTime.ts): Date.parse would read it in the machine's time zone.
  const at = parseDateTime(label);
  return at === undefined ? NaN : at.dayNumber * DAY_SEC + at.secOfDay;
}

function csvNumber(file: string, index: number, raw: string | undefined): number {
  const x = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(x) || x < 0) {
    throw new InputError(`${file}: row ${index + 2}: volume: must be a number ≥ 0 (got ${JSON.stringify(raw ?? '')})`);
  }
  return x;
}

async function readForecast(file: string, args: ErlangArgs): Promise<{ labels: string[]; volumes: number[]; intervalSec: number }> {
  const { parse } = await import('csv-parse/sync');
  const text = readInputFile(file, 'forecast CSV', maxInputBytes(args));
  let records: Record<string, string>[];
  try {
    records = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    const problem = csvProblem(err);
    throw new InputError(`${file}${problem.line === undefined ? '' : `:${problem.line}`}: not a valid CSV: ${problem.rule}; expected the columns interval_start,volume`);
  }
  if (records.length === 0 || !('interval_start' in records[0]!) || !('volume' in records[0]!)) {
    throw new InputError(`${file}: must have the columns interval_start,volume and at least one row`);
  }
  const labels = records.map((r) => r.interval_start ?? '');
  const volumes = records.map((r, i) => csvNumber(file, i, r.volume));
  let intervalSec = optional(args, 'interval', positiveSeconds);
  if (intervalSec === undefined) {
    const starts = labels.map(startSeconds);
    const steps = starts.slice(1).map((s, i) => s - (starts[i] ?? 0));
    const first = steps[0];
    if (first === undefined || !(first > 0) || steps.some((s) => Math.abs(s - first) > 1e-6)) {
      throw new InputError(`--interval: required when ${file}'s interval_start values are not evenly spaced times (got ${labels.slice(0, 3).join(', ')})`);
    }
    intervalSec = first;
  }
  return { labels, volumes, intervalSec };
}

function tableRows(labels: readonly string[], input: erlang.IntervalTableInput, intervalSec: number): Json[] {
  return erlang.intervalTable(input).map((row, i) => ({ intervalStart: labels[i], volume: row.ratePerSec * intervalSec, ...row }));
}

async function runTable(args: ErlangArgs): Promise<Json> {
  const file = args.file;
  if (file === undefined) throw new InputError('erlang table: name a file: a forecast CSV (interval_start,volume) or a scenario (.yaml, .yml, .json)');
  const shrink = optional(args, 'shrinkage', shrinkage) ?? 0;
  if (!/\.(ya?ml|json)$/i.test(file)) {
    const { labels, volumes, intervalSec } = await readForecast(file, args);
    const handleSec = seconds('aht', need(args, 'aht'), true);
    const patienceSec = optional(args, 'patience', positiveSeconds) ?? null;
    const input = { ratesPerSec: volumes.map((v) => v / intervalSec), handleSec, patienceSec, targets: { targetSec: erlang.DEFAULT_TARGET_SEC, ...targets(args, true) }, serviceLevelDefinition: slDefinition(args) ?? MODEL_DEFAULTS.serviceLevelDefinition, shrinkage: shrink };
    return { model: patienceSec === null ? 'erlangC' : 'erlangA', intervalSec, ...input, ratesPerSec: undefined, rows: tableRows(labels, input, intervalSec) };
  }
  const { loadScenarioFile } = await import('../../scenarios/load.js');
  const { model, warnings } = loadScenarioFile(file, { maxInputBytes: maxInputBytes(args) });
  printWarnings(warnings);
  const chosen = model.channels.filter((c) => args.channel === undefined || c.id === args.channel);
  if (chosen.length === 0) bad('channel', `must be one of ${model.channels.map((c) => c.id).join(', ')}`, args.channel);
  // Labelled by clock time from the scenario's dayStart, as every report is.
  const { timeLabel } = await import('../../reports/timeline.js');
  const labels = Array.from({ length: model.intervalCount }, (_, i) => timeLabel(model, i * model.intervalSec));
  const channels = chosen.map((c) => {
    const goals = { serviceLevel: c.targetLevel, targetSec: c.targetSec, ...targets(args, false) };
    const patienceSec = c.patience === null ? null : distMean(c.patience);
    // A channel whose means vary by interval is staffed at each interval's own (issue 12 item 4);
    // the server's holding time adds the after-contact work (issue 13 item 4), as in the run's baseline.
    const acwSec = wrapUpMean(c);
    const byInterval = {
      ...(c.handleMeanByIntervalSec === null ? {} : { handleSecByInterval: acwSec > 0 ? c.handleMeanByIntervalSec.map((h) => h + acwSec) : c.handleMeanByIntervalSec }),
      ...(c.patienceMeanByIntervalSec === null || patienceSec === null ? {} : { patienceSecByInterval: c.patienceMeanByIntervalSec }),
    };
    const input = { ratesPerSec: c.ratePerSec, handleSec: distMean(c.handle) + acwSec, ...byInterval, patienceSec, targets: goals, serviceLevelDefinition: slDefinition(args) ?? model.serviceLevelDefinition, shrinkage: shrink };
    return { channel: c.id, model: patienceSec === null ? 'erlangC' : 'erlangA', ...input, ratesPerSec: undefined, rows: tableRows(labels, input, model.intervalSec) };
  });
  return { scenario: model.name, intervalSec: model.intervalSec, channels };
}

const percent = (x: unknown): string => (typeof x === 'number' ? `${(100 * x).toFixed(2)}%` : '–');
const secs = (x: unknown): string => (typeof x === 'number' ? (Number.isFinite(x) ? `${x.toFixed(2)} s` : '∞ (unstable)') : '–');
const plain = (x: unknown): string => (typeof x === 'number' ? String(+x.toFixed(6)) : String(x));
const FORMATS: Record<string, (x: unknown) => string> = { pWait: percent, serviceLevel: percent, occupancy: percent, pAbandon: percent, blocking: percent, asaSec: secs, asaAllSec: secs };

function describeResult(out: Json): string {
  const keys = ['model', 'approximation', 'loadErlangs', 'agents', 'blocking', 'pWait', 'serviceLevel', 'serviceLevelDefinition', 'targetSec', 'asaSec', 'asaAllSec', 'occupancy', 'pAbandon', 'fte', 'positions'];
  const lines = keys.filter((k) => out[k] !== undefined).map((k) => `${k.padEnd(24)}${(FORMATS[k] ?? plain)(out[k])}`);
  const sls = out.serviceLevels as Record<string, number> | undefined;
  if (out.model === 'erlangA' && sls) lines.push(`${'serviceLevels'.padEnd(24)}${Object.entries(sls).map(([d, v]) => `${d} ${percent(v)}`).join(', ')}`);
  const sr = out.squareRoot as erlang.SquareRootStaffing | undefined;
  if (sr) lines.push(`${'squareRoot (estimate)'.padEnd(24)}${sr.agents} agents, β = ${sr.beta.toFixed(4)} for P(wait) ≤ ${percent(sr.targetPWait)} [${sr.approximation}]`);
  return `${lines.join('\n')}\n`;
}

function describeTable(title: string, rows: readonly Json[]): string {
  const head = ['interval', 'volume', 'load', 'agents', 'fte', 'SL', 'ASA', 'P(wait)', 'occ', 'abandon'];
  const body = rows.map((r) => [String(r.intervalStart), plain(r.volume), plain(Number(r.loadErlangs).toFixed(2)), plain(r.agents), plain(Number(r.fte).toFixed(1)), percent(r.serviceLevel), secs(r.asaSec), percent(r.pWait), percent(r.occupancy), percent(r.pAbandon)]);
  const width = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)) + 2);
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padStart(width[i] ?? 0)).join('');
  return `${title}\n${[head, ...body].map(line).join('\n')}\n`;
}

function describe(out: Json): string {
  if (Array.isArray(out.channels)) return (out.channels as Json[]).map((c) => describeTable(`channel ${String(c.channel)} (${String(c.model)})`, c.rows as Json[])).join('\n');
  if (Array.isArray(out.rows)) return describeTable(`${String(out.model)} interval staffing`, out.rows as Json[]);
  return describeResult(out);
}

const erlang_: CommandModule<object, ErlangArgs> = {
  command: 'erlang <kind> [file]',
  describe: 'Erlang B/C/A figures, staffing and interval tables (analytic, no simulation)',
  builder: (yargs) => {
    let y = yargs
      .positional('kind', { choices: KINDS, demandOption: true, describe: 'b: blocking; c, a: figures for --agents; staff: fewest agents; table: per interval' })
      .positional('file', { type: 'string', describe: 'table: forecast CSV (interval_start,volume) or scenario (.yaml/.json)' });
    y = inputOptions(formatOptions(y, ERLANG_FORMATS, 'Output format (default text)'));
    for (const flag of VALUE_FLAGS) y = y.option(flag, { type: 'string', describe: DESCRIPTIONS[flag] });
    // The flags are declared in a loop, which yargs' builder types cannot follow.
    return y as unknown as Argv<ErlangArgs>;
  },
  handler: async (args) => {
    const run: Record<Kind, (a: ErlangArgs) => Json | Promise<Json>> = { b: runB, c: runFixed, a: runFixed, staff: runStaff, table: runTable };
    const format = chosenFormat(args, ERLANG_FORMATS, 'text');
    maxInputBytes(args);
    checkAll(args);
    const out = await withFlagNames(() => run[args.kind](args));
    // Said beside the figures (JSON `notes`), not on stderr: they qualify the answer itself.
    const note = rateNote(args);
    const notes = note === undefined ? [] : [note];
    if (format === 'json') process.stdout.write(`${JSON.stringify(notes.length > 0 ? { ...out, notes } : out, null, 2)}\n`);
    else process.stdout.write(`${describe(out)}${notes.map((n) => `note: ${n}\n`).join('')}`);
  },
};

// The registry holds modules of different argument types (see validate.ts).
export const erlangCommand = erlang_ as unknown as CommandModule;
