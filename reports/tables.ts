/**
 * A report's table as plain rows of formatted cells, which every format renders its own way
 * (text: reports/textTable.ts, Markdown: reports/markdown.ts, HTML: reports/html.ts): the run's,
 * the sweep's, the staffing and schedule reports' and the back-test's tables alike.
 */
import type { Verdict } from '../analysis/verdict.js';

/** A cell with a judgement against the target (service level), shown as colour or a mark. */
export interface StatusCell {
  readonly text: string;
  readonly status: Verdict['state'];
  /** What the colour says, where it is not a verdict on a target (HTML title). */
  readonly title?: string;
}
export type Cell = string | StatusCell;

export interface ReportTable {
  readonly title: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** How many leading columns hold labels (left-aligned); the rest are numbers. */
  readonly labelColumns: number;
}

export const cellText = (c: Cell): string => (typeof c === 'string' ? c : c.text);
