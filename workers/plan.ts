/**
 * A sweep's definition (everything that decides its results — the scenario text and the
 * bytes of every file it reads included — written as the checkpoint's header so `ccsim
 * merge` can rebuild the report without the original flags or files) and its plan: the
 * compiled model of every point, the (point, replication) tasks and how shards share them.
 *
 * Task ids are `p<point>r<replication>`; a task's hash covers what the kernel reads — the
 * compiled model (less its default seed and replication count, which the sweep sets), the
 * seed and the replication — so `--resume` reuses a stored result only when it would come
 * out the same.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../engine/errors.js';
import type { Model, ServiceLevelDefinition } from '../engine/model.js';
import type { ChannelMetric } from '../analysis/kpi.js';
import type { ShardPlan } from './checkpoint.js';
import type { ObjectiveSpec } from '../analysis/objective.js';
import { MAX_READABLE_BYTES } from '../scenarios/inputFile.js';
import { ModelBudget } from '../scenarios/workLimits.js';
import { scenarioLoader } from '../scenarios/load.js';
import { withInputFiles, type InputFile } from './inputFiles.js';
import { pointSeed } from './seed.js';
import type { SweepPoint } from './sweepSpec.js';

export type ReplicationPolicy =
  | { readonly mode: 'fixed'; readonly count: number }
  | {
      readonly mode: 'precision';
      /** Replications of the first round. */
      readonly initial: number;
      /** Cap per point (`--max-replications`). */
      readonly max: number;
      /** Target 95% CI half-width, in the metric's units. */
      readonly halfWidth: number;
      readonly metric: ChannelMetric;
      /** A channel id, or null for the whole center. */
      readonly channel: string | null;
    };

export interface ReportOptions {
  /** Name of the point paired differences are taken against. */
  readonly baseline: string | null;
  readonly objective: ObjectiveSpec | null;
  /** Include per-interval results of every point (large). */
  readonly intervals: boolean;
}

export interface SweepDefinition {
  /** The scenario without its `sweep:` block; `label` is the file's base name. */
  readonly scenario: { readonly label: string; readonly text: string };
  /** The files the scenario reads (forecast CSVs), with their bytes: part of the sweep's identity (workers/inputFiles.ts). */
  readonly inputs: readonly InputFile[];
  /** `--set` overrides, applied to every point before the point's own. */
  readonly baseOverrides: readonly string[];
  readonly points: readonly SweepPoint[];
  /** `--seed`, or null for each point's scenario seed. */
  readonly seed: number | null;
  /** Common random numbers across points (false with `--no-crn`). */
  readonly crn: boolean;
  readonly replications: ReplicationPolicy;
  readonly serviceLevelDefinition: ServiceLevelDefinition | null;
  readonly report: ReportOptions;
}

export interface PlannedPoint {
  readonly index: number;
  readonly point: SweepPoint;
  readonly model: Model;
  /** The seed every replication of this point runs with (workers/seed.ts). */
  readonly seed: number;
  readonly modelHash: string;
}

export interface Task {
  readonly id: string;
  readonly point: number;
  readonly replication: number;
  readonly seed: number;
  readonly hash: string;
}

