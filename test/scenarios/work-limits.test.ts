// Work limits (issue 18, goal 2): the memory and the contacts a command asks for, estimated
// from the compiled model before anything runs (scenarios/workLimits.ts), refused past the
// limits with what was asked and what is allowed — for run, check and validate (cli/
// workChecks.ts), sweep (workers/sweepWork.ts, and the points as they compile) and staff.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import type { Model } from '../../engine/model.js';
import { loadScenarioText } from '../../scenarios/load.js';
import { ModelBudget, modelWork, runWork, staffWork, sweepWork, WORK_LIMITS, workProblems } from '../../scenarios/workLimits.js';
import { ccsim } from '../support/cli.js';

const ADVICE = { memory: 'ask for less memory', contacts: 'ask for fewer contacts' };

function model(horizon: string, interval: string, options: { perHour?: number; count?: number; patience?: string; channels?: number; groups?: number } = {}): Model {
  const channels = options.channels ?? 1;
  const groups = options.groups ?? 1;
  const ids = Array.from({ length: channels }, (_, c) => `c${c}`);
  const patience = options.patience === undefined ? '' : `, patience: { dist: exponential, mean: ${options.patience} }`;
  const text = [
    'name: W', 'replications: 2', `horizon: ${horizon}`, `interval: ${interval}`, 'channels:',
    ...ids.map((id) => `  - { id: ${id}, kind: voice, arrivals: { perHour: ${options.perHour ?? 300} }, handle: { dist: exponential, mean: 6m }${patience} }`),
    'agents:',
    ...Array.from({ length: groups }, (_, g) => `  - { id: g${g}, channels: [${ids.slice(0, 30).map((_, k) => ids[(g + k) % channels]).join(', ')}], count: ${options.count ?? 35} }`),
  ].join('\n');
  return loadScenarioText(text, 'w.yaml').model;
}

const problemsOfRun = (m: Model, replications: number): string[] => {
  const w = modelWork(m);
  return workProblems('run', w, runWork(w, replications), ADVICE);
};

describe('run: memory', () => {
  it('a year in 6-minute intervals is refused, naming the intervals, the estimate and the limit', () => {
    expect(problemsOfRun(model('365d', '6m'), 1)).toEqual([
      'run: would need about 3.1 GB of memory (87,600 intervals × (1 channel + 1 group), 1 replication); at most 1.5 GB is allowed: ask for less memory',
    ]);
  });

  it('a year in 15-minute intervals fits (1.1–1.3 GB measured), and a week in 6-minute intervals with 20 replications', () => {
    expect(problemsOfRun(model('365d', '15m'), 1)).toEqual([]);
    expect(problemsOfRun(model('7d', '6m'), 20)).toEqual([]);
  });

  it('100 channels served by 1,000 groups: a day fits, a week does not', () => {
    const day = model('24h', '15m', { channels: 100, groups: 1000, perHour: 100, count: 2 });
    expect(problemsOfRun(day, 1)).toEqual([]);
    expect(problemsOfRun(model('7d', '15m', { channels: 100, groups: 1000, perHour: 100, count: 2 }), 1)[0]).toMatch(
      /^run: would need about 6\.\d GB of memory \(672 intervals × \(100 channels \+ 1,000 groups\), 1 replication\); at most 1\.5 GB/);
  });

  it('100,000 replications keep their counters and KPIs until the result is built', () => {
    expect(problemsOfRun(model('8h', '30m'), 100_000)[0]).toMatch(/^run: would need about 5\.\d GB of memory \(16 intervals × \(1 channel \+ 1 group\), 100,000 replications\)/);
    expect(problemsOfRun(model('8h', '30m'), 10_000)).toEqual([]);
  });

  it('a queue the agents cannot keep up with is counted, and named: a million calls an hour at one agent', () => {
    expect(problemsOfRun(model('9h', '30m', { perHour: 1_000_000, count: 1 }), 1)).toEqual([
      'run: would need about 1.6 GB of memory (18 intervals × (1 channel + 1 group), 1 replication; about 9.00 million contacts would wait at once, the agents serving them being too few); at most 1.5 GB is allowed: add agents, give customers a patience, or lower the arrival rate',
    ]);
    // Customers who hang up after 5 minutes keep the queue at about rate × patience.
    expect(problemsOfRun(model('9h', '30m', { perHour: 1_000_000, count: 1, patience: '5m' }), 1)).toEqual([]);
    // Enough agents: nobody piles up.
    expect(modelWork(model('9h', '30m', { perHour: 100_000, count: 12_000 })).queueBytes).toBe(0);
  });
});

