// The plan (points → tasks, hashes, shards) and the JSONL checkpoint (records, truncation).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { simulateReplication } from '../../engine/simulate.js';
import { canonicalCounters, encodeCounters, parseTaskLine, recordLine, taskLine, taskRecord, CHECKPOINT_FORMAT, CHECKPOINT_VERSION } from '../../workers/checkpoint.js';
import { scanCheckpoint, type RawRecord } from '../../workers/checkpointReader.js';
import { compilePoints, definitionHash, inShard, shardPlan, taskOf, type SweepDefinition } from '../../workers/plan.js';
import { pointSeed } from '../../workers/seed.js';
import { gridPoints, parseVary } from '../../workers/sweepSpec.js';

const classic = readFileSync(fileURLToPath(new URL('../../scenarios/classic-80-20.yaml', import.meta.url)), 'utf8');

function definition(vary: string, over: Partial<SweepDefinition> = {}): SweepDefinition {
  return {
    scenario: { label: 'classic-80-20.yaml', text: classic },
    inputs: [],
    baseOverrides: ['horizon=1h', 'warmup=0'],
    points: gridPoints([parseVary(vary)]),
    seed: null,
    crn: true,
    replications: { mode: 'fixed', count: 4 },
    serviceLevelDefinition: null,
    report: { baseline: null, objective: null, intervals: false },
    ...over,
  };
}

describe('plan', () => {
  it('with CRN every point runs with the base seed; without, a seed that depends only on (seed, point)', () => {
    const crn = compilePoints(definition('agents[0].count=35,36'));
    expect(crn.map((p) => p.seed)).toEqual([1, 1]);
    const independent = compilePoints(definition('agents[0].count=35,36', { crn: false }));
    expect(independent.map((p) => p.seed)).toEqual([pointSeed(1, 0, false), pointSeed(1, 1, false)]);
    expect(independent[0]?.seed).not.toBe(independent[1]?.seed);
    expect(compilePoints(definition('agents[0].count=35,36', { seed: 9 })).map((p) => p.seed)).toEqual([9, 9]);
  });

  it('a task hash changes with the model, the seed and the replication, and with nothing else', () => {
    const [a, b] = compilePoints(definition('agents[0].count=35,36'));
    if (!a || !b) throw new Error('two points expected');
    expect(taskOf(a, 0).id).toBe('p0r0');
    expect(taskOf(a, 0).hash).not.toBe(taskOf(b, 0).hash);
    expect(taskOf(a, 0).hash).not.toBe(taskOf(a, 1).hash);
    const [again] = compilePoints(definition('agents[0].count=35,36', { replications: { mode: 'fixed', count: 9 } }));
    expect(again && taskOf(again, 0).hash).toBe(taskOf(a, 0).hash);
    const [reseeded] = compilePoints(definition('agents[0].count=35,36', { seed: 2 }));
    expect(reseeded && taskOf(reseeded, 0).hash).not.toBe(taskOf(a, 0).hash);
  });

  it('the sweep id changes with anything in the definition', () => {
    expect(definitionHash(definition('agents[0].count=35,36'))).toBe(definitionHash(definition('agents[0].count=35,36')));
    expect(definitionHash(definition('agents[0].count=35,36', { crn: false }))).not.toBe(definitionHash(definition('agents[0].count=35,36')));
  });

  it('a shard\'s plan counts the tasks (or, in precision mode, the points) dealt to it, and the shards\' plans add up', () => {
    const def = definition('agents[0].count=30..36', { replications: { mode: 'fixed', count: 4 } });
    const plans = [0, 1, 2].map((index) => shardPlan(def, { index, count: 3 }));
    expect(plans).toEqual([{ tasks: 10 }, { tasks: 9 }, { tasks: 9 }]);
    const precise = definition('agents[0].count=30..36', { replications: { mode: 'precision', initial: 2, max: 7, halfWidth: 0.1, metric: 'serviceLevel', channel: null } });
    expect([0, 1, 2].map((index) => shardPlan(precise, { index, count: 3 }))).toEqual([{ points: 3 }, { points: 2 }, { points: 2 }]);
  });

  it('shards deal every task to exactly one shard', () => {
    for (const policy of [{ mode: 'fixed', count: 7 } as const, { mode: 'precision', initial: 2, max: 7, halfWidth: 0.1, metric: 'serviceLevel', channel: null } as const]) {
      for (let p = 0; p < 5; p++) {
        for (let r = 0; r < 7; r++) {
          const owners = [0, 1, 2].filter((index) => inShard(policy, p, r, { index, count: 3 }));
          expect(owners).toHaveLength(1);
        }
      }
    }
  });

  it('every invalid point is reported at once, naming the point, before anything runs', () => {
    try {
      compilePoints(definition('agents[0].count=35,-1,0'));
      throw new Error('expected an InputError');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const problems = (err as InputError).problems;
      expect(problems.some((l) => l.startsWith('point 1 (agents[0].count=-1): classic-80-20.yaml (--set agents[0].count=-1) agents[0].count'))).toBe(true);
      expect(problems.some((l) => l.startsWith('point 2 (agents[0].count=0)'))).toBe(true);
    }
  });
});

