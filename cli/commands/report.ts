/**
 * `ccsim report RESULT.json`: renders a saved `ccsim run --json` (or `check --result`)
 * result in any format without running anything again. The file must be a run result of a
 * supported schema version (reports/resultFile.ts); same result ⇒ same bytes as `run`.
 */
import { readFileSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../../engine/errors.js';
import { parseRunResult } from '../../reports/resultFile.js';
import { REPORT_FORMATS, writeReport, type ReportFormat } from '../reportOutput.js';

interface ReportArgs {
  file: string;
  format: string;
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

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <file>',
  describe: 'Render a saved run result (ccsim run --json) as text, md, csv or html',
  builder: (y: Argv) =>
    y
      .positional('file', { type: 'string', describe: 'A result written by "ccsim run --json" or "ccsim check --result"' })
      .option('format', { type: 'string', choices: [...REPORT_FORMATS], default: 'text', describe: 'Output format' })
      .option('out', { type: 'string', describe: 'Write the output to FILE instead of stdout' })
      .option('specs', { type: 'string', describe: 'Write the charts\' vega-lite specs to DIR (default with --format html --out F.html: F.vega/)' }) as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    const result = parseRunResult(readResult(args.file), args.file);
    await writeReport(result, { format: args.format as ReportFormat, out: args.out, specs: args.specs });
  },
};