export interface Shard {
  readonly index: number;
  readonly count: number;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Identifies a sweep: shards of one sweep share it; merge refuses files that differ. */
export function definitionHash(def: SweepDefinition): string {
  return sha(JSON.stringify(def));
}

/** What makes two sweeps' definitions differ, in words (for a refusal: "its forecast file f.csv differs"). */
export function definitionDifference(a: SweepDefinition, b: SweepDefinition): string {
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
  if (a.scenario.text !== b.scenario.text) return 'the scenario text differs';
  for (const path of new Set([...a.inputs, ...b.inputs].map((f) => f.path))) {
    const [x, y] = [a.inputs.find((f) => f.path === path), b.inputs.find((f) => f.path === path)];
    if (x === undefined || y === undefined) return `only one of them reads the file ${path}`;
    if (x.sha256 !== y.sha256) return `its forecast file ${path} differs (sha256 ${x.sha256.slice(0, 12)}… vs ${y.sha256.slice(0, 12)}…)`;
  }
  const parts: [string, unknown, unknown][] = [
    ['the --set overrides differ', a.baseOverrides, b.baseOverrides], ['the points (--vary or the sweep: block) differ', a.points, b.points],
    ['the seed differs', a.seed, b.seed], ['one uses common random numbers, the other --no-crn', a.crn, b.crn],
    ['the replications differ', a.replications, b.replications], ['the service-level definition differs', a.serviceLevelDefinition, b.serviceLevelDefinition],
    ['the report options (--baseline, objective, --intervals) differ', a.report, b.report], ['the scenario\'s file name differs', a.scenario.label, b.scenario.label],
  ];
  return parts.find(([, x, y]) => !same(x, y))?.[0] ?? 'the definitions differ';
}

/** Problems beyond this many are summarised: a bad base scenario fails every point alike. */
const MAX_REPORTED = 30;

/**
 * Validates and compiles every point (the scenario's input files laid out from the
 * definition); all invalid points are reported at once (exit 2). `scenarioDir` is the real
 * directory of the scenario, named in problems about its files.
 */
export function compilePoints(def: SweepDefinition, scenarioDir?: string): PlannedPoint[] {
  return withInputFiles(def.inputs, scenarioDir, (inputs) => {
    const problems: string[] = [];
    const planned: PlannedPoint[] = [];
    const load = scenarioLoader(def.scenario.text, def.scenario.label);
    const budget = new ModelBudget();
    def.points.forEach((point, index) => {
      let compiled: Model;
      try {
        const overrides = [...def.baseOverrides, ...point.overrides];
        const options = {
          overrides,
          redirects: inputs.absoluteOverrides(def.scenario.text, overrides),
          ...(inputs.baseDir === undefined ? {} : { baseDir: inputs.baseDir }),
          // The definition's files were read under the command's cap already; their copies are read back whole.
          maxInputBytes: MAX_READABLE_BYTES,
        };
        compiled = load(options).model;
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        for (const line of err.problems) problems.push(`point ${index} (${point.name}): ${inputs.relabel(line)}`);
        return;
      }
      const model: Model = def.serviceLevelDefinition ? { ...compiled, serviceLevelDefinition: def.serviceLevelDefinition } : compiled;
      const { seed: _seed, replications: _replications, ...kernelInput } = model;
      // Past the memory limit the sweep is refused here, before another point is compiled.
      budget.add(model, index, def.points.length);
      planned.push({ index, point, model, seed: pointSeed(def.seed ?? model.seed, index, def.crn), modelHash: sha(JSON.stringify(kernelInput)) });
    });
    if (problems.length > 0) {
      const shown = problems.slice(0, MAX_REPORTED);
      if (problems.length > MAX_REPORTED) shown.push(`… and ${problems.length - MAX_REPORTED} more problems`);
      throw new InputError(shown);
    }
    return planned;
  });
}

export function taskOf(p: PlannedPoint, replication: number): Task {
  return { id: `p${p.index}r${replication}`, point: p.index, replication, seed: p.seed, hash: sha(`${p.modelHash}|${p.seed}|${replication}`) };
}

/**
 * Whether a task belongs to a shard. With a fixed replication count the tasks, numbered
 * point-major, are dealt round-robin (balanced whatever the shape of the sweep); in
 * precision mode a point's replications depend on each other's results, so whole points
 * are dealt instead.
 */
export function inShard(policy: ReplicationPolicy, point: number, replication: number, shard: Shard): boolean {
  return shardOf(policy, point, replication, shard.count) === shard.index;
}

/** The index of the shard (of `count`) a task is dealt to. */
export function shardOf(policy: ReplicationPolicy, point: number, replication: number, count: number): number {
  return (policy.mode === 'precision' ? point : point * policy.count + replication) % count;
}

/** What a shard must hold (written in its header): its number of tasks, or in precision mode of points. */
export function shardPlan(def: SweepDefinition, shard: Shard): ShardPlan {
  const points = def.points.length;
  const policy = def.replications;
  const dealt = (total: number): number => Math.floor(total / shard.count) + (shard.index < total % shard.count ? 1 : 0);
  return policy.mode === 'precision' ? { points: dealt(points) } : { tasks: dealt(points * policy.count) };
}

/** The index of the point named `name`, or an InputError naming `flag` and the choices. */
export function pointIndexByName(points: readonly SweepPoint[], name: string, flag: string): number {
  const i = points.findIndex((p) => p.name === name);
  if (i >= 0) return i;
  const names = points.slice(0, 8).map((p) => `"${p.name}"`).join(', ');
  throw new InputError(`${flag}: no point is named "${name}" (points: ${names}${points.length > 8 ? ', …' : ''})`);
}
