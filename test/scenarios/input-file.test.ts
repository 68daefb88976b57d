// Every file ccsim reads is read with a size cap and refused when it is not a regular file
// (issue 18, goal 1: scenarios/inputFile.ts), and a file read by mistake is never echoed into
// the log (goal 8): a forecast CSV's header, a document that is no scenario, a result that is
// not JSON are described, never quoted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { parseRunResult } from '../../reports/run/resultFile.js';
import { checkInputText, inputCap, INPUT_LIMITS, maxInputBytesFlag, readInputText } from '../../scenarios/inputFile.js';
import { loadScenarioFile, loadScenarioText } from '../../scenarios/load.js';
import { readInputFiles } from '../../workers/inputFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-input-'));
const MB = 1024 * 1024;
const SECRET = 'sk-live-4f9a0c';

function problems(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

const scenario = (arrivals = '{ perHour: 100 }') => `name: T
horizon: 1h
interval: 30m
channels:
  - { id: voice, kind: voice, arrivals: ${arrivals}, handle: { dist: exponential, mean: 3m } }
agents:
  - { id: team, channels: [voice], count: 7 }
`;

describe('reading with a cap (scenarios/inputFile.ts)', () => {
  it('reads a regular file within its cap, and refuses one over it with its size, the cap and the flag that raises it', () => {
    const path = join(dir, 'small.csv');
    writeFileSync(path, 'x'.repeat(1000));
    expect(readInputText(path, 'forecast CSV', 1000)).toEqual({ ok: true, text: 'x'.repeat(1000) });
    expect(readInputText(path, 'forecast CSV', 999)).toMatchObject({
      ok: false, missing: false, reason: 'is 1,000 bytes (0.0 MB); a forecast CSV may be at most 0.0009527206420898438 MB: raise the cap with --max-input-mb N (at most 500)',
    });
  });

  it('the default caps: 16 MB for scenarios, forecasts and results, 256 MB for checkpoints, the flag raising either', () => {
    expect(inputCap('scenario file')).toBe(16 * MB);
    expect(inputCap('checkpoint')).toBe(256 * MB);
    expect(inputCap('checkpoint', 300 * MB)).toBe(300 * MB);
    expect(inputCap('forecast CSV', 40 * MB)).toBe(40 * MB);
    expect(maxInputBytesFlag(undefined)).toBe(INPUT_LIMITS.defaultMaxBytes);
    expect(maxInputBytesFlag(32)).toBe(32 * MB);
    for (const bad of [0, 501, 1.5, Number.NaN]) expect(() => maxInputBytesFlag(bad)).toThrow(/--max-input-mb: must be a whole number of megabytes from 1 to 500/);
  });

  it('refuses a device, a FIFO and a directory before reading a byte, saying what each is', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(readInputText('/dev/zero', 'scenario file')).toMatchObject({ ok: false, reason: expect.stringMatching(/^is not a regular file \(a character device\); a scenario file must be a file on disk/) });
    expect(readInputText(fifo, 'forecast CSV')).toMatchObject({ ok: false, reason: expect.stringMatching(/^is not a regular file \(a pipe \(FIFO\)\)/) });
    expect(checkInputText(dir, 'checkpoint')).toMatchObject({ ok: false, reason: expect.stringMatching(/^is not a regular file \(a directory\); a checkpoint must be/) });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a missing file is told apart, so a caller may leave it to the scenario\'s own message', () => {
    expect(readInputText(join(dir, 'nope.csv'), 'forecast CSV')).toEqual({ ok: false, reason: 'no such file', missing: true });
  });

  it('a scenario over the cap is refused before it is parsed; --max-input-mb\'s bytes let it through', () => {
    const path = join(dir, 'long.yaml');
    writeFileSync(path, `${scenario()}# ${'y'.repeat(2 * MB)}\n`);
    expect(problems(() => loadScenarioFile(path, { maxInputBytes: MB }))).toEqual([
      `${path}: is 2,097,353 bytes (2.0 MB); a scenario file may be at most 1 MB: raise the cap with --max-input-mb N (at most 500)`,
    ]);
    // Within a larger cap it is read, and refused by the document's own limit on one text.
    expect(problems(() => loadScenarioFile(path, { maxInputBytes: 3 * MB }))[0]).toMatch(/long\.yaml:8:1 a text of 2,097,154 characters; a scenario's texts .* may have at most 100,000/);
  });

  it('a forecast CSV over the cap is refused at the scenario\'s line, and a sweep refuses it when it reads the files it runs with', () => {
    writeFileSync(join(dir, 'big.csv'), `interval_start,volume\n0,10\n1800,10\n${'#'.repeat(2 * MB)}\n`);
    const text = scenario('{ forecast: big.csv }');
    expect(problems(() => loadScenarioText(text, join(dir, 's.yaml'), { maxInputBytes: MB }))[0]).toMatch(
      /s\.yaml:5:53 channels\[0\]\.arrivals\.forecast: big\.csv: is 2,097,[0-9]+ bytes \(2\.0 MB\); a forecast CSV may be at most 1 MB/);
    expect(problems(() => readInputFiles(text, dir, [[]], MB))[0]).toMatch(/^big\.csv: is 2,097,[0-9]+ bytes \(2\.0 MB\); a forecast CSV may be at most 1 MB/);
    expect(readInputFiles(text, dir, [[]], 3 * MB)).toHaveLength(1);
    // A missing one is left to the scenario, which names it at its line.
    expect(readInputFiles(scenario('{ forecast: gone.csv }'), dir, [[]])).toEqual([]);
  });
});

describe('a file read by mistake is described, never quoted (goal 8)', () => {
  it('a forecast CSV whose first line is not a header: its fields counted, its text not shown', () => {
    writeFileSync(join(dir, 'environ'), `HOME=/root\0TOKEN=${SECRET}\0SHELL=/bin/bash`);
    writeFileSync(join(dir, 'shadow'), `root:$6$${SECRET}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n`);
    writeFileSync(join(dir, 'half.csv'), `interval_start,calls,${SECRET}\n0,1,2\n`);
    for (const [file, shape] of [
      ['environ', 'the first line has 1 field, none named interval_start, channel, volume; its text is not shown'],
      ['shadow', 'the first line has 1 field, none named interval_start, channel, volume; its text is not shown'],
      ['half.csv', 'the first line has 3 fields: no volume, 2 others (not shown)'],
    ]) {
      const found = problems(() => loadScenarioText(scenario(`{ forecast: ${file} }`), join(dir, 's.yaml')));
      expect(found).toEqual([`${join(dir, 's.yaml')}:5:53 channels[0].arrivals.forecast: ${file}:1: must have the columns interval_start,volume or interval_start,channel,volume, optionally with aht and patience (${shape})`]);
      expect(found.join('\n')).not.toContain(SECRET);
    }
  });

  it('a CSV the parser cannot read: the rule broken and the line, not the cell it stopped at', () => {
    writeFileSync(join(dir, 'quote.csv'), `interval_start,volume\n0,1\n${SECRET}"x,2\n`);
    const found = problems(() => loadScenarioText(scenario('{ forecast: quote.csv }'), join(dir, 's.yaml')));
    expect(found).toEqual([`${join(dir, 's.yaml')}:5:53 channels[0].arrivals.forecast: quote.csv:3: is not valid CSV: a quote opens in the middle of a field`]);
  });

  it('a document that is not a scenario is one problem saying so, not one "unknown key" per line of it', () => {
    const shadow = `root:$6$${SECRET}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n`;
    expect(problems(() => loadScenarioText(shadow, 'shadow'))).toEqual([
      'shadow:1:1 (document): is not a scenario: none of its 3 top-level keys is a scenario field (must be a mapping with name, horizon, channels and agents); its content is not shown',
    ]);
    expect(problems(() => loadScenarioText(`HOME=/root\0TOKEN=${SECRET}`, 'environ'))).toEqual([
      'environ:1:1 (document): must be a mapping with name, horizon, channels and agents (got a text of 31 characters; its content is not shown)',
    ]);
    // A scenario with a typo in a key still hears about that key, by name.
    expect(problems(() => loadScenarioText(scenario().replace('horizon:', 'horizn:'), 'x.yaml')).join('\n')).toMatch(/horizn: unknown key \(did you mean "horizon"\?\)/);
  });

  it('a result file that is not JSON: where the parser stopped, not what it read', () => {
    const found = problems(() => parseRunResult(`TOKEN=${SECRET}\n`, 'env.json'));
    expect(found).toEqual(['env.json: not valid JSON; expected the output of "ccsim run --json" (its content is not shown)']);
    expect(problems(() => parseRunResult(JSON.stringify({ kind: `${SECRET} !` }), 'k.json'))[0]).toBe(
      'k.json: is another kind of result, not a run result; ccsim report renders "ccsim run --json" results and sweeps\' --out files');
  });
});
