/**
 * One entry point for every report format, shared by `ccsim run`, `ccsim report` and
 * `ccsim check`. Every format renders the result as its JSON holds it (`normalizeResult`):
 * ∞ and NaN become null exactly as in `--json`, so `report r.json --format X` gives the
 * same bytes as `run --format X` for the same seed.
 */
import type { RunResult } from '../../analysis/run/result.js';
import type { Chart } from '../charts.js';
import { runCharts } from './charts.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'csv', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** ANSI colours in the text format. @default false */
  readonly colour?: boolean;
}

export interface RenderedReport {
  readonly text: string;
  /** The vega-lite specs behind the HTML charts (html only; empty otherwise). */
  readonly charts: readonly Chart[];
}

/** JSON as ccsim writes it: two-space indent, trailing newline. */
export function resultJson(r: RunResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

/** The result as a reader of its JSON sees it. */
export function normalizeResult(r: RunResult): RunResult {
  return JSON.parse(JSON.stringify(r)) as RunResult;
}

export async function renderReport(result: RunResult, format: ReportFormat, options: RenderOptions = {}): Promise<RenderedReport> {
  // JSON text is already what a reader sees: stringifying a parsed copy gives the same bytes,
  // and a long run's result (a year per day: ~10 MB) is then not held twice over.
  if (format === 'json') return { text: resultJson(result), charts: [] };
  // CSV writes every non-finite number and every null as an empty cell, so it too reads the
  // result as it is (test/reports/roundtrip.test.ts holds `report` to the same bytes).
  if (format === 'csv') return { text: renderCsv(result), charts: [] };
  const r = normalizeResult(result);
  switch (format) {
    case 'text': return { text: renderText(r, { colour: options.colour ?? false }), charts: [] };
    case 'md': return { text: renderMarkdown(r), charts: [] };
    case 'html': {
      const charts = runCharts(r);
      return { text: await renderHtml(r, charts), charts };
    }
  }
}
