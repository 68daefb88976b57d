/**
 * `ccsim report RESULT.json`: renders a saved `ccsim run --json` (or `check --result`)
 * result in any format without running anything again. The file must be a run result of a
 * supported schema version (reports/run/resultFile.ts); same result ⇒ same bytes as `run`.
 *
 * `ccsim report SWEEP.jsonl` renders a finished sweep from its `--out` file, exactly as
 * `ccsim merge SWEEP.jsonl` (and the sweep itself) would print it in that format. A sweep's
 * JSON report is refused by reports/run/resultFile.ts, naming the command that works.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { parseRunResult } from '../../reports/run/resultFile.js';
import { checkInputFile, inputCap, readInputFile } from '../../scenarios/inputFile.js';
import { CHECKPOINT_FORMAT } from '../../workers/checkpoint.js';
import { chosenFormat, formatOptions } from '../formatFlags.js';
import { inputOptions, maxInputBytes, type InputArgs } from '../inputFlags.js';
import { REPORT_FORMATS, writeReport } from '../reportOutput.js';

interface ReportArgs extends InputArgs {
  file: string;
  json?: boolean;
  format?: string;
  out?: string;
  specs?: string;
}

/** The file's first bytes (a sweep's header begins with its type and format), or "" when unreadable. */
function firstBytes(path: string, count = 64): string {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(count);
    return buffer.subarray(0, readSync(fd, buffer, 0, count, 0)).toString('utf8');
  } catch {
    return ''; // reading the whole file below says why
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Whether the file is a sweep's JSONL file: its header record opens it. Only the first bytes
 * are read, so a large sweep file is streamed once, by the reader that checks it.
 */
function isSweepFile(path: string): boolean {
  return /^\{"type":"header","format":"([^"]*)"/.exec(firstBytes(path))?.[1] === CHECKPOINT_FORMAT;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <file>',
  describe: 'Render a saved run result (ccsim run --json) or a finished sweep (its --out .jsonl) as text, md, csv, html or json',
  builder: (y: Argv) =>
    inputOptions(formatOptions(y, REPORT_FORMATS, 'Output format (default text)'))
      .positional('file', { type: 'string', describe: 'A result written by "ccsim run --json" or "ccsim check --result", or a sweep\'s --out file' })
      .option('out', { type: 'string', describe: 'Write the output to FILE instead of stdout' })
      .option('specs', { type: 'string', describe: 'Write the charts\' vega-lite specs to DIR (default with --format html --out F.html: F.vega/)' }) as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    const format = chosenFormat(args, REPORT_FORMATS, 'text');
    const cap = maxInputBytes(args);
    // A device, a pipe or a directory is refused before its first bytes are looked at.
    checkInputFile(args.file, 'result file', inputCap('checkpoint', cap));
    if (isSweepFile(args.file)) {
      // Loaded only here: rendering a run result need not load the sweep machinery.
      const { printSweepFiles } = await import('../sweepOutput.js');
      await printSweepFiles([args.file], { format, report: args.out, specs: args.specs, reportFlag: '--out' }, inputCap('checkpoint', cap), 'report');
      return;
    }
    const result = parseRunResult(readInputFile(args.file, 'result file', cap), args.file);
    await writeReport(result, { format, out: args.out, specs: args.specs });
  },
};
