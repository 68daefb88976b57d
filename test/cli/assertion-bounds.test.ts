// Bounds in the metric's unit (issue 17): a share is 0.8 or 80% — `>= 80` could never pass, so it
// is refused with the fix; a time in seconds takes a duration (`asaSec <= 20s`); the same rules
// for --assert, the scenario's assert: block, and sweep --subject-to.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundProblem, readAssertion, type Assertion } from '../../scenarios/assertion.js';
import { ccsim, ROOT } from '../support/cli.js';

const read = (text: string): Assertion => {
  const r = readAssertion(text);
  if (!r.ok) throw new Error(r.reason);
  return r.assertion;
};

describe('reading a bound', () => {
  it('a number, a percentage, a duration (in seconds)', () => {
    expect(read('channels.voice.serviceLevel >= 0.8')).toMatchObject({ value: 0.8, unit: 'number' });
    expect(read('channels.voice.serviceLevel >= 80%')).toMatchObject({ value: 0.8, unit: 'percent', written: '80%' });
    expect(read('channels.voice.asaSec <= 20s')).toMatchObject({ value: 20, unit: 'duration' });
    expect(read('overall.waitP90Sec < 1m30s')).toMatchObject({ value: 90, unit: 'duration' });
  });

  it('an unknown unit is named, with the units there are', () => {
    expect(readAssertion('channels.voice.asaSec <= 20secs')).toEqual({
      ok: false,
      failed: 'unit',
      reason: 'the bound "20secs" is not a number, a percentage or a duration (units: ms, s, sec, m, min, h, hr, d, w)',
    });
  });

  it('the unit must fit what the metric measures', () => {
    expect(boundProblem(read('x.serviceLevel >= 80'), 'serviceLevel', 'share')).toBe('serviceLevel is a share from 0 to 1: write 0.8 or 80%');
    expect(boundProblem(read('x.serviceLevel >= 120%'), 'serviceLevel', 'share')).toBe('serviceLevel is a share: at most 100%');
    expect(boundProblem(read('x.serviceLevel >= 20s'), 'serviceLevel', 'share')).toMatch(/^serviceLevel is a share from 0 to 1, not a duration/);
    expect(boundProblem(read('x.asaSec <= 20%'), 'asaSec', 'seconds')).toBe('asaSec is in seconds, not a share: write seconds (20) or a duration (20s, 2m)');
    expect(boundProblem(read('x.offered >= 2h'), 'offered', 'other')).toBe('offered is not a time: write a plain number');
    for (const ok of ['x.serviceLevel >= 0.8', 'x.serviceLevel >= 80%', 'x.serviceLevel >= 1']) expect(boundProblem(read(ok), 'serviceLevel', 'share')).toBeUndefined();
    for (const ok of ['x.asaSec <= 20', 'x.asaSec <= 2m']) expect(boundProblem(read(ok), 'asaSec', 'seconds')).toBeUndefined();
  });
});

describe('ccsim check', () => {
  const check = (...asserts: string[]) => ccsim(['check', 'scenarios/classic-80-20.yaml', '-r', '5', ...asserts.flatMap((a) => ['--assert', a])]);

  it('refuses a share bound above 1 (exit 2) with the fix, before running', () => {
    const r = check('channels.voice.serviceLevel >= 80');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('ccsim: --assert #1: "channels.voice.serviceLevel >= 80": serviceLevel is a share from 0 to 1: write 0.8 or 80%\n');
    expect(r.stdout).toBe('');
  });

  it('reads asaSec <= 20s and 1m as seconds, and 70% as 0.7', () => {
    const r = check('channels.voice.asaSec <= 1m', 'channels.voice.serviceLevel >= 70%');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^PASS channels\.voice\.asaSec <= 60: /m);
    expect(r.stdout).toMatch(/^PASS channels\.voice\.serviceLevel >= 0\.7: /m);
  });

  it('refuses a percentage on a time, naming its unit', () => {
    const r = check('channels.voice.asaSec <= 20%');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--assert #1: "channels.voice.asaSec <= 20%": asaSec is in seconds, not a share: write seconds (20) or a duration (20s, 2m)');
  });

  it('reads units in the scenario\'s assert: block the same way, and validate accepts them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-bounds-'));
    const file = join(dir, 'plan.yaml');
    const base = readFileSync(join(ROOT, 'scenarios/classic-80-20.yaml'), 'utf8');
    writeFileSync(file, `${base.trimEnd()}\nassert:\n  - channels.voice.asaSec <= 1m\n  - channels.voice.serviceLevel >= 70%\n`);
    expect(ccsim(['validate', file]).status).toBe(0);
    const r = ccsim(['check', file, '-r', '5']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 passed, 0 failed');
    writeFileSync(file, `${base.trimEnd()}\nassert:\n  - channels.voice.serviceLevel >= 80\n`);
    const bad = ccsim(['check', file, '-r', '5']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`ccsim: ${file}:24:5 assert[0]: "channels.voice.serviceLevel >= 80": serviceLevel is a share from 0 to 1: write 0.8 or 80%\n`);
    // validate reads the bound as check does: what validate accepts, check judges.
    expect(ccsim(['validate', file]).stderr).toBe(bad.stderr);
  });
});

describe('the scenario\'s assert: block', () => {
  it('validate names a bound whose unit is unknown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-bounds-'));
    const file = join(dir, 'unit.yaml');
    writeFileSync(file, `${readFileSync(join(ROOT, 'scenarios/classic-80-20.yaml'), 'utf8').trimEnd()}\nassert:\n  - channels.voice.asaSec <= 20secs\n`);
    const r = ccsim(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:24:5 assert[0]: must be an assertion: the bound "20secs" is not a number, a percentage or a duration (units: ms, s, sec, m, min, h, hr, d, w) (got "channels.voice.asaSec <= 20secs")`);
  });
});

describe('ccsim staff share flags', () => {
  it('--max-abandon 5 is told to write 0.05 or 5%', () => {
    const r = ccsim(['staff', 'scenarios/classic-80-20.yaml', '--max-abandon', '5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('ccsim: --max-abandon: must be a share above 0 and at most 1, e.g. 0.05 or 5%: write 0.05 or "5%" (got "5")\n');
  });
});

describe('ccsim sweep --subject-to', () => {
  it('refuses a share bound above 1 before anything runs', () => {
    const r = ccsim(['sweep', 'scenarios/classic-80-20.yaml', '--vary', 'agents[0].count=34..35', '-r', '2', '--workers', '0', '--minimize', 'agents', '--subject-to', 'channels.voice.serviceLevel>=80']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('ccsim: --subject-to: "channels.voice.serviceLevel>=80": serviceLevel is a share from 0 to 1: write 0.8 or 80%\n');
  });
});
