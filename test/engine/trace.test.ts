// The kernel's trace hooks (engine/trace.ts), seen through the tracer of `run --trace`
// (workers/contactTrace.ts; here, in the engine's suites, so mutation testing runs it): a scripted day worked out by
// hand, then the bundled scenarios' traces summed back into the run's own figures (offered,
// answered, abandoned, ASA, tiers, follow-ups), links that point at the right contacts, and a
// traced replication that is the untraced one draw for draw.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../engine/simulate.js';
import type { Model } from '../../engine/model.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { loadScenarioFile } from '../../scenarios/load.js';
import { TRACE_COLUMNS, writeTrace } from '../../workers/contactTrace.js';
import { constant, model, withChannel } from '../support/model.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-trace-'));

type Row = Record<(typeof TRACE_COLUMNS)[number], string>;

function traceRows(m: Model, name: string, replications = 1): Row[] {
  const path = join(dir, `${name}.csv`);
  writeTrace(m, m.seed, { path, format: 'csv', replications });
  const text = readFileSync(path, 'utf8');
  expect(text.split('\n')[0]).toBe(TRACE_COLUMNS.join(','));
  return parse(text, { columns: true }) as Row[];
}

const num = (s: string): number => Number(s);

describe('a scripted day, by hand', () => {
  it('one agent, three calls at 0, 10 and 20 s, each 15 s long', () => {
    const m = model({ agents: 1, horizonSec: 3600, channels: [{ arrivalTimesSec: [0, 10, 20], handle: constant(15) }] });
    const rows = traceRows(m, 'scripted');
    // Call 1 is answered at once (0–15); call 2 waits 15 − 10 = 5 s (15–30); call 3 waits 30 − 20 = 10 s (30–45).
    expect(rows.map((r) => [r.contact, r.arrival_sec, r.answer_sec, r.wait_sec, r.handle_sec, r.end_sec, r.outcome, r.group, r.tier, r.origin])).toEqual([
      ['1', '0', '0', '0', '15', '15', 'resolved', 'team', '1', 'fresh'],
      ['2', '10', '15', '5', '15', '30', 'resolved', 'team', '1', 'fresh'],
      ['3', '20', '30', '10', '15', '45', 'resolved', 'team', '1', 'fresh'],
    ]);
    expect(rows.map((r) => [r.replication, r.parent, r.callback_sec, r.channel, r.type, r.priority])).toEqual(Array(3).fill(['0', '', '', 'voice', 'voice', 'P3']));
  });

  it('a caller whose patience ends before an agent frees abandons, with the wait it had', () => {
    const m = model({ agents: 1, horizonSec: 3600, channels: [{ arrivalTimesSec: [0, 5], handle: constant(60), patience: constant(20) }] });
    const rows = traceRows(m, 'abandon');
    // Call 2 arrives at 5 s, gives up 20 s later (25 s) while call 1 is served until 60 s.
    expect(rows.map((r) => [r.contact, r.answer_sec, r.end_sec, r.wait_sec, r.outcome, r.group, r.handle_sec])).toEqual([
      ['2', '', '25', '20', 'abandoned', '', ''],
      ['1', '0', '60', '0', 'resolved', 'team', '60'],
    ]);
  });
});

describe('the maximum wait and the close, by hand', () => {
  // One agent, calls at 0, 10, 20, 280 and 285 s of a 300-second day, each 100 s long; a caller still
  // waiting 30 s after arriving leaves a message; callers still waiting at the close are disconnected.
  const m = withChannel(model({ agents: 1, horizonSec: 300, intervalSec: 100, channels: [{ arrivalTimesSec: [0, 10, 20, 280, 285], handle: constant(100) }] }), 0, {
    maxWait: { afterSec: 30, then: 'message' }, atClose: 'disconnect',
  });

  it('ends the stage of a caller who reached the maximum wait as a message, and of one still waiting at the close as disconnected', () => {
    const rows = traceRows(m, 'exits');
    // The agent is busy 0–100: call 2 leaves a message at 40, call 3 at 50 (each waited 30 s).
    // Call 4 is answered at once at 280 (280–380); call 5 (285) waits and is disconnected at the
    // close (300), before its maximum (315), after 15 s.
    expect(rows.map((r) => [r.contact, r.arrival_sec, r.answer_sec, r.end_sec, r.wait_sec, r.outcome])).toEqual([
      ['2', '10', '', '40', '30', 'message'],
      ['3', '20', '', '50', '30', 'message'],
      ['1', '0', '0', '100', '0', 'resolved'],
      ['5', '285', '', '300', '15', 'disconnected'],
      ['4', '280', '280', '380', '0', 'resolved'],
    ]);
    const result = buildRunResult({ ...m, replications: 1 }, m.seed, [simulateReplication(m, m.seed, 0)]);
    const voice = result.summary.channels.voice!;
    expect([voice.messages?.mean, voice.maxWaitExits?.mean, voice.disconnected?.mean, voice.offered.mean]).toEqual([
      rows.filter((r) => r.outcome === 'message').length, 2, rows.filter((r) => r.outcome === 'disconnected').length, rows.length,
    ]);
  });
});

/** Tier-1 stages of channel `ch` that reached an agent's queue (not contained by self-service, not blocked). */
const offeredRows = (rows: readonly Row[], ch: string) => rows.filter((r) => r.channel === ch && r.tier === '1' && r.outcome !== 'deflected' && r.outcome !== 'blocked');