describe('run: contacts', () => {
  it('one replication of more than 250 million contacts is refused; a year of a 2,000-seat center is not', () => {
    const m = model('260h', '30m', { perHour: 1_000_000, count: 100_000, patience: '5m' });
    expect(modelWork(m).contactsPerReplication).toBeCloseTo(260e6, -3);
    expect(problemsOfRun(m, 1)).toEqual([
      'run: one replication would simulate about 260 million contacts (the arrivals over the warm-up and the horizon); at most 250 million are allowed in one replication: shorten the horizon, or run its weeks as separate scenarios',
    ]);
    // 22,900 calls an hour for 365 days: about 200.6 million.
    const year = model('365d', '30m', { perHour: 22_900, count: 2_000, patience: '3m' });
    expect(modelWork(year).contactsPerReplication).toBeCloseTo(365 * 24 * 22_900, -3);
    expect(problemsOfRun(year, 1)).toEqual([]);
  });

  it('more than a billion contacts over all replications is refused, with how many each', () => {
    const m = model('8h', '30m', { perHour: 1_000_000, count: 100_000 });
    expect(problemsOfRun(m, 124)).toEqual([]);
    expect(problemsOfRun(m, 200)).toEqual([
      'run: would simulate about 1.60 billion contacts (200 replications, about 8.00 million each); at most 1.00 billion are allowed in one command (some 5–10 minutes of simulation on one core): ask for fewer contacts',
    ]);
  });
});

describe('sweep and staff', () => {
  it('a sweep counts every task this shard runs; with --precision, its replication cap', () => {
    const w = modelWork(model('8h', '30m'));
    const points = (tasks: number) => Array.from({ length: 2 }, () => ({ work: w, tasks }));
    expect(workProblems('sweep', w, sweepWork(points(200), 2, false), ADVICE)).toEqual([]);
    expect(workProblems('sweep', w, sweepWork(points(100_000), 2, false), ADVICE)[0]).toMatch(/^sweep: would need about 2\.\d GB of memory \(16 intervals × \(1 channel \+ 1 group\), 2 points, 200,000 tasks\)/);
  });

  it('compiling a sweep\'s points stops at the first past the memory limit', () => {
    const m = model('365d', '6m');
    const budget = new ModelBudget();
    const perPoint = modelWork(m).modelBytes;
    const fits = Math.floor(WORK_LIMITS.maxMemoryBytes / perPoint);
    for (let i = 0; i < fits; i++) budget.add(m, i, 10_000);
    expect(() => budget.add(m, fits, 10_000)).toThrow(InputError);
    expect(() => new ModelBudget().add(m, 0, 1)).not.toThrow();
  });

  it('a staffing search solves each interval on the day up to it: its work grows with the square of the intervals', () => {
    const day = model('24h', '30m');
    const week = model('7d', '30m');
    const contacts = (m: Model, reps: number) => staffWork(modelWork(m), m, reps, 'intervals').contacts;
    expect(contacts(week, 5) / contacts(day, 5)).toBeGreaterThan(40);
    const w = modelWork(week);
    expect(workProblems('staff', w, staffWork(w, week, 20, 'intervals'), ADVICE)[0]).toMatch(/^staff: would simulate about 1\.\d+ billion contacts \(20 replications of each candidate/);
    expect(workProblems('staff', w, staffWork(w, week, 20, 'wholeDay'), ADVICE)).toEqual([]);
  });
});

describe('the commands refuse at once, naming the limit', () => {
  const year = ['--set', 'horizon=365d', '--set', 'interval=6m'];
  it('run, check, validate, sweep and staff: exit 2 before any simulation', () => {
    const cases: [string[], RegExp][] = [
      // A result with every interval of the year: beyond a week, run reports per day unless told `--intervals all`.
      [['run', 'scenarios/classic-80-20.yaml', ...year, '--intervals', 'all'], /^ccsim: run: would need about \d+\.\d GB of memory \(87,600 intervals/],
      [['check', 'scenarios/classic-80-20.yaml', ...year, '--assert', 'overall.offered>0'], /^ccsim: check: would need about/],
      // validate judges run's default: the year above runs per day (docs/horizon.md), so a run too big for its replications.
      [['validate', 'scenarios/classic-80-20.yaml', '--set', 'replications=100000'], /^ccsim: scenarios\/classic-80-20\.yaml: a run of its 100000 replications: would need about/],
      [['run', 'scenarios/classic-80-20.yaml', '-r', '100000'], /^ccsim: run: would need about 5\.\d GB of memory \(16 intervals × \(1 channel \+ 1 group\), 100,000 replications\)/],
      [['sweep', 'scenarios/classic-80-20.yaml', '--vary', 'agents[0].count=34,35', '--precision', '0.00001', '--metric', 'serviceLevel', '--max-replications', '100000'], /^ccsim: sweep: would need about 2\.\d GB of memory/],
      [['staff', 'scenarios/classic-80-20.yaml', '--set', 'horizon=7d'], /^ccsim: staff: would simulate about 1\.\d+ billion contacts/],
    ];
    for (const [args, message] of cases) {
      const started = Date.now();
      const r = ccsim(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(Date.now() - started, args.join(' ')).toBeLessThan(20_000);
    }
  });
});
