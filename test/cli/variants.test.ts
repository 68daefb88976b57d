// Named what-ifs (`variants:` and `--variant NAME`) through the real CLI: a variant is its
// patches applied before --set, validated like the scenario, tried one by one by validate.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-variants-'));

const BASE = `name: v
horizon: 2h
warmup: 30m
replications: 2
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 120 }
    handle: { dist: exponential, mean: 5m }
agents:
  - id: team
    channels: [voice]
    count: [12, 12, 12, 12]
`;

function scenario(name: string, variants: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${BASE}${variants}`);
  return path;
}

const GOOD = `variants:
  busy:
    description: more calls, more agents in the last hour
    set:
      - channels.voice.volume*=1.25
      - agents.team.count+=1
  flat:
    set:
      - { agents.team.count: [14, 14, 13, 13] }
`;

describe('--variant NAME', () => {
  const file = scenario('good.yaml', GOOD);

  it('runs the variant as its patches written on the command line', () => {
    const variant = ccsim(['run', file, '--variant', 'busy', '--json']);
    const spelled = ccsim(['run', file, '--set', 'channels.voice.arrivals.perHour=150', '--set', 'agents[0].count=[13, 13, 13, 13]', '--json']);
    expect(variant.status).toBe(0);
    expect(variant.stdout).toBe(spelled.stdout);
    // A mapping patch replaces the list outright.
    const flat = ccsim(['run', file, '--variant', 'flat', '--json']);
    expect(flat.stdout).toBe(ccsim(['run', file, '--set', 'agents[0].count=[14, 14, 13, 13]', '--json']).stdout);
  });

  it('applies --set after the variant, and the variant to every point of a sweep', () => {
    const after = ccsim(['run', file, '--variant', 'busy', '--set', 'agents.team.count+=1', '--json']);
    expect(after.stdout).toBe(ccsim(['run', file, '--set', 'channels.voice.arrivals.perHour=150', '--set', 'agents[0].count=14', '--json']).stdout);
    const sweep = ccsim(['sweep', file, '--variant', 'busy', '--vary', 'channels.voice.handle.mean=4m,5m', '--workers', '1', '--format', 'csv']);
    const spelled = ccsim(['sweep', file, '--scale', 'channels.voice.volume=1.25', '--set', 'agents.team.count+=1', '--vary', 'channels.voice.handle.mean=4m,5m', '--workers', '1', '--format', 'csv']);
    expect(sweep.status).toBe(0);
    expect(sweep.stdout).toBe(spelled.stdout);
  });

  it('names an unknown variant with a suggestion, exit 2', () => {
    const r = ccsim(['run', file, '--variant', 'bussy']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('ccsim: --variant bussy: no variant "bussy" (its variants: busy, flat) (did you mean "busy"?)\n');
  });

  it('validate tries every variant and names the one that breaks a rule', () => {
    expect(ccsim(['validate', file]).stdout).toBe(`${file}: ok (1 channel, 1 group, 4 intervals, 2 variants)\n`);
    const bad = scenario('bad-value.yaml', `${GOOD}  shrunk:\n    set: ["agents.team.count*=0.5", "channels.voice.handle.mean-=6m"]\n`);
    const r = ccsim(['validate', bad]);
    expect(r.status).toBe(2);
    // 12 × 0.5 = 6 agents is fine; 5m − 6m = −60 s is not a handle time.
    expect(r.stderr).toContain('variant shrunk: ');
    expect(r.stderr).toContain('(--set channels.voice.handle.mean-=6m) channels[0].handle.mean');
    expect(r.stderr).toContain('(got -60)');
    expect(r.stderr).not.toContain('variant busy');
  });

  it('locates a malformed patch in the file', () => {
    const bad = scenario('bad-patch.yaml', 'variants:\n  odd:\n    set:\n      - agents[0]count+=1\n      - { a: 1, b: 2 }\n');
    const r = ccsim(['validate', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}:17:9 variants.odd.set[0]: expected "." or "[" before "count" (got "agents[0]count+=1")`);
    expect(r.stderr).toContain(`${bad}:18:9 variants.odd.set[1]: must have exactly one key, the path (got {"a":1,"b":2})`);
  });
});

describe('sweep --variants', () => {
  const file = scenario('sweep.yaml', GOOD);
  const csv = (args: string[]) => ccsim(['sweep', file, ...args, '--workers', '1', '--format', 'csv']);
  /** The tidy rows of one point, without its index and name columns (what the simulation gave). */
  const rowsOf = (stdout: string, point: number) =>
    stdout
      .trim()
      .split('\n')
      .slice(1)
      .filter((line) => line.startsWith(`${point},`))
      .map((line) => line.split(',').slice(3).join(','));

  it('runs the scenario as written and each variant, each point the same simulation as --variant NAME', () => {
    const all = csv(['--variants', '-r', '3']);
    expect(all.status).toBe(0);
    const names = [...new Set(all.stdout.trim().split('\n').slice(1).map((line) => line.split(',')[1]))];
    expect(names).toEqual(['base', 'busy', 'flat']);
    // Under common random numbers every point has the sweep's seed, so a point is its variant run alone as a one-point sweep.
    const alone = (variant: string) => csv(['--variant', variant, '--vary', 'channels.voice.target.level=0.8', '-r', '3']).stdout;
    expect(rowsOf(all.stdout, 1)).toEqual(rowsOf(alone('busy'), 0));
    expect(rowsOf(all.stdout, 2)).toEqual(rowsOf(alone('flat'), 0));
    expect(rowsOf(all.stdout, 1)).not.toEqual(rowsOf(all.stdout, 0));
  });

  it('takes a list, crosses it with --vary (variant first), and names mistakes', () => {
    const crossed = csv(['--variants', 'flat', '--vary', 'channels.voice.handle.mean=4m,5m', '-r', '2']);
    expect(crossed.status).toBe(0);
    const names = [...new Set(crossed.stdout.trim().split('\n').slice(1).map((line) => line.match(/^\d+,"([^"]+)"/)?.[1]))];
    expect(names).toEqual(['base,channels.voice.handle.mean=4m', 'base,channels.voice.handle.mean=5m', 'flat,channels.voice.handle.mean=4m', 'flat,channels.voice.handle.mean=5m']);
    const unknown = csv(['--variants', 'busy,flatt']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('ccsim: --variants flatt: no variant "flatt" (its variants: busy, flat) (did you mean "flat"?)\n');
    const none = ccsim(['sweep', scenario('plain.yaml', ''), '--variants']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('has no variants: block');
    const clash = ccsim(['sweep', scenario('clash.yaml', 'variants:\n  base:\n    set: ["agents.team.count+=1"]\n'), '--variants']);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toContain('a variant is named "base"');
  });
});
