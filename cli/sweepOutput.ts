/**
 * Writing a sweep's report, shared by `ccsim sweep`, `ccsim merge` and `ccsim report`: the `--format`,
 * `--report` and `--specs` flags. The vega-lite specs of the HTML charts go beside
 * `--report F.html` in `F.vega/`, or to `--specs DIR` for any format, as `ccsim run` does.
 *
 * Without `--format`, a person at a terminal gets the text report and everything else — a
 * pipe, a file, a CI log, `--report FILE` — gets the JSON a sweep has always printed, so
 * scripts written against `ccsim sweep … > sweep.json` keep working.
 */
import type { Argv } from 'yargs';
import { processColourContext, wantsColour } from '../reports/palette.js';
import type { SweepReportInput, SweepResult } from '../analysis/sweep/result.js';
import { renderSweepReport, SWEEP_FORMATS, sweepChartsOf, type SweepFormat } from '../reports/sweep/render.js';
import { mergeCheckpoints } from '../workers/merge.js';
import { sweepResult } from '../workers/outcomes.js';
import { EXIT_INTERNAL } from './errors.js';
import { chosenFormat, formatOptions } from './formatFlags.js';
import { emit } from './output.js';
import { specsDir, writeSpecs } from './reportOutput.js';

export interface SweepOutputFlags {
  json?: boolean;
  format?: string;
  report?: string;
  specs?: string;
  /** The option that gave `report`, named when writing it fails (`ccsim report` calls it `--out`). */
  reportFlag?: string;
}

/** The `--format` (and `--json`), `--report` and `--specs` options of a command printing a sweep. */
export function sweepOutputOptions<T>(y: Argv<T>): Argv<T> {
  return formatOptions(y, SWEEP_FORMATS, 'Output format: text, json, csv (tidy), md, html (self-contained, charts inline); default text on a terminal, json otherwise')
    .option('report', { type: 'string', describe: 'Write the result to FILE instead of stdout' })
    .option('specs', { type: 'string', describe: 'Write the charts\' vega-lite specs to DIR (default with --format html --report F.html: F.vega/)' }) as Argv<T>;
}

/** The format asked for (`--format`, `--json`), else text on a terminal and JSON otherwise; a usage error checked before any work. */
export function sweepFormat(flags: SweepOutputFlags, isTTY = process.stdout.isTTY === true): SweepFormat {
  return chosenFormat(flags, SWEEP_FORMATS) ?? (isTTY && flags.report === undefined ? 'text' : 'json');
}

export async function writeSweepReport(result: SweepResult, input: SweepReportInput, flags: SweepOutputFlags): Promise<void> {
  const format = sweepFormat(flags);
  const colour = wantsColour(processColourContext(flags.report !== undefined));
  const rendered = await renderSweepReport(result, input, format, { colour });
  emit(rendered.text, flags.report, flags.reportFlag ?? '--report');
  const dir = specsDir({ format, out: flags.report, specs: flags.specs });
  if (dir !== undefined) writeSpecs(dir, rendered.charts.length > 0 ? rendered.charts : sweepChartsOf(result));
}

/**
 * Prints the sweep recorded in `files` — the shards of one sweep in any order (`ccsim merge`),
 * or one whole sweep's file (`ccsim report`), every record checked against its checksum and
 * the sweep's plan (workers/merge.ts); exit 3 when tasks errored, as the sweep does.
 * `maxBytes` caps each file (`--max-input-mb`; default: the checkpoint cap).
 */
export async function printSweepFiles(files: readonly string[], flags: SweepOutputFlags, maxBytes?: number, command = 'merge'): Promise<void> {
  sweepFormat(flags);
  const merged = await mergeCheckpoints(files, maxBytes, command);
  const { result, input } = sweepResult(merged.definition, merged.planned, merged.outcomes);
  await writeSweepReport(result, input, flags);
  const errored = merged.outcomes.ordered().filter((r) => r.state === 'errored').length;
  if (errored > 0) {
    process.stderr.write(`ccsim: ${errored} task${errored > 1 ? 's' : ''} errored (listed under "errors" in the result)\n`);
    process.exitCode = EXIT_INTERNAL;
  }
}
