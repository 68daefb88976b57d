/**
 * The human-readable report of a sweep, for a terminal: the tables of reports/sweep/tables.ts
 * drawn by reports/textTable.ts within 100 columns (a wide table continues below, repeating
 * the point column), service levels coloured by their 95% CI against the target — colours
 * only when asked for (reports/palette.ts decides when), never in piped output.
 */
import { palette, type Palette } from '../palette.js';
import type { SweepResult } from '../../analysis/sweep/result.js';
import { sweepLayout } from './points.js';
import {
  campaignTables, differenceNote, differenceTable, errorLines, metricTable, objectiveLines, objectiveTable, pointsTable, sweepDescription, sweepScopes,
} from './tables.js';
import type { Cell, ReportTable } from '../tables.js';
import { fitTable, MAX_WIDTH, type Column } from '../textTable.js';

export interface SweepTextOptions {
  /** ANSI colours (only for a terminal). @default false */
  readonly colour?: boolean;
}

function cellText(c: Cell, p: Palette): string {
  if (typeof c === 'string') return c;
  if (c.status === 'pass') return p.green(c.text);
  if (c.status === 'fail') return p.red(c.text);
  return c.status === 'inconclusive' ? p.yellow(c.text) : c.text;
}

export function textTable(t: ReportTable, p: Palette): string {
  const columns: Column<readonly Cell[]>[] = t.head.map((head, i) => ({
    head,
    cell: (row) => cellText(row[i] ?? '', p),
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

export function renderSweepText(r: SweepResult, options: SweepTextOptions = {}): string {
  const p = palette(options.colour ?? false);
  const layout = sweepLayout(r);
  const out: string[] = [p.bold(`${r.scenario} — sweep`), ...wrap(sweepDescription(r).join('; '))];
  const section = (t: ReportTable): void => {
    out.push('', t.title, textTable(t, p));
  };
  section(pointsTable(r, layout));
  const scopes = sweepScopes(r);
  for (const s of scopes) section(metricTable(r, layout, s));
  campaignTables(r, layout).forEach(section);
  const diffs = scopes.flatMap((s) => differenceTable(r, layout, s) ?? []);
  diffs.forEach(section);
  if (diffs.length > 0) out.push(...wrap(differenceNote(r)));
  const objective = objectiveTable(r, layout);
  if (objective) {
    out.push('', 'Objective', ...objectiveLines(r).flatMap((l) => wrap(l)), textTable(objective, p));
  }
  const errors = errorLines(r);
  if (errors.length > 0) out.push('', p.red(`Errored tasks (${r.errors.length})`), ...errors.flatMap((e) => wrap(`- ${e}`, '  ')));
  return `${out.join('\n')}\n`;
}
