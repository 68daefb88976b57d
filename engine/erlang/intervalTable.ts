/**
 * The interval staffing table: for each planning interval's arrival rate, the fewest agents
 * meeting the targets under Erlang C or Erlang A, the figures at that staffing, and the FTE to
 * schedule once shrinkage is added. Each interval is treated as a steady state of its own (the
 * usual planning simplification: it ignores queues carried over from the previous interval).
 */
import { MODEL_DEFAULTS } from '../defaults.js';
import type { ServiceLevelDefinition } from '../model.js';
import { staffErlangA, staffErlangC, fte, type StaffingTargets } from './staffing.js';

export interface IntervalTableInput {
  /** Arrival rate of each interval, contacts per second. */
  readonly ratesPerSec: readonly number[];
  readonly handleSec: number;
  /** Mean handle time of each interval, seconds, when it varies by interval (replaces `handleSec`). */
  readonly handleSecByInterval?: readonly number[];
  /** Mean patience, seconds: Erlang A when given, Erlang C when null. */
  readonly patienceSec: number | null;
  /** Mean patience of each interval, when it varies (replaces `patienceSec`; needs it non-null). */
  readonly patienceSecByInterval?: readonly number[];
  readonly targets: StaffingTargets;
  /** @default 'excludeShortAbandons' */
  readonly serviceLevelDefinition?: ServiceLevelDefinition;
  /** @default 0 */
  readonly shrinkage?: number;
}

export interface IntervalStaffing {
  readonly interval: number;
  readonly ratePerSec: number;
  readonly loadErlangs: number;
  readonly agents: number;
  readonly fte: number;
  readonly serviceLevel: number;
  readonly asaSec: number;
  readonly pWait: number;
  readonly occupancy: number;
  /** Erlang A only. */
  readonly pAbandon?: number;
}

function staffOne(input: IntervalTableInput, interval: number, ratePerSec: number): IntervalStaffing {
  const { targets } = input;
  const handleSec = input.handleSecByInterval?.[interval] ?? input.handleSec;
  const patienceSec = input.patienceSec === null ? null : (input.patienceSecByInterval?.[interval] ?? input.patienceSec);
  const staffing =
    patienceSec === null
      ? staffErlangC({ ratePerSec, handleSec, targets })
      : staffErlangA({ ratePerSec, handleSec, patienceSec, targets, serviceLevelDefinition: input.serviceLevelDefinition ?? MODEL_DEFAULTS.serviceLevelDefinition });
  const r = staffing.result;
  const row = {
    interval,
    ratePerSec,
    loadErlangs: r.loadErlangs,
    agents: staffing.agents,
    fte: fte(staffing.agents, input.shrinkage ?? 0),
    serviceLevel: r.serviceLevel,
    asaSec: r.asaSec,
    pWait: r.pWait,
    occupancy: r.occupancy,
  };
  return r.model === 'erlangA' ? { ...row, pAbandon: r.pAbandon } : row;
}

/** One row per interval, in order. */
export function intervalTable(input: IntervalTableInput): IntervalStaffing[] {
  return input.ratesPerSec.map((rate, i) => staffOne(input, i, rate));
}
