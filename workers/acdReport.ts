/**
 * A simulated day as an ACD interval report (issue 14, goal 6): the per-contact trace of
 * workers/contactTrace.ts summed the way an ACD sums its queue, into the canonical columns of
 * the interval report that `ccsim calibrate` and `ccsim backtest` read
 * (scenarios/intervalReport.ts): `interval_start,channel,offered,answered,abandoned,aht,asa,answered_within,staffed`.
 *
 * What an ACD counts, per channel (queue) and interval of ARRIVAL:
 * - offered: tier-1 contacts that reached the queue — fresh, retrials, repeats alike, each
 *   attempt once (an ACD sees every call that rings the queue); contacts contained by
 *   self-service (`deflected`) never reached it and are left out, as are those refused at the
 *   switch (`blocked`: no line free, or a full queue), which an ACD never offers;
 * - answered / abandoned: tier-1 stages answered by an agent (a call answered and then
 *   escalated was answered) / abandoned; a contact still waiting at the end is offered only;
 * - aht: mean handle time of the answered (the session: talk + hold + wrap);
 * - asa: mean wait of the answered, from arrival to answer (a callback's wait runs from the
 *   original arrival, as ccsim's ASA does);
 * - answered_within: answered with a wait ≤ T (the `≤` of the recorder's service level);
 * - ata ("average time to abandon", after the canonical columns): mean wait of the abandoned,
 *   which the patience fit of `ccsim calibrate` can use (Mandelbaum & Zeltyn);
 * - staffed: agents logged in on average in the interval, as an ACD counts them — tier-1 agents
 *   of the groups that serve the channel, on shift and neither on a break nor absent (their
 *   available time ÷ the interval; a group serving n channels counts 1/n in each). So the
 *   report's staffed already nets out shrinkage, as a real export's does, and a scenario
 *   calibrated from it needs none. The trace does not hold staffing; the replication's counters do.
 *
 * The CSV itself is written by reports/run/acdReport.ts. These are the recorder's own counts (offered, handled, abandoned, waits, handle times) taken
 * from the trace, so the two agree to the contact (test/workers/acdReport.test.ts), while T
 * may differ from the scenario's.
 */
import type { AcdRow } from '../analysis/run/acdRow.js';
import type { Model } from '../engine/model.js';
import type { ReplicationCounters } from '../engine/recorder.js';
import { DAY_SEC } from '../engine/time.js';
import { addSeconds, formatDateTime } from '../scenarios/dateTime.js';
import { formatClock } from '../scenarios/duration.js';
import type { TraceRow, TraceSink } from './contactTrace.js';

/** Sums of one channel in one interval. */
interface Sums {
  offered: number;
  answered: number;
  abandoned: number;
  handleSumSec: number;
  waitSumSec: number;
  answeredWithin: number;
  abandonWaitSumSec: number;
}

const num = (v: string | number | null): number => (v === null || v === '' ? NaN : Number(v));

/** Sums trace rows into interval rows; a `TraceSink`, so a day can be summed without writing its trace. */
export class AcdAggregator implements TraceSink {
  private readonly index: ReadonlyMap<string, number>;
  private readonly sums: Sums[];

  /** `withinSec[ch]`: the T of channel ch's `answered_within`. */
  constructor(
    private readonly channels: readonly string[],
    private readonly intervalSec: number,
    private readonly intervalCount: number,
    private readonly withinSec: readonly number[],
  ) {
    this.index = new Map(channels.map((id, ch) => [id, ch]));
    this.sums = Array.from({ length: channels.length * intervalCount }, () => ({ offered: 0, answered: 0, abandoned: 0, handleSumSec: 0, waitSumSec: 0, answeredWithin: 0, abandonWaitSumSec: 0 }));
  }

  write(row: TraceRow): void {
    // Contained by self-service or refused at the switch (no line, a full queue): never offered to the ACD's queue.
    if (row.tier !== 1 || row.outcome === 'deflected' || row.outcome === 'blocked') return;
    const ch = this.index.get(String(row.channel));
    const iv = Math.floor(num(row.arrival_sec) / this.intervalSec);
    if (ch === undefined || !(iv >= 0 && iv < this.intervalCount)) return;
    const s = this.sums[ch * this.intervalCount + iv] as Sums;
    s.offered++;
    if (row.outcome === 'abandoned') {
      s.abandoned++;
      s.abandonWaitSumSec += num(row.wait_sec);
    }
    if (row.answer_sec === null) return;
    const wait = num(row.wait_sec);
    s.answered++;
    s.handleSumSec += num(row.handle_sec);
    s.waitSumSec += wait;
    if (wait <= (this.withinSec[ch] ?? 0)) s.answeredWithin++;
  }

  /** The report's rows, channel by channel, interval by interval; `staffed(ch, iv)` gives each row's agents. */
  rows(staffed: (ch: number, iv: number) => number): AcdRow[] {
    const out: AcdRow[] = [];
    this.channels.forEach((channel, ch) => {
      for (let iv = 0; iv < this.intervalCount; iv++) {
        const s = this.sums[ch * this.intervalCount + iv] as Sums;
        const mean = (sum: number): number => (s.answered > 0 ? sum / s.answered : NaN);
        out.push({
          channel, interval: iv, startSec: iv * this.intervalSec, offered: s.offered, answered: s.answered, abandoned: s.abandoned,
          ahtSec: mean(s.handleSumSec), asaSec: mean(s.waitSumSec), answeredWithin: s.answeredWithin, staffed: staffed(ch, iv),
          ataSec: s.abandoned > 0 ? s.abandonWaitSumSec / s.abandoned : NaN,
        });
      }
    });
    return out;
  }
}

/**
 * Tier-1 agents logged in on average in interval iv for channel ch: the available seconds (on
 * shift, not on a break, not absent) of the tier-1 groups serving it ÷ the interval, a group
 * serving n channels counted 1/n in each.
 */
export function staffedAgents(model: Model, counters: ReplicationCounters, ch: number, iv: number): number {
  let sec = 0;
  model.groups.forEach((g, gi) => {
    if (g.tier === 1 && g.channels.includes(ch)) sec += (counters.group.availableSec[gi * counters.intervalCount + iv] ?? 0) / g.channels.length;
  });
  return sec / model.intervalSec;
}

/**
 * How an interval's start is written: a date-time when the report has a date (or the day runs
 * past midnight, which a clock time cannot say), else a clock time from the scenario's day start.
 */
export function intervalLabeller(model: Model, dayNumber: number | undefined): ((startSec: number) => string) | string {
  const dayStart = model.dayStartSec ?? 0;
  if (dayNumber !== undefined) return (t) => formatDateTime(addSeconds({ dayNumber, secOfDay: dayStart }, t));
  if (dayStart + model.horizonSec > DAY_SEC) return 'the day runs past midnight, so interval starts need a date: give --acd-date YYYY-MM-DD (or the scenario a startDate)';
  return (t) => formatClock(dayStart + t);
}
