// The ACD interval report reader (scenarios/intervalReport.ts, reportColumns.ts,
// reportTimeline.ts): the canonical layout, exports' own column names, the three ways of
// writing a start, gaps, and every class of mistake with its file:line column message.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIntervalReport, reportDuration, type IntervalReport, type IntervalReportOptions } from '../../scenarios/intervalReport.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-report-'));
let n = 0;

function file(text: string): string {
  const path = join(dir, `r${n++}.csv`);
  writeFileSync(path, text);
  return path;
}

function read(text: string, options: IntervalReportOptions = {}): { report: IntervalReport; warnings: string[] } {
  const r = readIntervalReport(file(text), options);
  if (!r.ok) throw new Error(`expected a report, got: ${r.problems.join(' | ')}`);
  return r;
}

function problems(text: string, options: IntervalReportOptions = {}): string[] {
  const r = readIntervalReport(file(text), options);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

const CANONICAL = `interval_start,channel,offered,answered,abandoned,aht,asa,answered_within,staffed
2026-03-02T08:00,voice,120,110,10,365,42,88,18.5
2026-03-02T08:00,chat,40,38,2,6m,12,30,6
2026-03-02T08:30,voice,150,135,15,6:10,0:01:05,90,20
2026-03-02T08:30,chat,45,44,1,400,10,40,6
`;

describe('interval report: the canonical layout', () => {
  it('reads every figure, per channel and interval, with the date and time of day of the first interval', () => {
    const { report, warnings } = read(CANONICAL, { slWithinSec: 20 });
    expect(warnings).toEqual([]);
    expect(report.intervalSec).toBe(1800);
    expect(report.intervalCount).toBe(2);
    expect(report.startDate).toBe('2026-03-02');
    expect(report.dayStartSec).toBe(8 * 3600);
    expect(report.slWithinSec).toBe(20);
    expect(report.channels).toEqual(['voice', 'chat']);
    const voice = report.byChannel.get('voice') ?? [];
    expect(voice[0]).toEqual({ line: 2, startSec: 0, label: '2026-03-02T08:00', offered: 120, answered: 110, abandoned: 10, ahtSec: 365, asaSec: 42, ataSec: undefined, answeredWithin: 88, staffed: 18.5 });
    // 6:10 is m:ss (370 s), 0:01:05 is h:mm:ss (65 s): how exports print durations.
    expect(voice[1]).toMatchObject({ line: 4, startSec: 1800, ahtSec: 370, asaSec: 65 });
    expect(report.byChannel.get('chat')?.[0]).toMatchObject({ ahtSec: 360 });
    expect(report.labelOf(1)).toBe('2026-03-02T08:30');
  });

  it('reads a report of one channel without a channel column under --channel (default voice)', () => {
    const text = 'interval_start,offered\n08:00,10\n08:15,12\n';
    expect(read(text).report.channels).toEqual(['voice']);
    expect(read(text, { channel: 'sales' }).report.channels).toEqual(['sales']);
    const only = read(text).report.byChannel.get('voice')?.[1];
    expect(only).toMatchObject({ offered: 12, answered: undefined, abandoned: undefined, ahtSec: undefined, asaSec: undefined, answeredWithin: undefined, staffed: undefined });
  });

  it('reads a Windows export: byte-order mark and CRLF line ends', () => {
    const { report } = read('\ufeffInterval,Calls Offered\r\n08:00,10\r\n08:30,12\r\n');
    expect(report.byChannel.get('voice')?.map((r) => r?.offered)).toEqual([10, 12]);
  });

  it('takes a blank optional cell as not reported', () => {
    const { report } = read('interval_start,offered,answered,asa\n08:00,0,0,\n08:30,5,5,3\n');
    expect(report.byChannel.get('voice')?.[0]).toMatchObject({ offered: 0, answered: 0, asaSec: undefined });
  });

  it('reads service_level as a share or a percentage of answered into answeredWithin', () => {
    const { report } = read('interval_start,offered,answered,service_level\n08:00,100,80,75%\n08:30,100,90,0.5\n', { slWithinSec: 30 });
    const v = report.byChannel.get('voice') ?? [];
    expect(v[0]?.answeredWithin).toBeCloseTo(60, 12);
    expect(v[1]?.answeredWithin).toBeCloseTo(45, 12);
  });
});

describe('interval report: column names of real exports', () => {
  it('finds columns by the built-in aliases, whatever the case and punctuation', () => {
    const text = 'Interval,Queue,Calls Offered,Handled,Aband,Avg. Handle Time,AVG SPEED OF ANSWER,Avg Time to Abandon,Agents_Staffed,Max Delay\n08:00,Sales,10,9,1,300,20,0:35,4,55\n08:30,Sales,12,12,0,310,15,,4,40\n';
    const { report, warnings } = read(text);
    expect(report.channels).toEqual(['Sales']);
    expect(report.byChannel.get('Sales')?.[0]).toMatchObject({ offered: 10, answered: 9, abandoned: 1, ahtSec: 300, asaSec: 20, ataSec: 35, staffed: 4 });
    expect(warnings).toEqual([expect.stringMatching(/:1: columns not used: Max Delay$/)]);
  });

  it('maps columns explicitly (--columns / --map), which wins over an alias', () => {
    const text = 'When,Skill,Presented,ACD Calls,Handled,Lost\n08:00,s1,10,9,7,1\n08:30,s1,11,10,8,1\n';
    const columns = { interval_start: 'when', offered: 'Presented', answered: 'Handled', abandoned: 'Lost' };
    const { report } = read(text, { columns });
    // "ACD Calls" is an alias of answered, but the mapping names "Handled": the alias is not used.
    expect(report.byChannel.get('s1')?.[0]).toMatchObject({ offered: 10, answered: 7, abandoned: 1 });
  });

  it('reads a date column beside clock-time starts as date-times', () => {
    const { report } = read('Date,Time,Offered\n2026-03-01,23:30,4\n2026-03-02,00:00,5\n');
    expect(report.startDate).toBe('2026-03-01');
    expect(report.dayStartSec).toBe(23.5 * 3600);
    expect(report.byChannel.get('voice')?.[1]).toMatchObject({ startSec: 1800, label: '2026-03-02 00:00' });
  });

  it('names an unknown mapping key with did-you-mean', () => {
    expect(problems('interval_start,offered\n08:00,1\n', { columns: { ofered: 'x' } })).toEqual(['--columns: "ofered" is not a report column (columns: interval_start, date, channel, offered, answered, abandoned, aht, asa, ata, answered_within, service_level, staffed) (did you mean "offered"?)']);
  });

  it('names a mapped header the file lacks, with its columns and the closest', () => {
    const [p] = problems('Interval,Calls Ofered\n08:00,1\n', { columns: { offered: 'Calls Offered' } });
    expect(p).toMatch(/r\d+\.csv:1: offered is mapped to the column "Calls Offered", which the header does not have \(its columns: Interval, Calls Ofered\) \(did you mean "Calls Ofered"\?\)$/);
  });

  it('reports a missing required column, with the columns the file has', () => {
    expect(problems('interval_start,answered\n08:00,1\n')).toEqual([expect.stringMatching(/:1: has no offered column \(its columns: interval_start, answered\); name it with --columns offered="…"$/)]);
  });

  it('names a header one typo from a figure the file lacks: a warning for an optional figure, in the error for a required one', () => {
    const { warnings, report } = read('interval_start,offered,abandonned\n08:00,1,0\n08:30,1,0\n');
    expect(report.byChannel.get('voice')?.[0]?.abandoned).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/:1: the column "abandonned" is not used \(did you mean "abandoned"\?\); if it holds abandoned, map it with --columns abandoned="abandonned"$/)]);
    expect(problems('interval_start,ofered\n08:00,1\n')).toEqual([expect.stringMatching(/:1: has no offered column \(did you mean "offered" for "ofered"\?\) \(its columns: interval_start, ofered\)/)]);
  });

  it('reports two columns that read as one figure', () => {
    expect(problems('interval_start,Offered,Calls Offered\n08:00,1,1\n')).toEqual([expect.stringMatching(/:1: both "Offered" and "Calls Offered" read as offered; name the one to use with --columns offered="…"$/)]);
  });

  it('does not quote a header that has no column of a report (the file may be anything)', () => {
    const [p] = problems('SECRET_KEY=abc,TOKEN=xyz\n1,2\n');
    expect(p).toMatch(/:1: has no column of an interval report .*the first line has 2 fields, not shown\)$/);
    expect(p).not.toMatch(/SECRET/);
  });

  it('needs --within for answered_within or service_level, and answered for service_level', () => {
    expect(problems('interval_start,offered,answered_within\n08:00,1,1\n')).toEqual([expect.stringMatching(/the column answered_within counts against a service-level threshold T .*--within/)]);
    expect(problems('interval_start,offered,service_level\n08:00,1,80%\n', { slWithinSec: 20 })).toEqual([expect.stringMatching(/the column service_level is a share of answered contacts, and the file has no answered column$/)]);
  });
});

