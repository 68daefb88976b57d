// Call records (scenarios/callRecords.ts): the canonical layout, ACD-style values (date-times,
// h:mm:ss), column mapping, ccsim's own trace read as it is, and every rule's message
// (file:line column NAME: rule (got "value")), each asserted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCallRecords, readCallRecords, type CallRecordsOptions } from '../../scenarios/callRecords.js';
import { problemsOf } from '../support/problems.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-calls-'));

/** The problems an InputError lists, or a failure when the text parses. */
function problems(text: string, options: CallRecordsOptions = {}): readonly string[] {
  return problemsOf(() => parseCallRecords(text, 'calls.csv', options));
}

describe('reading call records', () => {
  it('reads the canonical columns: date-times, clock times and seconds; h:mm:ss and unit durations; outcomes in any case', () => {
    const read = parseCallRecords(
      [
        'arrival,channel,wait_sec,outcome,handle_sec',
        '2026-03-02T08:00:15,voice,12,answered,0:04:30',
        '08:01,voice,1m30s,Abandoned,',
        '3600,chat,0,ANSWERED,250.5',
      ].join('\n'),
      'calls.csv',
    );
    expect(read.records).toEqual([
      // 2026-03-02 is day 20,514 from 1970-01-01 (GNU date: `date -ud 2026-03-02 +%s` = 1,772,409,600 = 20,514 × 86,400).
      { line: 2, arrivalSec: 20_514 * 86_400 + 8 * 3600 + 15, channel: 'voice', waitSec: 12, outcome: 'answered', handleSec: 270 },
      { line: 3, arrivalSec: 8 * 3600 + 60, channel: 'voice', waitSec: 90, outcome: 'abandoned', handleSec: null },
      { line: 4, arrivalSec: 3600, channel: 'chat', waitSec: 0, outcome: 'answered', handleSec: 250.5 },
    ]);
    expect(read.skipped).toEqual({ laterTier: 0, deflected: 0, blocked: 0, open: 0, callback: 0 });
  });

  it('without a channel column every call has channel null; headers match in any case', () => {
    const read = parseCallRecords('Arrival,WAIT_SEC,Outcome,Handle_Sec\n0,5,answered,60\n', 'calls.csv');
    expect(read.records).toEqual([{ line: 2, arrivalSec: 0, channel: null, waitSec: 5, outcome: 'answered', handleSec: 60 }]);
  });

  it("maps an export's own headers with columns (canonical → header)", () => {
    const text = 'Call Start,Queue,Wait Time,Disposition,Talk Time\n2026-03-02 09:00:00,Support,0:00:40,abandoned,\n';
    const read = parseCallRecords(text, 'acd.csv', {
      columns: { arrival: 'Call Start', channel: 'Queue', wait_sec: 'Wait Time', outcome: 'Disposition', handle_sec: 'Talk Time' },
    });
    expect(read.records).toEqual([{ line: 2, arrivalSec: 20_514 * 86_400 + 9 * 3600, channel: 'Support', waitSec: 40, outcome: 'abandoned', handleSec: null }]);
  });

  it('keeps tier-1 rows only, and skips deflected, blocked, open and called-back rows, counting each', () => {
    const read = parseCallRecords(
      [
        'arrival_sec,tier,callback_sec,wait_sec,outcome,handle_sec',
        '0,1,,3,escalated,100', '100,2,,50,resolved,300', '5,1,,,deflected,', '9,1,,,open,', '10,1,,7,resolved,80', '20,1,400,500,resolved,90', '30,1,,,blocked,',
      ].join('\n'),
      'trace.csv',
    );
    expect(read.records.map((r) => [r.line, r.outcome, r.waitSec])).toEqual([[2, 'answered', 3], [6, 'answered', 7]]);
    expect(read.skipped).toEqual({ laterTier: 1, deflected: 1, blocked: 1, open: 1, callback: 1 });
  });

  it('reads a message left at the maximum wait and a disconnection at the close as sent away: waits that patience outlasted, no handle time', () => {
    const read = parseCallRecords('arrival_sec,tier,wait_sec,outcome,handle_sec\n0,1,60,message,\n5,1,12.5,disconnected,\n', 'trace.csv');
    expect(read.records).toEqual([
      { line: 2, arrivalSec: 0, channel: null, waitSec: 60, outcome: 'sentAway', handleSec: null },
      { line: 3, arrivalSec: 5, channel: null, waitSec: 12.5, outcome: 'sentAway', handleSec: null },
    ]);
  });
});

