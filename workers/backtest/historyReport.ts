/**
 * What the back-test reads of an ACD interval report: the fields of scenarios/intervalReport.ts
 * `IntervalReport` it uses (that reader's parsed report is one), so the back-test can be given
 * a report built in memory (tests) as well as one read from a file.
 */
export interface HistoryInterval {
  readonly line: number;
  readonly startSec: number;
  readonly label: string;
  readonly offered: number;
  readonly answered: number | undefined;
  readonly abandoned: number | undefined;
  readonly ahtSec: number | undefined;
  readonly asaSec: number | undefined;
  readonly answeredWithin: number | undefined;
  readonly staffed: number | undefined;
}

export interface HistoryReport {
  readonly file: string;
  readonly intervalSec: number;
  readonly intervalCount: number;
  readonly startDate: string | undefined;
  readonly dayStartSec: number;
  readonly slWithinSec: number | undefined;
  readonly channels: readonly string[];
  readonly byChannel: ReadonlyMap<string, readonly (HistoryInterval | undefined)[]>;
}