describe('checkpoint', () => {
  const [point] = compilePoints(definition('agents[0].count=35'));
  if (!point) throw new Error('one point expected');
  const task = taskOf(point, 0);
  const counters = simulateReplication(point.model, point.seed, 0);
  const header = recordLine({ type: 'header', format: CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION, sweepId: 'x', shard: { index: 0, count: 1 }, plan: { tasks: 1 }, definition: {} });
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-checkpoint-'));
  /** Scans `text` written to a file: the task records read and what the scan says. */
  async function scan(text: string) {
    const path = join(dir, 'x.jsonl');
    writeFileSync(path, text);
    const tasks: RawRecord[] = [];
    const result = await scanCheckpoint(path, '--resume', CHECKPOINT_FORMAT, (raw) => tasks.push(raw));
    return { ...result, records: tasks };
  }

  it('a task record reads back with the same counters (typed arrays, NaN kept), its checksum left behind', () => {
    const record = parseTaskLine(taskLine(task, { state: 'completed', counters }, 1));
    expect(record.state).toBe('completed');
    if (record.state !== 'completed') return;
    // Same shape, typed arrays restored as typed arrays, every number (NaN included) equal.
    expect(record.counters).toStrictEqual(counters);
    expect({ id: record.id, point: record.point, replication: record.replication, seed: record.seed, hash: record.hash }).toEqual(task);
    expect('sum' in record).toBe(false);
  });

  it('the hand-written encoding is byte for byte what JSON.stringify writes of the counters as arrays', () => {
    const asArrays = JSON.stringify(counters, (_key, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v));
    expect(Object.values(counters.channel).some((a) => a.some((v) => v > 0))).toBe(true);
    expect(encodeCounters(counters)).toBe(asArrays);
    const odd = { ...counters, busySec: Float64Array.of(-0, Infinity, -Infinity, 1e-7, 1.5e300, NaN) };
    expect(encodeCounters(odd)).toBe(JSON.stringify(odd, (_key, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v)));
  });

  it('a task line is the record as JSON.stringify writes it, then its checksum as the last field', () => {
    const line = taskLine(task, { state: 'errored', error: { message: 'boom' } }, 2);
    expect(line).toMatch(/^\{"type":"task","id":"p0r0",.*,"state":"errored","error":\{"message":"boom"\},"sum":"[0-9a-f]{16}"\}\n$/);
  });

  it('counters made canonical in a worker are exactly those read back from their line; text encoded there is the same line', () => {
    const odd = { ...structuredClone(counters), busySec: Float64Array.of(-0, Infinity, -Infinity, 1e-7, 0.1 + 0.2, NaN, 5e-324) };
    const readBack = parseTaskLine(taskLine(task, { state: 'completed', counters: odd }, 1));
    const canonical = canonicalCounters(structuredClone(odd));
    expect(taskRecord(task, { state: 'completed', counters: canonical }, 1)).toStrictEqual(readBack);
    expect(Object.is(canonical.busySec[0], 0)).toBe(true);
    const encoded = encodeCounters(canonical);
    expect(taskLine(task, { state: 'completed', counters: canonical, encoded }, 1)).toBe(taskLine(task, { state: 'completed', counters: odd }, 1));
  });

  it('a last line cut short by a kill is dropped, and its line named', async () => {
    const line = taskLine(task, { state: 'completed', counters }, 1);
    const read = await scan(`${header}${line}${line.slice(0, 40)}`);
    expect(read.truncatedLine).toBe(3);
    expect(read.records).toHaveLength(1);
    expect(read.end).toBeNull();
  });

  it('a complete last line without its newline is kept', async () => {
    const line = taskLine(task, { state: 'errored', error: { message: 'boom' } }, 2);
    const read = await scan(`${header}${line.trimEnd()}`);
    expect(read.truncatedLine).toBeNull();
    expect(read.records[0]).toMatchObject({ state: 'errored', error: { message: 'boom' }, attempts: 2 });
  });

  it('a damaged line elsewhere, or a file that is not a sweep, is an input error naming the line', async () => {
    await expect(scan(`${header}{oops\n{}\n`)).rejects.toThrow(/x\.jsonl:2: not a complete record \(invalid JSON\); only the last line may be cut short/);
    await expect(scan('{"type":"task"}\n')).rejects.toThrow(/x\.jsonl:1: not a ccsim sweep file/);
    await expect(scan('')).rejects.toThrow(/x\.jsonl: is empty, not a ccsim sweep file/);
  });
});
