/**
 * Tables of the text report: cli-table3, compact box style, numbers right-aligned, and a
 * width budget. A table wider than the budget is continued in a second table rather than
 * wrapped (a wrapped table cannot be read) or cut (a cut one hides figures).
 */
import { stripVTControlCharacters } from 'node:util';
import Table from 'cli-table3';

/** The text report fits a 100-column terminal (issue 6). */
export const MAX_WIDTH = 100;

export interface Column<R> {
  readonly head: string;
  readonly cell: (row: R) => string;
  readonly align?: 'left' | 'right';
}

const STYLE = { head: [] as string[], border: [] as string[], compact: true };
const NO_RULES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** Display width of a rendered block: ANSI codes removed, code points counted. */
export function displayWidth(text: string): number {
  let max = 0;
  for (const line of stripVTControlCharacters(text).split('\n')) max = Math.max(max, [...line].length);
  return max;
}

/** A header row above the column heads, e.g. `service level` spanning `sim | Erlang`. */
export interface HeadGroup {
  readonly label: string;
  readonly span: number;
}

export interface TableOptions {
  readonly bold?: (s: string) => string;
  /** Spanning labels over the heads; the spans must add up to the number of columns. */
  readonly groups?: readonly HeadGroup[];
}

export function renderTable<R>(columns: readonly Column<R>[], rows: readonly R[], options: TableOptions = {}): string {
  const bold = options.bold ?? ((s: string) => s);
  const aligns = columns.map((c) => c.align ?? 'right');
  const t = new Table({ style: STYLE, chars: NO_RULES, colAligns: aligns });
  if (options.groups) t.push(options.groups.map((g) => ({ content: bold(g.label), colSpan: g.span, hAlign: 'center' as const })));
  t.push(columns.map((c, i) => ({ content: bold(c.head), hAlign: aligns[i] })));
  for (const row of rows) t.push(columns.map((c) => c.cell(row)));
  return t.toString();
}

/**
 * Renders the table within `maxWidth`: when all columns do not fit, they are laid out as
 * several tables one under the other, each repeating the first (key) column, so nothing is
 * dropped and nothing wraps.
 */
export function fitTable<R>(columns: readonly Column<R>[], rows: readonly R[], options: Omit<TableOptions, 'groups'> = {}, maxWidth = MAX_WIDTH): string {
  const [key, ...rest] = columns;
  if (key === undefined) return '';
  const tables: string[] = [];
  let chunk: Column<R>[] = [key];
  let rendered = renderTable(chunk, rows, options);
  for (const column of rest) {
    const next = renderTable([...chunk, column], rows, options);
    if (displayWidth(next) <= maxWidth || chunk.length === 1) {
      chunk.push(column);
      rendered = next;
      continue;
    }
    tables.push(rendered);
    chunk = [key, column];
    rendered = renderTable(chunk, rows, options);
  }
  tables.push(rendered);
  return tables.join('\n');
}
