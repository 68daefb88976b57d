/**
 * What the back-test reads of an ACD interval report: scenarios/intervalReport.ts's
 * `IntervalReport` without what it does not use (the `ata` column; `labelOf` is optional), so
 * a report built in memory — a simulated day in the tests — serves as well as one read from a file.
 */
import type { IntervalReport, ReportInterval } from '../../scenarios/intervalReport.js';

export type HistoryInterval = Omit<ReportInterval, 'ataSec'>;

export type HistoryReport = Omit<IntervalReport, 'byChannel' | 'labelOf'> & {
  readonly byChannel: ReadonlyMap<string, readonly (HistoryInterval | undefined)[]>;
  readonly labelOf?: IntervalReport['labelOf'];
};
