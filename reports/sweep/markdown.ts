/**
 * GitHub-flavoured Markdown of a sweep, for pull-request comments: the tables of
 * reports/sweep/tables.ts through reports/markdown.ts's table writer, service levels marked
 * ✅ / ⚠️ / ❌ for their 95% CI against the target, the objective's answer in bold.
 */
import { mdTable } from '../markdown.js';
import type { SweepResult } from '../../analysis/sweep/result.js';
import { sweepLayout } from './points.js';
import {
  differenceNote, errorLines, objectiveLines, objectiveTable, reportTables, sweepDescription,
} from './tables.js';
import type { ReportTable } from '../tables.js';

/** Prose in Markdown: the characters that would start emphasis, code or HTML escaped. */
const mdText = (s: string): string => s.replace(/[\\`*_<]/g, (c) => `\\${c}`);

export function renderSweepMarkdown(r: SweepResult): string {
  const layout = sweepLayout(r);
  const out: string[] = [`## ccsim sweep: ${mdText(r.scenario)}`, mdText(sweepDescription(r).join(' · '))];
  const section = (t: ReportTable): void => {
    out.push(`### ${mdText(t.title)}\n\n${mdTable(t)}`);
  };
  const { figures, differences } = reportTables(r, layout);
  figures.forEach(section);
  differences.forEach(section);
  if (differences.length > 0) out.push(mdText(differenceNote(r)));
  const objective = objectiveTable(r, layout);
  if (objective) {
    const [rule, best] = objectiveLines(r);
    out.push(`### Objective\n\n${mdText(rule ?? '')}\n\n**${mdText(best ?? '')}**\n\n${mdTable(objective)}`);
  }
  const errors = errorLines(r);
  if (errors.length > 0) out.push(`### Errored tasks (${r.errors.length})\n\n${errors.map((e) => `- ${mdText(e)}`).join('\n')}`);
  return `${out.join('\n\n')}\n`;
}
