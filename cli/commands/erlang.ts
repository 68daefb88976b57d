/**
 * `ccsim erlang b|c|a|staff|table`: the analytic models of `engine/erlang/` from the command
 * line. Flags are read as strings and checked here, so every message names the flag, the rule
 * and the value received (DESIGN §6): `--sl: must be between 0 and 1 (got 1.5)`.
 */
import { readFileSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../../engine/errors.js';
import * as erlang from '../../engine/erlang/index.js';
import { SERVICE_LEVEL_DEFINITIONS, type ServiceLevelDefinition } from '../../engine/model.js';
import { distMean } from '../../reports/baseline.js';
import { parseDuration, parseRate } from '../../scenarios/duration.js';

const KINDS = ['b', 'c', 'a', 'staff', 'table'] as const;
type Kind = (typeof KINDS)[number];
const VALUE_FLAGS = ['rate', 'aht', 'agents', 'target', 'patience', 'sl', 'asa', 'max-occupancy', 'max-abandon', 'shrinkage', 'sl-definition', 'load', 'blocking', 'concurrency', 'window', 'interval', 'channel', 'pwait'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
type ErlangArgs = { readonly kind: Kind; readonly file?: string; readonly json: boolean } & { readonly [F in ValueFlag]?: string };
type Json = Record<string, unknown>;

const DESCRIPTIONS: Record<ValueFlag, string> = {
  rate: 'Arrival rate: 300/h, 100/30m, 2400/d',
  aht: 'Average handle time: 180, 6m',
  agents: 'Agents (lines for b); fractional counts are interpolated',
  target: 'Service-level threshold T (default 20s)',
  patience: 'Mean patience (Erlang A): 5m',
  sl: 'Service-level goal, e.g. 0.8 for 80/20',
  asa: 'ASA goal (maximum), e.g. 30s',
  'max-occupancy': 'Occupancy cap, e.g. 0.85',
  'max-abandon': 'Abandonment cap (Erlang A), e.g. 0.05',
  shrinkage: 'Shrinkage for FTE, e.g. 0.3',
  'sl-definition': `Service-level definition: ${SERVICE_LEVEL_DEFINITIONS.join('|')}`,
  load: 'Offered load in Erlangs (instead of --rate and --aht)',
  blocking: 'Blocking goal for b, e.g. 0.02',
  concurrency: 'Chat sessions per agent (effective-servers approximation)',
  window: 'Response window of deferred work (email), e.g. 24h: workload baseline',
  interval: 'Interval length of a CSV forecast (default: from interval_start)',
  channel: 'Scenario channel for table (default: all)',
  pwait: 'P(wait) goal of the square-root estimate (default 1 − --sl)',
};

function bad(flag: string, rule: string, value: unknown): never {
  throw new InputError(`--${flag}: ${rule} (got ${String(value)})`);
}

function need(args: ErlangArgs, flag: ValueFlag): string {
  const v = args[flag];
  if (v === undefined) throw new InputError(`--${flag}: required for "ccsim erlang ${args.kind}"`);
  return v;
}

function numberIn(flag: string, raw: string, lo: number, hi: number, rule: string, open: { lo?: boolean; hi?: boolean } = {}): number {
  const x = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(x) && (open.lo ? x > lo : x >= lo) && (open.hi ? x < hi : x <= hi);
  return ok ? x : bad(flag, rule, raw);
}

function optional<T>(args: ErlangArgs, flag: ValueFlag, parse: (flag: string, raw: string) => T): T | undefined {
  const raw = args[flag];
  return raw === undefined ? undefined : parse(flag, raw);
}

const fraction = (flag: string, raw: string): number => numberIn(flag, raw, 0, 1, 'must be between 0 and 1');
const occupancyCap = (flag: string, raw: string): number => numberIn(flag, raw, 0, 1, 'must be above 0 and at most 1', { lo: true });
const shrinkage = (flag: string, raw: string): number => numberIn(flag, raw, 0, 1, 'must be at least 0 and below 1', { hi: true });
const agentCount = (flag: string, raw: string): number => numberIn(flag, raw, 0, erlang.MAX_STAFFED_AGENTS, `must be a number from 0 to ${erlang.MAX_STAFFED_AGENTS}`);

function seconds(flag: string, raw: string, positive = false): number {
  const d = parseDuration(raw);
  if (!d.ok) return bad(flag, d.reason, raw);
  if (d.seconds < 0 || (positive && d.seconds === 0)) return bad(flag, positive ? 'must be a positive duration' : 'must not be negative', raw);
  return d.seconds;
}
const positiveSeconds = (flag: string, raw: string): number => seconds(flag, raw, true);

function rate(raw: string): number {
  const r = parseRate(raw);
  if (!r.ok) return bad('rate', r.reason, raw);
  return r.perSec < 0 ? bad('rate', 'must not be negative', raw) : r.perSec;
}

function slDefinition(args: ErlangArgs): ServiceLevelDefinition | undefined {
  const raw = args['sl-definition'];
  if (raw === undefined) return undefined;
  const found = SERVICE_LEVEL_DEFINITIONS.find((d) => d === raw);
  return found ?? bad('sl-definition', `must be one of ${SERVICE_LEVEL_DEFINITIONS.join(', ')}`, raw);
}

function wholeFrom1To100(flag: string, raw: string): number {
  const x = numberIn(flag, raw, 1, 100, 'must be a whole number from 1 to 100');
  return Number.isInteger(x) ? x : bad(flag, 'must be a whole number from 1 to 100', raw);
}
const openFraction = (flag: string, raw: string): number => numberIn(flag, raw, 0, 1, 'must be between 0 and 1 (exclusive)', { lo: true, hi: true });

/** Every value flag's own rule, checked up front so that a flag a kind ignores still cannot be wrong. */
const CHECKS: Record<ValueFlag, (flag: string, raw: string) => unknown> = {
  rate: (_f, raw) => rate(raw),
  aht: positiveSeconds,
  agents: agentCount,
  target: seconds,
  patience: positiveSeconds,
  sl: fraction,
  asa: seconds,
  'max-occupancy': occupancyCap,
  'max-abandon': fraction,
  shrinkage,
  'sl-definition': (_f, raw) => slDefinition({ kind: 'c', json: false, 'sl-definition': raw }),
  load: (f, raw) => numberIn(f, raw, 0, erlang.MAX_STAFFED_AGENTS, `must be a number from 0 to ${erlang.MAX_STAFFED_AGENTS}`),
  blocking: openFraction,
  concurrency: wholeFrom1To100,
  window: positiveSeconds,
  interval: positiveSeconds,
  channel: (_f, raw) => raw,
  pwait: openFraction,
};

function checkAll(args: ErlangArgs): void {
  for (const flag of VALUE_FLAGS) optional(args, flag, CHECKS[flag]);
}

function queue(args: ErlangArgs) {
  return { ratePerSec: rate(need(args, 'rate')), handleSec: seconds('aht', need(args, 'aht'), true), targetSec: optional(args, 'target', seconds) ?? erlang.DEFAULT_TARGET_SEC };
}

function targets(args: ErlangArgs, required: boolean): erlang.StaffingTargets {
  const t = {
    serviceLevel: optional(args, 'sl', fraction),
    targetSec: optional(args, 'target', seconds),
    maxAsaSec: optional(args, 'asa', seconds),
    maxOccupancy: optional(args, 'max-occupancy', occupancyCap),
    maxAbandon: optional(args, 'max-abandon', fraction),
  };
  if (t.maxAbandon !== undefined && args.patience === undefined) bad('max-abandon', 'needs --patience (Erlang C has no abandonment)', args['max-abandon']);
  if (required && Object.values({ ...t, targetSec: undefined }).every((v) => v === undefined)) {
    throw new InputError(`--sl: "ccsim erlang ${args.kind}" needs a goal: --sl (with --target), --asa, --max-occupancy or --max-abandon`);
  }
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined));
}

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
    result = { ...erlang.erlangA({ ...q, agents, patienceSec: seconds('patience', need(args, 'patience'), true), serviceLevelDefinition: slDefinition(args) ?? 'excludeShortAbandons' }) };
  } else if (concurrency !== undefined) {
    result = { ...erlang.chatErlangC({ ratePerSec: q.ratePerSec, sessionHandleSec: q.handleSec, targetSec: q.targetSec, agents, concurrency }) };
  } else {
    result = { ...erlang.erlangC({ ...q, agents }), serviceLevelDefinition: slDefinition(args) ?? 'excludeShortAbandons' };
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
    const s = erlang.staffErlangA({ ...q, patienceSec, targets: goals, serviceLevelDefinition: slDefinition(args) ?? 'excludeShortAbandons' });
    staffed = { agents: s.agents, result: { ...s.result } };
  } else if (concurrency !== undefined) {
    const s = erlang.staffChat({ ratePerSec: q.ratePerSec, sessionHandleSec: q.handleSec, targetSec: goals.targetSec ?? q.targetSec, concurrency, targets: goals });
    staffed = { agents: s.agents, result: { ...s.result } };
  } else {
    const s = erlang.staffErlangC({ ...q, targets: goals });
    staffed = { agents: s.agents, result: { ...s.result, serviceLevelDefinition: slDefinition(args) ?? 'excludeShortAbandons', ...squareRootBeside(args, s.result.loadErlangs, s.result) } };
  }
  return { ...staffed.result, agents: staffed.agents, targets: { targetSec: q.targetSec, ...goals }, ...withFte(args, staffed.agents) };
}

