/**
 * The optional `aht` and `patience` columns of a forecast CSV (issue 12 item 4): WFM forecasts
 * carry the mean handle time of each interval beside its volume, e.g.
 * `interval_start,channel,volume,aht`. A channel's cells fill its `ahtByInterval` (and
 * `patienceByInterval`), one mean per row, in seconds or durations (`"6m"`). Within one
 * channel's rows a column is either filled on every row or left empty on every row (the
 * channel's own `handle` then applies all day), so one file can carry AHT for voice and none
 * for email. Giving a channel both the column and the scenario field is refused, naming both:
 * neither may silently win.
 */
import { parseDuration } from './duration.js';
import { SCENARIO_LIMITS as L } from './limits.js';
import { formatValue } from './problem.js';
import { given, isRecord } from './raw.js';

export const MEAN_COLUMNS = [
  { column: 'aht', field: 'ahtByInterval', noun: 'mean handle time' },
  { column: 'patience', field: 'patienceByInterval', noun: 'mean patience' },
] as const;

export type MeanColumn = (typeof MEAN_COLUMNS)[number]['column'];

/** What the columns give a channel: each field present only when its column is filled for it. */
export interface ChannelMeans {
  readonly ahtByInterval?: number[];
  readonly patienceByInterval?: number[];
}

export interface MeanRow {
  readonly line: number;
  readonly means: Readonly<Partial<Record<MeanColumn, string>>>;
}

/**
 * The means a channel's rows give, or the problems with them. `channel` is the scenario's raw
 * channel (for the field it may already have, and whether it has patience).
 */
export function channelMeans(rows: readonly MeanRow[], columns: readonly MeanColumn[], channel: unknown, file: string): { means: ChannelMeans; problems: string[] } {
  const problems: string[] = [];
  const means: { ahtByInterval?: number[]; patienceByInterval?: number[] } = {};
  for (const { column, field, noun } of MEAN_COLUMNS) {
    if (!columns.includes(column)) continue;
    const cells = rows.map((row) => row.means[column] ?? '');
    const filled = cells.filter((cell) => cell !== '').length;
    if (filled === 0) continue;
    if (filled < cells.length) {
      const k = cells.findIndex((cell) => cell === '');
      problems.push(`${file}:${rows[k]?.line ?? '?'} column ${column}: must be given on every row of the channel or on none (${filled} of ${cells.length} rows give a ${noun})`);
      continue;
    }
    if (isRecord(channel) && given(channel[field])) {
      problems.push(`${file}: column ${column} gives the channel's ${noun} per interval, and so does its ${field} field: give one of them`);
      continue;
    }
    if (column === 'patience' && !(isRecord(channel) && given(channel.patience))) {
      problems.push(`${file}: column patience scales the channel's patience distribution, and the channel has none (add patience, or leave the column empty for it)`);
      continue;
    }
    const values = rows.map((row, k) => {
      const parsed = parseDuration(cells[k]);
      if (parsed.ok && parsed.seconds > 0 && parsed.seconds <= L.maxDistributionSec) return parsed.seconds;
      problems.push(`${file}:${row.line} column ${column}: must be a positive duration of at most a year, seconds or like "6m" (got ${formatValue(cells[k])})`);
      return NaN;
    });
    means[field] = values;
  }
  return { means, problems };
}
