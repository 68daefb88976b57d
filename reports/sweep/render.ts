/**
 * One entry point for every format of a sweep's report, shared by `ccsim sweep` and
 * `ccsim merge` (which therefore print the same bytes). JSON and CSV are the data contracts
 * (analysis/sweep/result.ts, reports/sweep/csv.ts); text, Markdown and HTML render the result as its
 * JSON holds it (`normalizeSweep`: ∞ and NaN become null exactly as in the JSON), so they are
 * a function of the JSON alone.
 */
import type { Chart } from '../charts.js';
import type { RenderedReport } from '../run/render.js';
import type { SweepReportInput, SweepResult } from '../../analysis/sweep/result.js';
import { sweepCharts } from './charts.js';
import { renderSweepHtml } from './html.js';
import { renderSweepMarkdown } from './markdown.js';
import { sweepCsv } from './csv.js';
import { renderSweepText } from './text.js';

export const SWEEP_FORMATS = ['text', 'json', 'csv', 'md', 'html'] as const;
export type SweepFormat = (typeof SWEEP_FORMATS)[number];

export interface SweepRenderOptions {
  /** ANSI colours in the text format. @default false */
  readonly colour?: boolean;
}

/** The result as a reader of its JSON sees it. */
export function normalizeSweep(r: SweepResult): SweepResult {
  return JSON.parse(JSON.stringify(r)) as SweepResult;
}

/** The charts of the HTML report, for `--specs` with any format. */
export function sweepChartsOf(result: SweepResult): Chart[] {
  return sweepCharts(normalizeSweep(result));
}

export async function renderSweepReport(result: SweepResult, input: SweepReportInput, format: SweepFormat, options: SweepRenderOptions = {}): Promise<RenderedReport> {
  switch (format) {
    case 'json': return { text: `${JSON.stringify(result, null, 2)}\n`, charts: [] };
    case 'csv': return { text: sweepCsv(result, input), charts: [] };
    case 'text': return { text: renderSweepText(normalizeSweep(result), { colour: options.colour ?? false }), charts: [] };
    case 'md': return { text: renderSweepMarkdown(normalizeSweep(result)), charts: [] };
    case 'html': {
      const r = normalizeSweep(result);
      const charts = sweepCharts(r);
      return { text: await renderSweepHtml(r, charts), charts };
    }
  }
}
