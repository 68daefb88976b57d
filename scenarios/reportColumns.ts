/**
 * Which column of an ACD interval export holds which figure (issue 14 goal 4). Exports name
 * their columns as the vendor likes ("Calls Offered", "Avg Handle Time", "ACD Calls"); ccsim
 * knows each figure by a canonical name and finds its column by, in order:
 *   1. an explicit mapping (`--columns offered="Calls Offered"`, `--map map.yaml`),
 *   2. the canonical name itself, or
 *   3. a small table of common export names (below).
 * Names are compared case-insensitively, with runs of spaces, underscores, dots, dashes and
 * slashes read as one space, so `Avg. Handle Time`, `avg_handle_time` and `AVG HANDLE TIME` are
 * one name.
 */
import { distance } from 'fastest-levenshtein';
import { formatValue } from './problem.js';
import { closestMatch } from './suggestion.js';

/** The figures an interval report can carry, by canonical column name. */
export const REPORT_COLUMNS = [
  'interval_start',
  'date',
  'channel',
  'offered',
  'answered',
  'abandoned',
  'aht',
  'asa',
  'ata',
  'answered_within',
  'service_level',
  'staffed',
] as const;

export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** Column index of each figure the file has. */
export type ColumnIndex = Partial<Record<ReportColumn, number>>;

/**
 * Common export names, normalised (see `normalise`). Kept small and unambiguous: "Handled" is
 * answered (contacts handled by an agent), "Interval" the start of the interval; a name that
 * means different things in different ACDs ("Calls", "Service") is left to a mapping.
 */
const ALIASES: Readonly<Record<ReportColumn, readonly string[]>> = {
  interval_start: ['interval', 'interval start', 'start', 'start time', 'datetime', 'date time', 'timestamp', 'time', 'period'],
  date: ['day', 'report date'],
  channel: ['queue', 'skill', 'split', 'split skill', 'queue name', 'skill name', 'application', 'media', 'media type'],
  offered: ['calls offered', 'offered calls', 'contacts offered', 'inbound calls', 'acd offered', 'volume'],
  answered: ['handled', 'calls handled', 'calls answered', 'answered calls', 'acd calls', 'contacts handled', 'contacts answered'],
  abandoned: ['aband', 'abandons', 'aban', 'calls abandoned', 'abandoned calls', 'aband calls', 'contacts abandoned'],
  aht: ['avg handle time', 'average handle time', 'avg handling time', 'handle time', 'aht sec', 'aht s', 'avg aht'],
  asa: ['avg speed of answer', 'average speed of answer', 'avg speed ans', 'speed of answer', 'asa sec', 'asa s', 'avg wait answered'],
  ata: ['avg time to abandon', 'average time to abandon', 'avg abandon time', 'avg aband time', 'time to abandon', 'avg wait abandoned'],
  answered_within: ['answered within', 'answered within sl', 'answered within threshold', 'within sl', 'calls within sl', 'in sl', 'sl calls'],
  service_level: ['sl', 'sl pct', 'service level pct', 'service level %', 'sl %', 'pct service level', 'svc level'],
  staffed: ['agents staffed', 'staffed agents', 'avg staffed', 'avg agents staffed', 'pos staffed', 'positions staffed', 'agents', 'fte staffed'],
};

/** Lower case, `%` kept as a word, every other run of non-alphanumerics one space. */
export function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/%/g, ' % ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

const BY_NAME: ReadonlyMap<string, ReportColumn> = new Map(
  REPORT_COLUMNS.flatMap((c) => [[normalise(c), c] as const, ...ALIASES[c].map((a) => [normalise(a), c] as const)]),
);

/** Every name (canonical and alias) that reads as a figure, for did-you-mean hints. */
const KNOWN_NAMES: readonly string[] = [...BY_NAME.keys()];

/** The figure a header names by default (canonical or alias), if any. */
export function columnOfHeader(header: string): ReportColumn | undefined {
  return BY_NAME.get(normalise(header));
}

export interface ColumnMapping {
  /** The file, as messages name it. */
  readonly file: string;
  /** The 1-based line of the header row. */
  readonly line: number;
  /** Canonical name → the export's header for it (from `--columns` / `--map`). */
  readonly explicit: Readonly<Record<string, string>>;
}

