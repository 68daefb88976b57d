/**
 * Tables of the text report: cli-table3, compact box style, numbers right-aligned, and a
 * width budget. A table wider than the budget is continued in a second table rather than
 * wrapped (a wrapped table cannot be read) or cut (a cut one hides figures).
 */
import { stripVTControlCharacters } from 'node:util';
import Table from 'cli-table3';
import type { Palette } from './palette.js';
import type { Cell, ReportTable } from './tables.js';

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

/** Rows rendered by one cli-table3 call: its layout checks every cell against every other for spans, so its time grows with the square of the rows. */
const CHUNK_ROWS = 100;

/** Characters whose terminal width may not be 1 (wide or combining): such a table is laid out by cli-table3 whole. */
const UNCERTAIN_WIDTH = /[^\u0020-\u2fff]/u;

function newTable(aligns: readonly ('left' | 'right')[], colWidths?: readonly number[]): Table.Table {
  return new Table({ style: STYLE, chars: NO_RULES, colAligns: [...aligns], ...(colWidths === undefined ? {} : { colWidths: [...colWidths] }) });
}

/** The head rows: the spanning group labels, then the column heads. */
function headRows(heads: readonly string[], aligns: readonly ('left' | 'right')[], options: TableOptions): Table.HorizontalTableRow[] {
  const bold = options.bold ?? ((s: string) => s);
  const rows: Table.HorizontalTableRow[] = [];
  if (options.groups) rows.push(options.groups.map((g) => ({ content: bold(g.label), colSpan: g.span, hAlign: 'center' as const })));
  rows.push(heads.map((h, i) => ({ content: bold(h), hAlign: aligns[i] ?? 'right' })));
  return rows;
}

/** Per column, its widest cell (by display width): a table of these as one row is laid out as wide as the table of all rows. */
function widestRow(cells: readonly (readonly string[])[], columns: number): string[] {
  return Array.from({ length: columns }, (_, c) => {
    let best = '';
    for (const row of cells) {
      const cell = row[c] ?? '';
      if (displayWidth(cell) > displayWidth(best)) best = cell;
    }
    return best;
  });
}

/**
 * A long table rendered in chunks of rows, each by cli-table3 with the column widths of the
 * whole table, the borders between chunks dropped: the same bytes as one call, in time linear
 * in the rows (a year of 15-minute intervals took minutes as one call).
 */
function renderChunked(heads: readonly string[], aligns: readonly ('left' | 'right')[], cells: readonly (readonly string[])[], options: TableOptions): string {
  const probe = newTable(aligns);
  probe.push(...headRows(heads, aligns, options), widestRow(cells, heads.length));
  // The bottom border has one segment per column: its lengths are the widths of every column.
  const bottom = probe.toString().split('\n').at(-1) ?? '';
  const widths = bottom.slice(1, -1).split('┴').map((segment) => [...segment].length);
  const lines: string[] = [];
  for (let start = 0; start < cells.length; start += CHUNK_ROWS) {
    const t = newTable(aligns, widths);
    if (start === 0) t.push(...headRows(heads, aligns, options));
    t.push(...cells.slice(start, start + CHUNK_ROWS).map((row) => [...row]));
    const chunk = t.toString().split('\n');
    const last = start + CHUNK_ROWS >= cells.length;
    lines.push(...chunk.slice(start === 0 ? 0 : 1, last ? chunk.length : -1));
  }
  return lines.join('\n');
}

export function renderTable<R>(columns: readonly Column<R>[], rows: readonly R[], options: TableOptions = {}): string {
  const aligns = columns.map((c) => c.align ?? 'right');
  const heads = columns.map((c) => c.head);
  const cells = rows.map((row) => columns.map((c) => c.cell(row)));
  if (cells.length > CHUNK_ROWS && !cells.some((row) => row.some((cell) => UNCERTAIN_WIDTH.test(stripVTControlCharacters(cell))))) {
    return renderChunked(heads, aligns, cells, options);
  }
  const t = newTable(aligns);
  t.push(...headRows(heads, aligns, options), ...cells.map((row) => [...row]));
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
  // Widths are measured on one row of each column's widest cell, as wide as all the rows.
  const widest = widestRow(rows.map((row) => columns.map((c) => c.cell(row))), columns.length);
  const width = (chunk: readonly number[]): number => {
    const t = newTable(chunk.map((i) => columns[i]?.align ?? 'right'));
    t.push(...headRows(chunk.map((i) => columns[i]?.head ?? ''), chunk.map((i) => columns[i]?.align ?? 'right'), options), chunk.map((i) => widest[i] ?? ''));
    return displayWidth(t.toString());
  };
  const groups: number[][] = [];
  let chunk = [0];
  rest.forEach((_, k) => {
    const i = k + 1;
    if (chunk.length === 1 || width([...chunk, i]) <= maxWidth) chunk.push(i);
    else {
      groups.push(chunk);
      chunk = [0, i];
    }
  });
  groups.push(chunk);
  return groups.map((g) => renderTable(g.map((i) => columns[i] as Column<R>), rows, options)).join('\n');
}

/** A cell in the palette's colour of its verdict (green met, red missed, yellow straddling). */
function colouredCell(c: Cell, p: Palette): string {
  if (typeof c === 'string') return c;
  if (c.status === 'pass') return p.green(c.text);
  if (c.status === 'fail') return p.red(c.text);
  return c.status === 'inconclusive' ? p.yellow(c.text) : c.text;
}

/** A report's table (reports/tables.ts) drawn within the width, its verdicts coloured by `p`. */
export function textTable(t: ReportTable, p: Palette): string {
  const columns: Column<readonly Cell[]>[] = t.head.map((head, i) => ({
    head,
    cell: (row) => colouredCell(row[i] ?? '', p),
    align: i < t.labelColumns ? 'left' : 'right',
  }));
  return fitTable(columns, t.rows, { bold: p.bold });
}

/** Greedy word wrap to the report's width; continuation lines indented by `indent`. */
export function wrap(text: string, indent = '', width = MAX_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if ([...candidate].length <= width || line === '') line = candidate;
    else {
      lines.push(line);
      line = `${indent}${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
