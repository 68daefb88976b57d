// What-ifs in one flag through the real CLI: `--scale` is `--set …*=`, relative overrides
// change what the file says, and a scaled volume is the same simulation as the volume
// written out (the arrival stream inverts one uniform per arrival, so CRN hold).
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';

const DAY = ['--set', 'horizon=2h', '--set', 'warmup=30m', '-r', '2', '--json'];

describe('what-ifs on the command line', () => {
  it('--scale channels.voice.volume=1.15 simulates what perHour: 345 does', () => {
    const scaled = ccsim(['run', ...DAY, '--scale', 'channels.voice.volume=1.15']);
    const written = ccsim(['run', ...DAY, '--set', 'channels.voice.arrivals.perHour=345']);
    const base = ccsim(['run', ...DAY]);
    expect(scaled.status).toBe(0);
    expect(scaled.stdout).toBe(written.stdout);
    expect(scaled.stdout).not.toBe(base.stdout);
  });

  it('--set count+=5 and handle.mean+=30s are the values written out', () => {
    const relative = ccsim(['run', ...DAY, '--set', 'agents.team-a.count+=5', '--set', 'channels.voice.handle.mean+=30s']);
    const written = ccsim(['run', ...DAY, '--set', 'agents[0].count=40', '--set', 'channels[0].handle.mean=390']);
    expect(relative.status).toBe(0);
    expect(relative.stdout).toBe(written.stdout);
  });

  it('refuses a bad --scale or a relative change of an unwritten field with exit 2 and the flag named', () => {
    const bad = ccsim(['run', '--scale', 'volume=lots']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('ccsim: --scale volume=lots: must be path=factor with a factor 0 or more, e.g. channels.voice.volume=1.15\n');
    const unwritten = ccsim(['validate', 'scenarios/classic-80-20.yaml', '--set', 'channels.voice.patience.mean+=30s']);
    expect(unwritten.status).toBe(2);
    expect(unwritten.stderr).toContain('has no value in the scenario to change');
    const whole = ccsim(['validate', 'scenarios/classic-80-20.yaml', '--scale', 'agents[0].count=1.1']);
    expect(whole.status).toBe(2);
    expect(whole.stderr).toContain('(--set agents[0].count*=1.1) agents[0].count: must be a whole number of agents');
  });
});
