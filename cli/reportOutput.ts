/**
 * Writing a run result in the format asked for, shared by `run`, `report` and `check`:
 * the `--format`, `--out` and `--specs` flags. With `--format html --out report.html` the
 * vega-lite specs of the charts are written beside it, to `report.vega/<chart>.vl.json`
 * (or to `--specs DIR`, for any format), so a researcher can restyle a chart and re-render it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/errors.js';
import { causeOf, writeFileAtomic } from '../workers/fileWrites.js';
import type { Chart } from '../reports/charts.js';
import { runCharts } from '../reports/run/charts.js';
import { processColourContext, wantsColour } from '../reports/palette.js';
import { normalizeResult, renderReport, REPORT_FORMATS, type ReportFormat } from '../reports/run/render.js';
import type { RunResult } from '../analysis/run/result.js';
import { emit, toJson } from './output.js';

export { REPORT_FORMATS, type ReportFormat };

export interface ReportFlags {
  readonly format: ReportFormat;
  readonly out?: string | undefined;
  readonly specs?: string | undefined;
}

/** Where the specs go: `--specs DIR`, else `NAME.vega/` beside an HTML `--out NAME.html`. */
export function specsDir(flags: ReportFlags): string | undefined {
  if (flags.specs !== undefined) return flags.specs;
  if (flags.format !== 'html' || flags.out === undefined) return undefined;
  return `${flags.out.replace(/\.html?$/i, '')}.vega`;
}

/** Each spec is written whole or not at all (workers/fileWrites.ts). */
export function writeSpecs(dir: string, charts: readonly Chart[]): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new InputError(`--specs: cannot write to "${dir}" (${causeOf(err)})`);
  }
  for (const c of charts) writeFileAtomic(join(dir, `${c.id}.vl.json`), toJson(c.spec), '--specs');
  process.stderr.write(`ccsim: wrote ${charts.length} vega-lite specs to ${dir}\n`);
}

export async function writeReport(result: RunResult, flags: ReportFlags): Promise<void> {
  const colour = wantsColour(processColourContext(flags.out !== undefined));
  const rendered = await renderReport(result, flags.format, { colour });
  emit(rendered.text, flags.out);
  const dir = specsDir(flags);
  if (dir !== undefined) writeSpecs(dir, rendered.charts.length > 0 ? rendered.charts : runCharts(normalizeResult(result)));
}
