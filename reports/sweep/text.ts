/**
 * The human-readable report of a sweep, for a terminal: the tables of reports/sweep/tables.ts
 * drawn by reports/textTable.ts within 100 columns (a wide table continues below, repeating
 * the point column), service levels coloured by their 95% CI against the target — colours
 * only when asked for (reports/palette.ts decides when), never in piped output.
 */
import { palette } from '../palette.js';
import type { SweepResult } from '../../analysis/sweep/result.js';
import { sweepLayout } from './points.js';
import {
  differenceNote, errorLines, objectiveLines, objectiveTable, reportTables, sweepDescription,
} from './tables.js';
import type { ReportTable } from '../tables.js';
import { textTable, wrap } from '../textTable.js';

export interface SweepTextOptions {
  /** ANSI colours (only for a terminal). @default false */
  readonly colour?: boolean;
}

export function renderSweepText(r: SweepResult, options: SweepTextOptions = {}): string {
  const p = palette(options.colour ?? false);
  const layout = sweepLayout(r);
  const out: string[] = [p.bold(`${r.scenario} — sweep`), ...wrap(sweepDescription(r).join('; '))];
  const section = (t: ReportTable): void => {
    out.push('', t.title, textTable(t, p));
  };
  const { figures, differences } = reportTables(r, layout);
  figures.forEach(section);
  differences.forEach(section);
  if (differences.length > 0) out.push(...wrap(differenceNote(r)));
  const objective = objectiveTable(r, layout);
  if (objective) {
    out.push('', 'Objective', ...objectiveLines(r).flatMap((l) => wrap(l)), textTable(objective, p));
  }
  const errors = errorLines(r);
  if (errors.length > 0) out.push('', p.red(`Errored tasks (${r.errors.length})`), ...errors.flatMap((e) => wrap(`- ${e}`, '  ')));
  return `${out.join('\n')}\n`;
}
