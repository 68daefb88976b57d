// `ccsim calibrate` end to end (the built CLI): a report → a scenario that validate and run
// accept, the fit in text and JSON, warnings as YAML comments, the same bytes from the same
// report, and bad input as exit 2 naming file, line and column.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { erlangA } from '../../engine/erlang/index.js';
import { ccsim } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-calibrate-'));
/** 2026-03-02T00:00Z: the date the files say they were written (SOURCE_DATE_EPOCH). */
const ENV = { SOURCE_DATE_EPOCH: '1772409600' };
const HALF_HOUR = 1800;

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * A report whose abandon counts are Erlang A's expectation at a known mean patience of 180 s,
 * rounded to whole contacts (the reader takes counts): a consistency check that the command
 * puts the report's figures where the fit expects them, not evidence about real patience.
 */
function erlangReport(): string {
  const rows = [
    [600, 300, 105],
    [800, 310, 140],
    [900, 290, 147],
    [700, 300, 118],
    [650, 320, 118],
    [500, 300, 86],
  ].map(([offered, aht, staffed], k) => {
    const a = erlangA({ ratePerSec: (offered as number) / HALF_HOUR, handleSec: aht as number, patienceSec: 180, agents: staffed as number, targetSec: 20 });
    const abandoned = Math.round((offered as number) * a.pAbandon);
    const start = `2026-03-02T${String(8 + Math.floor(k / 2)).padStart(2, '0')}:${k % 2 === 0 ? '00' : '30'}`;
    return `${start},${offered},${(offered as number) - abandoned},${abandoned},${aht},${a.asaSec.toFixed(1)},${staffed}`;
  });
  return write('erlang.csv', `interval_start,offered,answered,abandoned,aht,asa,staffed\n${rows.join('\n')}\n`);
}