describe.each(['saas-support.yaml', 'bank-voice.yaml', 'retail-omnichannel.yaml', 'sales-service.yaml'])('the trace of %s', (file) => {
  // Without a warm-up every follow-up's first contact is traced, so every link can be checked.
  const { model: m } = loadScenarioFile(`scenarios/${file}`, { overrides: ['warmup=0'] });
  const rows = traceRows(m, file);
  const counters = simulateReplication(m, m.seed, 0);
  const result = buildRunResult({ ...m, replications: 1 }, m.seed, [counters]);

  it('sums to the run\'s own figures for its replication', () => {
    for (const channel of m.channels) {
      const kpi = result.summary.channels[channel.id];
      const mine = offeredRows(rows, channel.id);
      const answered = mine.filter((r) => r.answer_sec !== '');
      expect(mine.length, `${channel.id} offered`).toBe(kpi?.offered.mean);
      expect(answered.length, `${channel.id} handled`).toBe(kpi?.handled.mean);
      expect(mine.filter((r) => r.outcome === 'abandoned').length, `${channel.id} abandoned`).toBe(kpi?.abandoned.mean);
      expect(rows.filter((r) => r.channel === channel.id && r.outcome === 'deflected').length, `${channel.id} deflected`).toBe(kpi?.deflected.mean);
      expect(rows.filter((r) => r.channel === channel.id && r.outcome === 'blocked').length, `${channel.id} blocked`).toBe(kpi?.blocked.mean);
      expect(mine.filter((r) => r.callback_sec !== '').length, `${channel.id} callbacks`).toBe(kpi?.callbacks.mean);
      expect(mine.filter((r) => r.origin === 'retrial').length, `${channel.id} retrials`).toBe(kpi?.retrials.mean);
      expect(mine.filter((r) => r.outcome === 'escalated').length, `${channel.id} escalated`).toBe(kpi?.escalated.mean);
      if (answered.length > 0 && !channel.deferred) {
        const asa = answered.reduce((s, r) => s + num(r.wait_sec), 0) / answered.length;
        expect(asa, `${channel.id} ASA`).toBeCloseTo(kpi?.asaSec.mean ?? NaN, 9);
      }
    }
    for (const tier of [2, 3]) {
      const figures = result.summary.tiers[String(tier)];
      if (figures === undefined) continue;
      const stages = rows.filter((r) => r.tier === String(tier));
      expect(stages.length, `tier ${tier} volume`).toBe(figures.volume.mean);
      expect(stages.filter((r) => r.answer_sec !== '').length, `tier ${tier} handled`).toBe(figures.handled.mean);
      expect(stages.filter((r) => r.outcome === 'abandoned').length, `tier ${tier} abandoned`).toBe(figures.abandoned.mean);
    }
  });

  it('links each follow-up to an earlier contact that ended the way its origin says', () => {
    const last = new Map<string, Row>();
    for (const r of rows) last.set(r.contact, r); // a contact's last stage is its last row
    // A retrial follows an abandon, or a busy signal (bank-voice has trunk lines).
    const expected: Record<string, readonly string[]> = { retrial: ['abandoned', 'blocked'], repeat: ['resolved'], return: ['deflected'] };
    let linked = 0;
    for (const r of rows.filter((x) => x.parent !== '' && x.tier === '1')) {
      const parent = last.get(r.parent);
      expect(parent, `contact ${r.contact}'s parent ${r.parent}`).toBeDefined();
      expect(expected[r.origin]).toContain(parent?.outcome);
      expect(Number(parent?.end_sec)).toBeLessThanOrEqual(num(r.arrival_sec));
      expect(num(r.parent)).toBeLessThan(num(r.contact));
      linked++;
    }
    const followUps = rows.filter((r) => r.tier === '1' && r.origin !== 'fresh' && r.origin !== 'backlog').length;
    expect(linked).toBe(followUps);
    expect(rows.filter((r) => r.tier === '1' && r.origin === 'fresh' && r.parent !== '')).toEqual([]);
  });

  it('is the same replication as the untraced one', () => {
    expect(simulateReplication(m, m.seed, 0)).toEqual(counters);
    expect(new Set(rows.map((r) => r.replication))).toEqual(new Set(['0']));
  });
});

describe('formats and replications', () => {
  it('writes the same rows as JSONL, and one replication after another', () => {
    const { model: m } = loadScenarioFile('scenarios/bank-voice.yaml', { overrides: ['horizon=3h', 'channels.voice.arrivals.volumes=[75, 100, 126, 151, 163, 163]', 'channels.voice.ahtByInterval=[5m, 5m15s, 5m30s, 5m45s, 5m50s, 5m50s]'] });
    const csv = traceRows(m, 'two', 2);
    const path = join(dir, 'two.jsonl');
    writeTrace(m, m.seed, { path, format: 'jsonl', replications: 2 });
    const jsonl = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(jsonl.length).toBe(csv.length);
    expect(jsonl.map((o) => TRACE_COLUMNS.map((c) => (o[c] === null ? '' : String(o[c]))))).toEqual(csv.map((r) => TRACE_COLUMNS.map((c) => r[c])));
    const reps = csv.map((r) => r.replication);
    expect(reps.indexOf('1')).toBeGreaterThan(0);
    expect(reps.slice(reps.indexOf('1')).every((x) => x === '1')).toBe(true);
  });
});
