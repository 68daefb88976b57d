/**
 * `ccsim report RESULT.json`: renders a saved `ccsim run --json` (or `check --result`)
 * result in any format without running anything again. The file must be a run result of a
 * supported schema version (reports/resultFile.ts); same result ⇒ same bytes as `run`.
 *
 * `ccsim report SWEEP.jsonl` renders a finished sweep from its `--out` file, exactly as
 * `ccsim merge SWEEP.jsonl` (and the sweep itself) would print it in that format. A sweep's
 * JSON report is refused by reports/resultFile.ts, naming the command that works.
 */
import { readFileSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../../engine/errors.js';
import { parseRunResult } from '../../reports/resultFile.js';
import { CHECKPOINT_FORMAT } from '../../workers/checkpoint.js';
import { chosenFormat, formatOptions } from '../formatFlags.js';
import { REPORT_FORMATS, writeReport } from '../reportOutput.js';

interface ReportArgs {
  file: string;
  json?: boolean;
  format?: string;
  out?: string;
  specs?: string;
}

function readResult(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a directory, not a result file`);
    throw new InputError(`${path}: cannot be read (${code ?? String(err)})`);
  }
}

/** Whether the text is a sweep's JSONL file: its first line is the sweep's header record. */
function isSweepFile(text: string): boolean {
  const newline = text.indexOf('\n');
  try {
    const head = JSON.parse(newline < 0 ? text : text.slice(0, newline)) as { type?: unknown; format?: unknown } | null;
    return head?.type === 'header' && head.format === CHECKPOINT_FORMAT;
  } catch {
    return false; // a whole JSON document over several lines (a run result), or not JSON
  }
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <file>',
  describe: 'Render a saved run result (ccsim run --json) or a finished sweep (its --out .jsonl) as text, md, csv, html or json',
  builder: (y: Argv) =>
    formatOptions(y, REPORT_FORMATS, 'Output format (default text)')
      .positional('file', { type: 'string', describe: 'A result written by "ccsim run --json" or "ccsim check --result", or a sweep\'s --out file' })
      .option('out', { type: 'string', describe: 'Write the output to FILE instead of stdout' })
      .option('specs', { type: 'string', describe: 'Write the charts\' vega-lite specs to DIR (default with --format html --out F.html: F.vega/)' }) as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    const format = chosenFormat(args, REPORT_FORMATS, 'text');
    const text = readResult(args.file);
    if (isSweepFile(text)) {
      // Loaded only here: rendering a run result need not load the sweep machinery.
      const { printSweepFiles } = await import('../sweepOutput.js');
      await printSweepFiles([args.file], { format, report: args.out, specs: args.specs });
      return;
    }
    const result = parseRunResult(text, args.file);
    await writeReport(result, { format, out: args.out, specs: args.specs });
  },
};
