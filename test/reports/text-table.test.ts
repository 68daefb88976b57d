// The text report's tables (reports/textTable.ts): a long table — a year of 15-minute
// intervals is 35,040 rows — is rendered in chunks with the whole table's column widths, the
// same bytes cli-table3 writes in one call, in time linear in the rows (one call checks every
// cell against every other for spans: a year's interval table took minutes, issue 18).
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { fitTable, renderTable, type Column, type HeadGroup } from '../../reports/textTable.js';

interface Row { readonly i: number }

const red = (s: string): string => `\u001b[31m${s}\u001b[39m`;
const bold = (s: string): string => `\u001b[1m${s}\u001b[22m`;

const COLUMNS: Column<Row>[] = [
  { head: 'start', cell: (r) => `${String(Math.floor(r.i / 4) % 24).padStart(2, '0')}:${String((r.i % 4) * 15).padStart(2, '0')}`, align: 'left' },
  { head: 'offered', cell: (r) => String((r.i * 7919) % 1000) },
  { head: 'sim', cell: (r) => (r.i % 3 === 0 ? red(`${(r.i % 100).toFixed(1)}%`) : `${(r.i % 100).toFixed(1)}%`) },
  { head: 'Erlang', cell: (r) => `${((r.i * 31) % 1000) / 10}%` },
  { head: 'ASA', cell: (r) => (r.i === 777 ? '123456.7s ±8.9s' : `${r.i % 60}s`) },
];
const GROUPS: HeadGroup[] = [{ label: '', span: 2 }, { label: 'service level', span: 2 }, { label: '', span: 1 }];

/** What cli-table3 writes for the whole table in one call (the layout before chunking). */
function oneCall(columns: readonly Column<Row>[], rows: readonly Row[], groups?: readonly HeadGroup[], head = (s: string) => s): string {
  const aligns = columns.map((c) => c.align ?? 'right');
  const t = new Table({ style: { head: [], border: [], compact: true }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }, colAligns: aligns });
  if (groups) t.push(groups.map((g) => ({ content: head(g.label), colSpan: g.span, hAlign: 'center' as const })));
  t.push(columns.map((c, i) => ({ content: head(c.head), hAlign: aligns[i] })));
  for (const row of rows) t.push(columns.map((c) => c.cell(row)));
  return t.toString();
}

const rowsOf = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ i }));

describe('long text tables', () => {
  for (const n of [1, 99, 100, 101, 250, 1000]) {
    it(`${n} rows with spanning groups, coloured cells and a wide cell far down: the bytes of one cli-table3 call`, () => {
      expect(renderTable(COLUMNS, rowsOf(n), { groups: GROUPS, bold })).toBe(oneCall(COLUMNS, rowsOf(n), GROUPS, bold));
      expect(renderTable(COLUMNS, rowsOf(n))).toBe(oneCall(COLUMNS, rowsOf(n)));
    });
  }

  it('a table too wide for the budget is continued in a second one, measured on the widest cells', () => {
    const wide: Column<Row>[] = [COLUMNS[0] as Column<Row>, ...Array.from({ length: 12 }, (_, k) => ({ head: `metric ${k}`, cell: (r: Row) => `${(r.i * (k + 3)) % 997}.${k} ±${k}` }))];
    const rows = rowsOf(300);
    const text = fitTable(wide, rows);
    const tables = text.split('\n').filter((l) => l.startsWith('┌'));
    expect(tables.length).toBeGreaterThan(1);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    // Every table repeats the key column and holds every row.
    expect(text.split('\n').filter((l) => l.startsWith('│ 23:45')).length).toBe(3 * tables.length);
  });

  it('35,040 rows (a year of 15-minute intervals) render in one table', () => {
    const text = renderTable(COLUMNS, rowsOf(35_040), { groups: GROUPS });
    expect(text.split('\n')).toHaveLength(35_040 + 4);
  });
});
