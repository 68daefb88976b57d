/**
 * The flags of `ccsim erlang`, read as strings and checked here, so every message names the
 * flag, the rule and the value received (DESIGN §6): `--sl: must be between 0 and 1 (got 1.5)`.
 */
import { InputError } from '../../engine/errors.js';
import * as erlang from '../../engine/erlang/index.js';
import { SERVICE_LEVEL_DEFINITIONS, type ServiceLevelDefinition } from '../../engine/model.js';
import { formatDuration, parseDuration, parseRate } from '../../scenarios/duration.js';
import { parseShare, percentHint } from '../../scenarios/share.js';
import { DAY_SEC } from '../../engine/time.js';

export const KINDS = ['b', 'c', 'a', 'staff', 'table'] as const;
export type Kind = (typeof KINDS)[number];
export const VALUE_FLAGS = ['rate', 'aht', 'agents', 'target', 'patience', 'sl', 'asa', 'max-occupancy', 'max-abandon', 'shrinkage', 'sl-definition', 'load', 'blocking', 'concurrency', 'window', 'interval', 'channel', 'pwait'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
export type ErlangArgs = { readonly kind: Kind; readonly file?: string; readonly json?: boolean; readonly format?: string; readonly 'max-input-mb'?: number } & { readonly [F in ValueFlag]?: string };
/** `ccsim erlang` prints a table of figures, or the same as JSON (`--json`). */
export const ERLANG_FORMATS = ['text', 'json'] as const;
export type Json = Record<string, unknown>;

export const DESCRIPTIONS: Record<ValueFlag, string> = {
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

export function bad(flag: string, rule: string, value: unknown): never {
  throw new InputError(`--${flag}: ${rule} (got ${String(value)})`);
}

export function need(args: ErlangArgs, flag: ValueFlag): string {
  const v = args[flag];
  if (v === undefined) throw new InputError(`--${flag}: required for "ccsim erlang ${args.kind}"`);
  return v;
}

function numberIn(flag: string, raw: string, lo: number, hi: number, rule: string, open: { lo?: boolean; hi?: boolean } = {}): number {
  const x = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(x) && (open.lo ? x > lo : x >= lo) && (open.hi ? x < hi : x <= hi);
  return ok ? x : bad(flag, rule, raw);
}

export function optional<T>(args: ErlangArgs, flag: ValueFlag, parse: (flag: string, raw: string) => T): T | undefined {
  const raw = args[flag];
  return raw === undefined ? undefined : parse(flag, raw);
}

/** A share flag, `0.8` or `80%` (scenarios/share.ts), in [0, 1] with the ends open as asked. */
function shareIn(flag: string, raw: string, rule: string, open: { lo?: boolean; hi?: boolean } = {}): number {
  const parsed = parseShare(raw);
  const x = parsed.ok ? parsed.share : NaN;
  if ((open.lo ? x > 0 : x >= 0) && (open.hi ? x < 1 : x <= 1)) return x;
  const hint = percentHint(raw);
  return bad(flag, hint === undefined ? rule : `${rule}: ${hint}`, raw);
}

export const fraction = (flag: string, raw: string): number => shareIn(flag, raw, 'must be between 0 and 1');
export const occupancyCap = (flag: string, raw: string): number => shareIn(flag, raw, 'must be above 0 and at most 1', { lo: true });
export const shrinkage = (flag: string, raw: string): number => shareIn(flag, raw, 'must be at least 0 and below 1', { hi: true });
export const agentCount = (flag: string, raw: string): number => numberIn(flag, raw, 0, erlang.MAX_STAFFED_AGENTS, `must be a number from 0 to ${erlang.MAX_STAFFED_AGENTS}`);

export function seconds(flag: string, raw: string, positive = false): number {
  const d = parseDuration(raw);
  if (!d.ok) return bad(flag, d.reason, raw);
  if (d.seconds < 0 || (positive && d.seconds === 0)) return bad(flag, positive ? 'must be a positive duration' : 'must not be negative', raw);
  return d.seconds;
}
export const positiveSeconds = (flag: string, raw: string): number => seconds(flag, raw, true);

export function rate(raw: string): number {
  const r = parseRate(raw);
  if (!r.ok) return bad('rate', r.reason, raw);
  return r.perSec < 0 ? bad('rate', 'must not be negative', raw) : r.perSec;
}

/** A rate given over this long or longer is averaged over it: say so beside the result. */
/**
 * The note a rate over a day or more needs (`--rate 2400/d`): Erlang's formulas take the rate
 * as steady, so 2400 a day is 100 every hour, night included — not the busy hour a center
 * staffs for. Kept (a 24-hour line has such a rate) but said beside the figures.
 */
export function rateNote(args: ErlangArgs): string | undefined {
  const raw = args.rate;
  if (raw === undefined) return undefined;
  const r = parseRate(raw);
  if (!r.ok || r.periodSec < DAY_SEC) return undefined;
  const perHour = +(r.perSec * 3600).toFixed(3);
  return `--rate ${raw} is spread evenly over ${formatDuration(r.periodSec)}: ${perHour}/h around the clock. Erlang assumes a steady rate: for a day with a busy hour, give that hour's rate (--rate N/h), or run "ccsim erlang table" on a forecast`;
}

export function slDefinition(args: ErlangArgs): ServiceLevelDefinition | undefined {
  const raw = args['sl-definition'];
  if (raw === undefined) return undefined;
  const found = SERVICE_LEVEL_DEFINITIONS.find((d) => d === raw);
  return found ?? bad('sl-definition', `must be one of ${SERVICE_LEVEL_DEFINITIONS.join(', ')}`, raw);
}

export function wholeFrom1To100(flag: string, raw: string): number {
  const x = numberIn(flag, raw, 1, 100, 'must be a whole number from 1 to 100');
  return Number.isInteger(x) ? x : bad(flag, 'must be a whole number from 1 to 100', raw);
}
export const openFraction = (flag: string, raw: string): number => shareIn(flag, raw, 'must be between 0 and 1 (exclusive)', { lo: true, hi: true });

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
  'sl-definition': (_f, raw) => slDefinition({ kind: 'c', 'sl-definition': raw }),
  load: (f, raw) => numberIn(f, raw, 0, erlang.MAX_STAFFED_AGENTS, `must be a number from 0 to ${erlang.MAX_STAFFED_AGENTS}`),
  blocking: openFraction,
  concurrency: wholeFrom1To100,
  window: positiveSeconds,
  interval: positiveSeconds,
  channel: (_f, raw) => raw,
  pwait: openFraction,
};

export function checkAll(args: ErlangArgs): void {
  for (const flag of VALUE_FLAGS) optional(args, flag, CHECKS[flag]);
}

export function queue(args: ErlangArgs) {
  return { ratePerSec: rate(need(args, 'rate')), handleSec: seconds('aht', need(args, 'aht'), true), targetSec: optional(args, 'target', seconds) ?? erlang.DEFAULT_TARGET_SEC };
}

export function targets(args: ErlangArgs, required: boolean): erlang.StaffingTargets {
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