/** Seconds since midnight of `08:30`/`08:30:00`, epoch seconds of an ISO date, or a number. */
function startSeconds(label: string): number {
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(label);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  const n = Number(label);
  return label !== '' && Number.isFinite(n) ? n : Date.parse(label) / 1000;
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
  let records: Record<string, string>[];
  try {
    records = parse<Record<string, string>>(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    throw new InputError(`${file}: cannot read the forecast CSV: ${err instanceof Error ? err.message : String(err)}`);
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
    const input = { ratesPerSec: volumes.map((v) => v / intervalSec), handleSec, patienceSec, targets: { targetSec: erlang.DEFAULT_TARGET_SEC, ...targets(args, true) }, serviceLevelDefinition: slDefinition(args) ?? 'excludeShortAbandons', shrinkage: shrink };
    return { model: patienceSec === null ? 'erlangC' : 'erlangA', intervalSec, ...input, ratesPerSec: undefined, rows: tableRows(labels, input, intervalSec) };
  }
  const { loadScenarioFile } = await import('../../scenarios/load.js');
  const { model } = loadScenarioFile(file);
  const chosen = model.channels.filter((c) => args.channel === undefined || c.id === args.channel);
  if (chosen.length === 0) bad('channel', `must be one of ${model.channels.map((c) => c.id).join(', ')}`, args.channel);
  const labels = Array.from({ length: model.intervalCount }, (_, i) => clockLabel(i * model.intervalSec));
  const channels = chosen.map((c) => {
    const goals = { serviceLevel: c.targetLevel, targetSec: c.targetSec, ...targets(args, false) };
    const patienceSec = c.patience === null ? null : distMean(c.patience);
    const input = { ratesPerSec: c.ratePerSec, handleSec: distMean(c.handle), patienceSec, targets: goals, serviceLevelDefinition: slDefinition(args) ?? model.serviceLevelDefinition, shrinkage: shrink };
    return { channel: c.id, model: patienceSec === null ? 'erlangC' : 'erlangA', ...input, ratesPerSec: undefined, rows: tableRows(labels, input, model.intervalSec) };
  });
  return { scenario: model.name, intervalSec: model.intervalSec, channels };
}

function clockLabel(sec: number): string {
  const pad = (x: number): string => String(Math.floor(x)).padStart(2, '0');
  return `${pad(sec / 3600)}:${pad((sec % 3600) / 60)}`;
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
      .positional('file', { type: 'string', describe: 'table: forecast CSV (interval_start,volume) or scenario (.yaml/.json)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' });
    for (const flag of VALUE_FLAGS) y = y.option(flag, { type: 'string', describe: DESCRIPTIONS[flag] });
    // The flags are declared in a loop, which yargs' builder types cannot follow.
    return y as unknown as Argv<ErlangArgs>;
  },
  handler: async (args) => {
    const run: Record<Kind, (a: ErlangArgs) => Json | Promise<Json>> = { b: runB, c: runFixed, a: runFixed, staff: runStaff, table: runTable };
    checkAll(args);
    const out = await run[args.kind](args);
    process.stdout.write(args.json ? `${JSON.stringify(out, null, 2)}\n` : describe(out));
  },
};

// The registry holds modules of different argument types (see validate.ts).
export const erlangCommand = erlang_ as unknown as CommandModule;