describe('mistakes, each named by file, line, column, rule and value', () => {
  const header = 'arrival,channel,wait_sec,outcome,handle_sec';

  it.each([
    ['0,voice,5,hungup,', 'calls.csv:2 column outcome: must be one of answered, abandoned, resolved, escalated, deflected, open, blocked, message, disconnected (got "hungup")'],
    ['0,voice,-5,abandoned,', 'calls.csv:2 column wait_sec: must be a time in queue, 0 or more: seconds, a duration like "1m30s", or h:mm:ss (got "-5")'],
    ['0,voice,5,answered,', 'calls.csv:2 column handle_sec: must be the handle time of an answered call, 0 or more: seconds, a duration like "4m", or h:mm:ss (got "")'],
    ['2026-02-30T08:00,voice,5,abandoned,', 'calls.csv:2 column arrival: must be a date-time like "2026-03-02T08:00:15", a clock time like "08:00:15", or seconds (got "2026-02-30T08:00")'],
    ['0,,5,abandoned,', 'calls.csv:2 column channel: must name the channel (got "")'],
  ])('%s', (row, message) => {
    expect(problems(`${header}\n${row}\n`)).toEqual([message]);
  });

  it('names a mapped column by the header and its canonical name', () => {
    expect(problems('start,q,w,o,h\n0,v,x,abandoned,\n', { columns: { arrival: 'start', channel: 'q', wait_sec: 'w', outcome: 'o', handle_sec: 'h' } })).toEqual([
      'calls.csv:2 column w (wait_sec): must be a time in queue, 0 or more: seconds, a duration like "1m30s", or h:mm:ss (got "x")',
    ]);
  });

  it('a tier that is not a tier number', () => {
    expect(problems('arrival,tier,wait_sec,outcome,handle_sec\n0,first,5,abandoned,\n')).toEqual(['calls.csv:2 column tier: must be a tier number, 1 or more (got "first")']);
  });

  it('lists every row problem up to ten, then counts the rest', () => {
    const rows = Array.from({ length: 12 }, () => '0,voice,x,abandoned,').join('\n');
    const found = problems(`${header}\n${rows}\n`);
    expect(found).toHaveLength(11);
    expect(found[10]).toBe('calls.csv: … and 2 more problems');
  });

  it('a missing column, without quoting the header (a file named by mistake would be printed)', () => {
    expect(problems('secret_a,secret_b\n1,2\n')).toEqual([
      'calls.csv:1: has no arrival column (looked for arrival or arrival_sec among its 2 columns; map another with columns.arrival)',
      'calls.csv:1: has no wait_sec column (looked for wait_sec among its 2 columns; map another with columns.wait_sec)',
      'calls.csv:1: has no outcome column (looked for outcome among its 2 columns; map another with columns.outcome)',
      'calls.csv:1: has no handle_sec column (looked for handle_sec among its 2 columns; map another with columns.handle_sec)',
    ]);
  });

  it('a mapping to a header the file lacks, and a mapping of an unknown column', () => {
    const mapped = problems(`${header}\n`, { columns: { wait_sec: 'Queue Time', ['hold' as 'tier']: 'Hold' } });
    expect(mapped).toEqual([
      'columns.hold: is not a call-record column (they are arrival, channel, wait_sec, outcome, handle_sec, tier, callback_sec)',
      'calls.csv:1: has no column "Queue Time" (columns.wait_sec) among its 5 columns',
    ]);
  });

  it('a file that is not CSV, an empty one, one with no calls', () => {
    expect(problems(`${header}\n0,"voice,5,abandoned,\n`)).toEqual(['calls.csv:2: is not valid CSV: a quoted field is never closed']);
    expect(problems('')).toEqual(['calls.csv:1: is empty; expected a header with arrival, wait_sec, outcome and handle_sec (and optionally channel, tier, callback_sec)']);
    expect(problems(`${header}\n0,voice,,deflected,\n`)).toEqual(['calls.csv: has no calls to fit (1 rows; 0 at a later tier, 1 deflected, 0 blocked, 0 open, 0 called back)']);
  });

  it('a file over the size cap is refused before it is read', () => {
    const path = join(dir, 'big.csv');
    writeFileSync(path, `${header}\n${'0,voice,5,abandoned,\n'.repeat(100)}`);
    expect(() => readCallRecords(path, { maxBytes: 1000 })).toThrow(/big\.csv: is 2,\d+ bytes .*; a call-record file may be at most/);
    expect(readCallRecords(path).records).toHaveLength(100);
  });
});
