/**
 * What call records say of a center's handle times and patience, per channel (issue 14, goal 4):
 * the handle-time family that fits the answered calls best (handleFit.ts) and patience from
 * every call's wait (patienceFit.ts), with warnings where the data cannot support a figure.
 * `ccsim calibrate --calls records.csv` writes `best.spec` and `patience.spec` into a scenario.
 */
import type { CallRecord } from './callRecord.js';
import { fitHandleTimes, type HandleFit } from './handleFit.js';
import { fitPatience, type PatienceFit, type PatienceOptions } from './patienceFit.js';

export interface CallRecordsFitOptions extends PatienceOptions {
  /** Fewer answered calls than this draw a warning on the handle-time fit. @default 100 */
  readonly minAnsweredCalls?: number;
}

export interface ChannelFit {
  /** The channel's name, or `null` for a file without a channel column. */
  readonly channel: string | null;
  readonly calls: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly handle: HandleFit;
  readonly patience: PatienceFit;
  /** Every warning of the two fits, each a sentence naming the channel. */
  readonly warnings: readonly string[];
}

/** Handle-time warnings: too few calls, zero handle times dropped, a lognormal the data cannot tell from a gamma or exponential. */
function handleWarnings(handle: HandleFit, dropped: number, minAnswered: number): string[] {
  const warnings: string[] = [];
  if (dropped > 0) warnings.push(`${dropped} answered call${dropped === 1 ? ' has' : 's have'} no handle time above 0 s and ${dropped === 1 ? 'is' : 'are'} left out of the handle-time fit`);
  if (!handle.fitted) {
    warnings.push(`handle time not fitted: ${handle.reason}`);
    return warnings;
  }
  if (handle.n < minAnswered) warnings.push(`only ${handle.n} answered calls: the handle-time family is chosen on little data (mean ${handle.best.meanSec.toFixed(1)} ± ${handle.best.meanSe.toFixed(1)} s, one standard error)`);
  const second = handle.candidates[1];
  // The exponential is the gamma of shape 1: those two close together is no ambiguity of shape, only a
  // lognormal against either is (a heavier right tail; Burnham & Anderson's "within 2").
  if (second !== undefined && second.deltaAic < 2 && (handle.best.family === 'lognormal') !== (second.family === 'lognormal')) {
    warnings.push(`${handle.best.family} and ${second.family} fit the handle times about equally well (AIC differs by ${second.deltaAic.toFixed(1)} < 2)`);
  }
  return warnings;
}

/**
 * One fit per channel, in the order channels first appear in the records. Answered calls give
 * handle times (those of 0 s, or none, are left out and counted: a lognormal or gamma cannot hold 0);
 * every call gives its wait to the patience fit, abandoned calls as events, answered ones censored.
 */
export function fitCallRecords(records: readonly CallRecord[], options: CallRecordsFitOptions = {}): ChannelFit[] {
  const byChannel = new Map<string | null, CallRecord[]>();
  for (const r of records) {
    const list = byChannel.get(r.channel);
    if (list === undefined) byChannel.set(r.channel, [r]);
    else list.push(r);
  }
  return [...byChannel].map(([channel, calls]) => {
    const handleSec: number[] = [];
    let answered = 0, dropped = 0;
    for (const c of calls) {
      if (c.outcome !== 'answered') continue;
      answered++;
      if (c.handleSec !== null && c.handleSec > 0) handleSec.push(c.handleSec);
      else dropped++;
    }
    const handle = fitHandleTimes(handleSec);
    const patience = fitPatience(calls.map((c) => ({ timeSec: c.waitSec, event: c.outcome === 'abandoned' })), options);
    const named = channel === null ? '' : `channel ${channel}: `;
    const warnings = [...handleWarnings(handle, dropped, options.minAnsweredCalls ?? 100), ...patience.warnings.map((w) => `patience: ${w}`)].map((w) => named + w);
    return { channel, calls: calls.length, answered, abandoned: patience.abandons, handle, patience, warnings };
  });
}