export type ColumnsFound =
  | { readonly ok: true; readonly index: ColumnIndex; readonly headers: readonly string[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: string[] };

/** Problems in a mapping itself: keys that are not figures (with did-you-mean). */
export function mappingProblems(explicit: Readonly<Record<string, string>>, source: string): string[] {
  const problems: string[] = [];
  for (const [key, header] of Object.entries(explicit)) {
    if (!(REPORT_COLUMNS as readonly string[]).includes(key)) {
      const hint = closestMatch(key, REPORT_COLUMNS);
      problems.push(`${source}: "${key}" is not a report column (columns: ${REPORT_COLUMNS.join(', ')})${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`);
    } else if (header.trim() === '') {
      problems.push(`${source}: ${key}: must name a column of the report (got "")`);
    }
  }
  return problems;
}

/**
 * The column of each figure in `headers`. Mistakes: a mapped header that is not in the file,
 * two columns for one figure, no `interval_start` or `offered`, both `answered_within` and
 * `service_level`. A header that names no figure is ignored with a warning (exports carry many
 * more); one that is a typo of a figure the file lacks is named with the figure it may be —
 * in the error when that figure is required, in the warning otherwise.
 */
export function findColumns(headers: readonly string[], mapping: ColumnMapping): ColumnsFound {
  const at = `${mapping.file}:${mapping.line}`;
  const index: ColumnIndex = {};
  const problems: string[] = [];
  const taken = new Set<number>();
  const byNormal = headers.map(normalise);
  for (const [key, header] of Object.entries(mapping.explicit)) {
    const column = key as ReportColumn;
    const i = byNormal.indexOf(normalise(header));
    if (i < 0) {
      const hint = closestMatch(header, headers);
      problems.push(`${at}: ${column} is mapped to the column ${formatValue(header)}, which the header does not have (its columns: ${headers.join(', ')})${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`);
    } else {
      index[column] = i;
      taken.add(i);
    }
  }
  headers.forEach((header, i) => {
    const column = columnOfHeader(header);
    if (taken.has(i) || column === undefined || column in mapping.explicit) return;
    const other = index[column];
    if (other !== undefined) {
      problems.push(`${at}: both ${formatValue(headers[other])} and ${formatValue(header)} read as ${column}; name the one to use with --columns ${column}="…"`);
    } else {
      index[column] = i;
    }
  });
  const ignored = headers.filter((_, i) => !taken.has(i) && !Object.values(index).includes(i));
  const typos = typosOf(ignored, index);
  problems.push(...missingProblems(index, headers, typos, at));
  if (index.answered_within !== undefined && index.service_level !== undefined) {
    problems.push(`${at}: has both answered_within (${formatValue(headers[index.answered_within])}) and service_level (${formatValue(headers[index.service_level])}); map one of them away (--columns) or delete a column`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const warnings = ignored.map((header) => {
    const typo = typos.get(header);
    if (typo === undefined) return undefined;
    return `${at}: the column ${formatValue(header)} is not used (did you mean "${typo.near}"?); if it holds ${typo.column}, map it with --columns ${typo.column}="${header}"`;
  });
  const plain = ignored.filter((h) => !typos.has(h));
  if (plain.length > 0) warnings.push(`${at}: columns not used: ${plain.join(', ')}`);
  return { ok: true, index, headers, warnings: warnings.filter((w): w is string => w !== undefined) };
}

interface Typo {
  /** The known name it is near. */
  readonly near: string;
  readonly column: ReportColumn;
}

/**
 * Unrecognised headers that are a typo of a figure the file does not have: one edit in a
 * name of up to 8 characters, two in a longer one. Stricter than the did-you-mean of keys,
 * since an export's own columns ("Calls", "Max Delay") must pass unremarked.
 */
function typosOf(ignored: readonly string[], index: ColumnIndex): Map<string, Typo> {
  const lacking = KNOWN_NAMES.filter((n) => index[BY_NAME.get(n) as ReportColumn] === undefined);
  const typos = new Map<string, Typo>();
  for (const header of ignored) {
    const name = normalise(header);
    const allowed = name.length < 4 ? 0 : name.length <= 8 ? 1 : 2;
    const near = lacking.find((n) => distance(name, n) <= allowed);
    if (near !== undefined) typos.set(header, { near, column: BY_NAME.get(near) as ReportColumn });
  }
  return typos;
}

function missingProblems(index: ColumnIndex, headers: readonly string[], typos: ReadonlyMap<string, Typo>, at: string): string[] {
  const required: ReportColumn[] = ['interval_start', 'offered'];
  const missing = required.filter((c) => index[c] === undefined);
  if (missing.length === 0) return [];
  // A header with no figure at all may not be a report (a key file named by mistake): its
  // text is not repeated into the log (issue 18), only its shape.
  if (Object.keys(index).length === 0 && typos.size === 0) {
    return [`${at}: has no column of an interval report (needs at least interval_start and offered; the first line has ${headers.length} field${headers.length === 1 ? '' : 's'}, not shown)`];
  }
  return missing.map((c) => {
    const typo = [...typos].find(([, t]) => t.column === c);
    const hint = typo === undefined ? '' : ` (did you mean "${typo[1].near}" for ${formatValue(typo[0])}?)`;
    return `${at}: has no ${c} column${hint} (its columns: ${headers.join(', ')}); name it with --columns ${c}="…"`;
  });
}
