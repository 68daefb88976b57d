// `ccsim erlang` flags in the units people write (issue 17): a rate over a day is averaged around
// the clock, which the output says beside the figures; shares are 0.8 or 80%.
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';

const erlang = (...args: string[]) => ccsim(['erlang', ...args]);
const NOTE = '--rate 2400/d is spread evenly over 1d: 100/h around the clock. Erlang assumes a steady rate: for a day with a busy hour, give that hour\'s rate (--rate N/h), or run "ccsim erlang table" on a forecast';

describe('a rate per day', () => {
  it('is averaged over 24 hours, and the text output says so in a note', () => {
    const r = erlang('c', '--rate', '2400/d', '--aht', '6m', '--agents', '12');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('loadErlangs             10\n');
    expect(r.stdout).toContain(`note: ${NOTE}\n`);
  });

  it('the JSON output carries the note in notes', () => {
    const r = erlang('staff', '--rate', '2400/d', '--aht', '6m', '--sl', '0.8', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { notes?: string[] }).notes).toEqual([NOTE]);
  });

  it('an hourly rate has no note', () => {
    const r = erlang('c', '--rate', '100/h', '--aht', '6m', '--agents', '12', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).not.toHaveProperty('notes');
  });
});

describe('share flags', () => {
  it('read 80% as 0.8', () => {
    const pct = erlang('staff', '--rate', '300/h', '--aht', '6m', '--sl', '80%', '--shrinkage', '30%', '--json');
    const dec = erlang('staff', '--rate', '300/h', '--aht', '6m', '--sl', '0.8', '--shrinkage', '0.3', '--json');
    expect(pct.status, pct.stderr).toBe(0);
    expect(pct.stdout).toBe(dec.stdout);
  });

  it('tell a percentage written without % how to write it', () => {
    const r = erlang('staff', '--rate', '300/h', '--aht', '6m', '--sl', '80');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('ccsim: --sl: must be between 0 and 1: write 0.8 or "80%" (got 80)\n');
  });
});