describe('interval report: starts and intervals', () => {
  it('reads clock times past midnight on the next day', () => {
    const { report } = read('interval_start,offered\n23:00,1\n23:30,2\n00:00,3\n');
    expect(report.dayStartSec).toBe(23 * 3600);
    expect(report.byChannel.get('voice')?.map((r) => r?.startSec)).toEqual([0, 1800, 3600]);
    expect(report.startDate).toBeUndefined();
    expect(report.labelOf(2)).toBe('00:00');
  });

  it('reads seconds from --day-start', () => {
    const { report } = read('interval_start,offered\n0,1\n900,2\n', { dayStartSec: 7 * 3600 });
    expect(report.dayStartSec).toBe(7 * 3600);
    expect(report.intervalSec).toBe(900);
  });

  it('leaves a gap undefined and warns once per channel, naming the intervals', () => {
    const { report, warnings } = read('interval_start,channel,offered\n08:00,a,1\n08:00,b,1\n08:30,b,1\n09:00,a,1\n09:00,b,1\n');
    expect(report.intervalCount).toBe(3);
    expect(report.byChannel.get('a')?.[1]).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/channel "a" has no row for 1 of 3 intervals \(08:30\); they are left out of the fit$/)]);
  });

  it('takes --interval over the rows, and a channel that starts later has undefined before its first row', () => {
    const { report } = read('interval_start,channel,offered\n08:00,a,1\n08:30,b,1\n', { intervalSec: 900 });
    expect(report.intervalCount).toBe(3);
    expect(report.byChannel.get('b')?.map((r) => r?.offered)).toEqual([undefined, undefined, 1]);
  });

  it('reports a row repeated, naming both lines', () => {
    expect(problems('interval_start,offered\n08:00,1\n08:30,1\n08:30,2\n')).toEqual([expect.stringMatching(/:4 column interval_start: 08:30 is also on line 3 \(one row per interval\)$/)]);
  });

  it('reports date-times out of order', () => {
    expect(problems('interval_start,offered\n2026-03-02T08:30,1\n2026-03-02T09:00,1\n2026-03-02T08:00,1\n')).toEqual([
      expect.stringMatching(/:4 column interval_start: rows out of order: 2026-03-02T09:00 \(line 3\) comes before 2026-03-02T08:00 \(line 4\); rows must be in time order$/),
    ]);
  });

  it('reports a start off the interval grid', () => {
    expect(problems('interval_start,offered\n08:00,1\n08:30,1\n08:45,1\n', { intervalSec: 1800 })).toEqual([expect.stringMatching(/:4 column interval_start: 08:45 is not the start of an interval \(intervals are 30m long, from 08:00\)$/)]);
  });

  it('reports starts written two ways', () => {
    expect(problems('interval_start,offered\n2026-03-02T08:00,1\n08:30,1\n')).toEqual([expect.stringMatching(/:3 column interval_start: is a clock time but the first row's is a date-time; write every row alike \(got "08:30"\)$/)]);
  });

  it('reports an impossible date-time and a start that is not a time', () => {
    expect(problems('interval_start,offered\n2026-02-30T08:00,1\n')).toEqual([expect.stringMatching(/:2 column interval_start: must be a date-time like 2026-03-02T08:00 \(got "2026-02-30T08:00"\)$/)]);
    expect(problems('interval_start,offered\nsoon,1\n')).toEqual([expect.stringMatching(/:2 column interval_start: must be a date-time .*, a clock time like 08:00, or seconds \(got "soon"\)$/)]);
    expect(problems('Date,Interval,offered\n2026-03-02,8h,1\n')).toEqual([expect.stringMatching(/:2 column interval_start \("Interval"\): with a date column, must be a clock time from 00:00 to 23:59 \(got "8h"\)$/)]);
  });

  it('needs --interval when every channel has one row', () => {
    expect(problems('interval_start,offered\n08:00,1\n')).toEqual([expect.stringMatching(/every channel has one row, .*--interval/)]);
    expect(read('interval_start,offered\n08:00,1\n', { intervalSec: 1800 }).report.intervalCount).toBe(1);
  });

  it('refuses intervals shorter than a minute', () => {
    expect(problems('interval_start,offered\n0,1\n30,1\n')).toEqual([expect.stringMatching(/intervals of 30s are shorter than 1m/)]);
  });
});

describe('interval report: figures', () => {
  const head = 'interval_start,offered,answered,abandoned,aht,asa,staffed\n';
  it('names the file, line, column, rule and value of each bad figure, all at once', () => {
    const found = problems(`${head}08:00,x,1,1,300,20,4\n08:30,10,1.5,1,abc,-2,-1\n`);
    expect(found).toEqual([
      expect.stringMatching(/:2 column offered: must be a whole number of contacts, 0 or more \(got "x"\)$/),
      expect.stringMatching(/:3 column answered: must be a whole number of contacts, 0 or more \(got "1.5"\)$/),
      expect.stringMatching(/:3 column aht: must be a duration: seconds, "6m", "6:05" \(m:ss\) or "0:06:05" \(h:mm:ss\) \(got "abc"\)$/),
      expect.stringMatching(/:3 column asa: must be a duration: .* \(got "-2"\)$/),
      expect.stringMatching(/:3 column staffed: must be a number of agents, 0 or more \(an average may be fractional\) \(got "-1"\)$/),
    ]);
  });

  it('names the export header beside the canonical name', () => {
    expect(problems('Interval,Calls Offered\n08:00,many\n08:30,1\n')).toEqual([expect.stringMatching(/:2 column offered \("Calls Offered"\): must be a whole number of contacts, 0 or more \(got "many"\)$/)]);
  });

  it('refuses counts larger than offered and answered within larger than answered', () => {
    expect(problems(`${head}08:00,10,11,1,300,20,4\n08:30,10,5,12,300,20,4\n`)).toEqual([
      expect.stringMatching(/:2 column answered: must be at most offered \(10\) \(got 11\)$/),
      expect.stringMatching(/:3 column abandoned: must be at most offered \(10\) \(got 12\)$/),
    ]);
    expect(problems('interval_start,offered,answered,answered_within\n08:00,10,5,6\n', { slWithinSec: 20, intervalSec: 1800 })).toEqual([expect.stringMatching(/:2 column answered_within: must be at most answered \(5\) \(got 6\)$/)]);
  });

  it('refuses a zero handle time where contacts were answered, and a service level above 100%', () => {
    expect(problems(`${head}08:00,10,5,1,0,20,4\n08:30,1,0,0,0,0,4\n`)).toEqual([expect.stringMatching(/:2 column aht: must be positive when contacts were answered \(got 0\)$/)]);
    expect(problems('interval_start,offered,answered,service_level\n08:00,10,5,120%\n', { slWithinSec: 20, intervalSec: 1800 })).toEqual([expect.stringMatching(/:2 column service_level: must be a share from 0 to 1 or a percentage like "80%" \(got "120%"\)$/)]);
  });

  it('warns, not refuses, when answered + abandoned exceed offered (contacts counted where they end)', () => {
    const { warnings } = read(`${head}08:00,10,8,3,300,20,4\n08:30,10,8,2,300,20,4\n09:00,10,9,2,300,20,4\n`);
    expect(warnings).toEqual([expect.stringMatching(/\.csv: answered \+ abandoned exceed offered on 2 rows \(lines 2, 4\); ACDs count a contact in the interval it ended in/)]);
  });

  it('reports an empty channel name, an empty file, a header with no rows, bad CSV and a missing file', () => {
    expect(problems('interval_start,channel,offered\n08:00,,1\n08:30,a,1\n')).toContainEqual(expect.stringMatching(/:2 column channel: must name a channel \(got ""\)$/));
    expect(problems('')).toEqual([expect.stringMatching(/:1: is empty; expected a header like interval_start,channel,offered/)]);
    expect(problems('interval_start,offered\n')).toEqual([expect.stringMatching(/: has a header but no rows$/)]);
    expect(problems('interval_start,offered\n08:00,"1\n')).toEqual([expect.stringMatching(/:2: is not valid CSV: a quoted field is never closed$/)]);
    const missing = readIntervalReport(join(dir, 'none.csv'));
    expect(missing).toEqual({ ok: false, problems: [`${join(dir, 'none.csv')}: no such file`] });
  });

  it('caps the list of problems and says how many more', () => {
    const rows = Array.from({ length: 15 }, (_, i) => `${i * 900},x`).join('\n');
    const found = problems(`interval_start,offered\n${rows}\n`);
    expect(found).toHaveLength(11);
    expect(found[10]).toMatch(/: … and 5 more problems$/);
  });
});

describe('reportDuration', () => {
  it('reads seconds, units, m:ss and h:mm:ss', () => {
    expect(reportDuration('365')).toBe(365);
    expect(reportDuration('6m')).toBe(360);
    expect(reportDuration('6:05')).toBe(365);
    expect(reportDuration('1:00:05')).toBe(3605);
    expect(reportDuration('6:75')).toMatch(/must be a duration/);
  });
});
