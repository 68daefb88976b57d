/**
 * `ccsim run --interval-file F.csv|F.jsonl`: every interval of every replication, written as
 * each replication finishes and never held (issue 16, goal 3). An interval's estimate over
 * replications needs every replication, so a file that is written while they run holds each
 * replication's own figures — its `value`s, one row per replication × interval × scope ×
 * metric — and the estimates over replications are left to the reader (a group-by on
 * interval, scope, id and metric; docs/horizon.md). With one replication they are the result.
 *
 * - CSV: the tidy vocabulary of reports/tidyCsv.ts with the context columns `scenario, seed,
 *   replication` and `statistic` = `value` (no CI: one replication has none);
 * - JSONL: one line per replication × interval, `{ replication, startSec, channels: { id:
 *   { metric: value } }, groups: { id: { metric: value } } }`, a missing value as null.
 *
 * A replication's pooled metrics (`…Pooled`) equal its own ratios and are left out; so are
 * the wait percentiles when the kernel kept its wait histograms per day rather than per
 * interval (`--intervals day|none`): a day's percentile is not the interval's.
 */
import type { Model } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { InputError } from '../../engine/errors.js';
import { GROUP_METRICS, POOLED_METRICS } from '../../analysis/kpi.js';
import { periodRows } from '../../analysis/run/replicationKpis.js';
import { channelMetricsOf } from '../../analysis/scenarioMetrics.js';
import { csvText, metricUnit, numberCell, TIDY_COLUMNS } from '../tidyCsv.js';
import { timeLabel } from '../timeline.js';

export const INTERVAL_FILE_COLUMNS = ['scenario', 'seed', 'replication', ...TIDY_COLUMNS] as const;

const PERCENTILES: ReadonlySet<string> = new Set(['waitP50Sec', 'waitP90Sec', 'waitP95Sec', 'waitP99Sec']);
const POOLED: ReadonlySet<string> = new Set(POOLED_METRICS);

/** Intervals turned into rows at a time: a few thousand rows of text, whatever the horizon. */
const CHUNK = 48;

export type IntervalFileFormat = 'csv' | 'jsonl';

/** The file's format from its name: `.csv` or `.jsonl` (an error naming the flag otherwise). */
export function intervalFileFormat(path: string): IntervalFileFormat {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.jsonl$/i.test(path)) return 'jsonl';
  throw new InputError(`--interval-file: must name a .csv or .jsonl file (got "${path}")`);
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The file's text, made a replication at a time and handed to `sink` (which writes it: cli/intervalFileOutput.ts). */
export class IntervalFile {
  private readonly format: IntervalFileFormat;
  private readonly channelMetrics: readonly string[];

  constructor(path: string, private readonly model: Model, private readonly sink: (text: string) => void) {
    this.format = intervalFileFormat(path);
    const perInterval = (model.waitPercentileSec ?? model.intervalSec) <= model.intervalSec;
    this.channelMetrics = channelMetricsOf(model).filter((m) => !POOLED.has(m) && (perInterval || !PERCENTILES.has(m)));
    if (this.format === 'csv') sink(csvText([[...INTERVAL_FILE_COLUMNS]]));
  }

  /** Writes replication `r`'s intervals, a chunk at a time. */
  write(r: ReplicationCounters): void {
    const m = this.model;
    for (let from = 0; from < m.intervalCount; from += CHUNK) {
      const periods = [];
      for (let iv = from; iv < Math.min(from + CHUNK, m.intervalCount); iv++) {
        periods.push({ fromInterval: iv, toInterval: iv + 1, startSec: iv * m.intervalSec, spanSec: m.intervalSec });
      }
      const rows = periodRows(m, r, periods);
      this.sink(this.format === 'csv' ? this.csvChunk(r.replication, periods, rows) : this.jsonlChunk(r.replication, periods, rows));
    }
  }

  /**
   * The chunk's CSV lines. The text cells (scenario, ids, metric names, units) are encoded once
   * by `csvText` — its quoting and neutralizing — and each line joins them with the numbers: a
   * year of five channels is millions of lines, and the library's per-record work was most of
   * the time.
   */
  private csvChunk(replication: number, periods: readonly { startSec: number }[], rows: ReturnType<typeof periodRows>): string {
    const m = this.model;
    const cell = (text: string | number): string => csvText([[text]]).slice(0, -1);
    const context = `${cell(m.name)},${cell(m.seed)},${cell(replication)}`;
    const scopes = [
      ...m.channels.map((c) => ({ head: `${context},channels,${cell(c.id)}`, metrics: this.channelMetrics })),
      ...m.groups.map((g) => ({ head: `${context},groups,${cell(g.id)}`, metrics: GROUP_METRICS as readonly string[] })),
    ];
    const tails = scopes.map((sc) => sc.metrics.map((metric) => [`,${cell(metric)},value,`, `,,,${cell(metricUnit(metric))}\n`] as const));
    let out = '';
    periods.forEach(({ startSec }, i) => {
      const when = `,${cell(timeLabel(m, startSec))},${startSec}`;
      scopes.forEach((sc, k) => {
        const ch = k < m.channels.length ? k : -1;
        const kpis = (ch >= 0 ? rows.intervalChannels[i]?.[ch]?.kpis : rows.intervalGroups[i]?.[k - m.channels.length]) as Record<string, number>;
        const tail = tails[k] ?? [];
        sc.metrics.forEach((metric, j) => {
          const [before, after] = tail[j] ?? ['', ''];
          out += `${sc.head}${when}${before}${numberCell(kpis[metric] ?? NaN)}${after}`;
        });
      });
    });
    return out;
  }

  private jsonlChunk(replication: number, periods: readonly { startSec: number }[], rows: ReturnType<typeof periodRows>): string {
    const m = this.model;
    const lines = periods.map(({ startSec }, i) => {
      const channels = Object.fromEntries(m.channels.map((c, ch) => {
        const kpis = rows.intervalChannels[i]?.[ch]?.kpis as Record<string, number>;
        return [c.id, Object.fromEntries(this.channelMetrics.map((metric) => [metric, finiteOrNull(kpis[metric] ?? NaN)]))];
      }));
      const groups = Object.fromEntries(m.groups.map((g, gi) => {
        const kpis = rows.intervalGroups[i]?.[gi] as Record<string, number>;
        return [g.id, Object.fromEntries(GROUP_METRICS.map((metric) => [metric, finiteOrNull(kpis[metric] ?? NaN)]))];
      }));
      return JSON.stringify({ replication, startSec, channels, groups });
    });
    return `${lines.join('\n')}\n`;
  }
}