describe('ccsim calibrate', () => {
  const report = erlangReport();
  const out = join(dir, 'calibrated.yaml');

  it('writes a scenario that validate and run accept, and the fit summary on stdout', () => {
    const r = ccsim(['calibrate', report, '--out', out, '--within', '20s'], { env: ENV });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^calibrated .*erlang\.csv: 6 intervals of 30m from 2026-03-02T08:00, 1 channel\n/);
    expect(r.stdout).toMatch(/patience \(Erlang A, 6 intervals\): mean \d+(\.\d)? s, 95% /);
    const v = ccsim(['validate', out]);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/ok \(1 channel, 1 group, 6 intervals\)/);
    const run = ccsim(['run', out, '--replications', '2', '--json']);
    expect(run.status, run.stderr).toBe(0);
  });

  it('writes what the report says: dayStart, horizon, volumes, staffing, handle mean (answered-weighted AHT), the header', () => {
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# Calibrated by ccsim calibrate from .*erlang\.csv on 2026-03-02\.\n/);
    expect(text).toMatch(/\nstartDate: "2026-03-02"\n/);
    const s = parse(text) as { startDate: string; dayStart: string; horizon: string; interval: string; channels: { id: string; kind: string; arrivals: { volumes: number[] }; handle: { mean: string; cv: number }; patience: { mean: string }; target: { within: string } }[]; agents: { count: number[] }[] };
    expect(s.startDate).toBe('2026-03-02');
    expect(s.dayStart).toBe('08:00');
    expect(s.horizon).toBe('3h');
    expect(s.interval).toBe('30m');
    const [voice] = s.channels;
    expect(voice?.kind).toBe('voice');
    expect(voice?.arrivals.volumes).toEqual([600, 800, 900, 700, 650, 500]);
    expect(s.agents[0]?.count).toEqual([105, 140, 147, 118, 118, 86]);
    expect(voice?.target.within).toBe('20s');
    // The answered-weighted mean of the intervals' AHT, by hand from the rows' answered counts.
    const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const answered = rows.reduce((sum, r) => sum + (r[2] ?? 0), 0);
    const weighted = rows.reduce((sum, r) => sum + (r[2] ?? 0) * (r[4] ?? 0), 0) / answered;
    expect(Number(voice?.handle.mean.replace(/s$/, ''))).toBeCloseTo(weighted, 1);
    expect(voice?.handle.cv).toBe(1);
  });

  it('recovers the patience the report was made with inside its 95% interval (--json)', () => {
    const r = ccsim(['calibrate', report, '--out', out, '--json'], { env: ENV });
    expect(r.status, r.stderr).toBe(0);
    const fit = JSON.parse(r.stdout) as { channels: { patience: { meanSec: number; ci95: { lower: number; upper: number }; status: string }; waitingCheck: { meanSec: number; approximate: boolean } }[] };
    const p = fit.channels[0]?.patience;
    expect(p?.status).toBe('fit');
    expect(p?.ci95.lower).toBeLessThan(180);
    expect(p?.ci95.upper).toBeGreaterThan(180);
    // Rounding six counts moves the abandons by at most 3 of ~130 (2.3%), and in this regime
    // (agents ≈ load + √load) P(abandon) grows about as √θ, so the mean moves by at most ~5%.
    expect(Math.abs((p?.meanSec ?? 0) / 180 - 1)).toBeLessThan(0.05);
    expect(fit.channels[0]?.waitingCheck.approximate).toBe(true);
    const yaml = parse(readFileSync(out, 'utf8')) as { channels: { patience: { dist: string; mean: string } }[] };
    expect(yaml.channels[0]?.patience.dist).toBe('exponential');
    expect(Number(yaml.channels[0]?.patience.mean.replace(/s$/, ''))).toBeCloseTo(p?.meanSec ?? 0, 0);
  });

  it('gives the same bytes for the same report, and the YAML on stdout (summary on stderr) without --out', () => {
    const a = ccsim(['calibrate', report], { env: ENV });
    const b = ccsim(['calibrate', report], { env: ENV });
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^# Calibrated by ccsim calibrate/);
    expect(a.stderr).toMatch(/^calibrated /);
    const json = ccsim(['calibrate', report, '--json'], { env: ENV });
    expect((JSON.parse(json.stdout) as { scenario: string }).scenario).toBe(a.stdout);
  });

  it('gives one CSV row per channel and interval with --format csv, which needs --out', () => {
    const r = ccsim(['calibrate', report, '--out', out, '--format', 'csv'], { env: ENV });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('channel,id,kind,interval_start,offered,abandoned,abandon_share,staffed,load_erlangs,status,interval_patience_sec,fitted_patience_sec,fitted_ci_low,fitted_ci_high');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^voice,voice,voice,2026-03-02T08:00,600,\d+,[\d.]+,105,100,fit,[\d.]+,/);
    const noOut = ccsim(['calibrate', report, '--format', 'csv']);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/--format csv: the CSV takes stdout, .*add --out FILE\.yaml/);
  });

  it('writes warnings as YAML comments, and no patience when nobody abandoned', () => {
    const none = write('none.csv', 'interval_start,offered,answered,abandoned,aht,staffed\n08:00,100,100,0,300,20\n08:30,100,100,0,300,20\n');
    const r = ccsim(['calibrate', none], { env: ENV });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\n# warning: voice: patience not identified: no contact abandoned; the data say only that the mean is at least \d+ s \(95%\)\n/);
    expect(r.stdout).toMatch(/\n# warning: voice: only 2 intervals usable for the fit \(fewer than 4\)/);
    expect(r.stdout).not.toMatch(/\n\s+patience:/);
  });

  it('reads an export through --columns and --map, and sets kinds with --kind', () => {
    const exported = write('export.csv', 'Interval,Queue,Presented,Handled,Lost,Avg Handle Time,Agents Staffed\n08:00,Web Chat,40,38,2,6:00,6\n08:30,Web Chat,45,44,1,6:40,6\n');
    const map = write('map.yaml', 'offered: Presented\nabandoned: Lost\n');
    const r = ccsim(['calibrate', exported, '--map', map, '--columns', 'answered=Handled', '--kind', 'Web Chat=chat'], { env: ENV });
    expect(r.status, r.stderr).toBe(0);
    const s = parse(r.stdout) as { channels: { id: string; kind: string; arrivals: { volumes: number[] } }[] };
    expect(s.channels[0]).toMatchObject({ id: 'Web_Chat', kind: 'chat', arrivals: { volumes: [40, 45] } });
    expect(r.stdout).toMatch(/# the report's channel "Web Chat"/);
  });

  it('takes a chat agent in N sessions as N servers with --concurrency, recovering the patience, and writes concurrency', () => {
    // Erlang A's expected abandons for 2 sessions per staffed agent (servers = 2 × staffed) at a mean patience of 180 s.
    const rows = [[400, 600, 70], [500, 620, 88], [450, 580, 75], [380, 600, 65]].map(([offered, aht, staffed], k) => {
      const a = erlangA({ ratePerSec: (offered as number) / HALF_HOUR, handleSec: aht as number, patienceSec: 180, agents: 2 * (staffed as number), targetSec: 60 });
      const abandoned = Math.round((offered as number) * a.pAbandon);
      return `2026-03-02T${String(8 + Math.floor(k / 2)).padStart(2, '0')}:${k % 2 === 0 ? '00' : '30'},chat,${offered},${(offered as number) - abandoned},${abandoned},${aht},${staffed}`;
    });
    const chat = write('chat.csv', `interval_start,channel,offered,answered,abandoned,aht,staffed\n${rows.join('\n')}\n`);
    const r = ccsim(['calibrate', chat, '--concurrency', 'chat=2', '--json', '--out', join(dir, 'chat.yaml')], { env: ENV });
    expect(r.status, r.stderr).toBe(0);
    const p = (JSON.parse(r.stdout) as { channels: { patience: { meanSec: number; ci95: { lower: number; upper: number } } }[] }).channels[0]?.patience;
    expect(p?.ci95.lower).toBeLessThan(180);
    expect(p?.ci95.upper).toBeGreaterThan(180);
    const yaml = parse(readFileSync(join(dir, 'chat.yaml'), 'utf8')) as { channels: { kind: string; concurrency: number }[] };
    expect(yaml.channels[0]).toMatchObject({ kind: 'chat', concurrency: 2 });
    expect(ccsim(['validate', join(dir, 'chat.yaml')]).status).toBe(0);
    // Without it, each agent is one server: the warning says what to give.
    const single = ccsim(['calibrate', chat], { env: ENV });
    expect(single.stderr + single.stdout).toContain('each staffed agent is taken as one session; if chat agents hold several at once, give --concurrency "chat=N"');
    expect(ccsim(['calibrate', chat, '--concurrency', 'chat=0']).stderr).toMatch(/--concurrency: must be CHANNEL=N with N a whole number of sessions from 1 to 20 \(got "chat=0"\)/);
    expect(ccsim(['calibrate', chat, '--concurrency', 'chta=2']).stderr).toMatch(/--concurrency: "chta" is not a channel of .*chat\.csv \(its channels: chat\) \(did you mean "chat"\?\)/);
    const voice = ccsim(['calibrate', report, '--concurrency', 'voice=2']);
    expect(voice.status).toBe(2);
    expect(voice.stderr).toMatch(/--concurrency: "voice" is a voice channel, whose agents hold one contact at a time/);
  });

  it('passes --channel, --interval, --day-start and --handle-cv through to the scenario', () => {
    const seconds = write('seconds.csv', 'interval_start,offered,answered,abandoned,aht,staffed\n0,10,9,1,300,3\n1800,12,11,1,300,3\n');
    const r = ccsim(['calibrate', seconds, '--channel', 'sales', '--interval', '15m', '--day-start', '07:00', '--handle-cv', '0.8'], { env: ENV });
    expect(r.status, r.stderr).toBe(0);
    const s = parse(r.stdout) as { dayStart: string; interval: string; horizon: string; channels: { id: string; arrivals: { volumes: number[] }; handle: { cv: number } }[] };
    expect(s).toMatchObject({ dayStart: '07:00', interval: '15m', horizon: '45m' });
    expect(s.channels[0]).toMatchObject({ id: 'sales', arrivals: { volumes: [10, 0, 12] }, handle: { cv: 0.8 } });
  });

  it('names what is wrong with a --map file or a --columns pair', () => {
    const list = write('list.yaml', '- offered\n- aht\n');
    expect(ccsim(['calibrate', report, '--map', list]).stderr).toMatch(/--map .*list\.yaml: must be a mapping of report column to the export's header/);
    const nested = write('nested.yaml', 'offered: { header: x }\n');
    expect(ccsim(['calibrate', report, '--map', nested]).stderr).toMatch(/nested\.yaml: offered: must be the export's column header \(got \{"header":"x"\}\)/);
    expect(ccsim(['calibrate', report, '--map', join(dir, 'nope.yaml')]).stderr).toMatch(/--map .*nope\.yaml: no such file/);
    const pair = ccsim(['calibrate', report, '--columns', 'offered']);
    expect(pair.status).toBe(2);
    expect(pair.stderr).toMatch(/--columns: must be NAME=HEADER pairs separated by commas, e\.g\. offered="Calls Offered" \(got "offered"\)/);
    expect(ccsim(['calibrate', report, '--columns', 'ofered=Offered']).stderr).toMatch(/--columns: "ofered" is not a report column .*\(did you mean "offered"\?\)/);
  });

  it('refuses bad input with exit 2, naming file, line and column, never a stack', () => {
    const bad = write('bad.csv', 'interval_start,offered,aht,staffed\n08:00,10,abc,3\n08:30,10,300,3\n');
    const r = ccsim(['calibrate', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:2 column aht: must be a duration: seconds, "6m", "6:05" \(m:ss\) or "0:06:05" \(h:mm:ss\) \(got "abc"\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const noStaff = write('nostaff.csv', 'interval_start,offered,aht\n08:00,10,300\n08:30,10,300\n');
    expect(ccsim(['calibrate', noStaff]).stderr).toMatch(/channel "voice" has no staffed figure in any interval; .*--columns staffed=/);
    const kind = ccsim(['calibrate', report, '--kind', 'voice=phone']);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toMatch(/--kind: must be CHANNEL=KIND with KIND one of voice, chat, email, social, messaging \(got "voice=phone"\)/);
    expect(ccsim(['calibrate', report, '--kind', 'vocie=voice']).stderr).toMatch(/--kind: "vocie" is not a channel of .* \(its channels: voice\) \(did you mean "voice"\?\)/);
    expect(ccsim(['calibrate', report, '--within', 'soon']).stderr).toMatch(/--within: must be a duration such as 20s, 30m or 1h \(got "soon"\)/);
  });

  it('refuses a report too long for one scenario before fitting, saying how many values it would write', () => {
    const rows = Array.from({ length: 25_000 }, (_, k) => `${k * 60},1,1,0,60,1`);
    const long = write('long.csv', `interval_start,offered,answered,abandoned,aht,staffed\n${rows.join('\n')}\n`);
    const r = ccsim(['calibrate', long]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/long\.csv: 25,000 intervals × 1 channel would write 75,000 per-interval values; a scenario holds at most 50,000: calibrate a shorter span/);
  });
});
