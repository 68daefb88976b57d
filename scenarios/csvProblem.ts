/**
 * What csv-parse found wrong with a CSV, said without quoting the file. Its own messages quote
 * the cell they stopped at (`value is "…"`), and a file named by mistake — `/proc/self/environ`,
 * a key file — would have that cell printed into a CI log (issue 18): so the message is made
 * from the error's code and line only.
 */
const RULES: Readonly<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by more text in the same field',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote is followed by more text in the same field',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'a row has more or fewer fields than the header',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'a row has more or fewer fields than the header',
  CSV_MAX_RECORD_SIZE: 'a row is too long',
};

export interface CsvProblem {
  /** The line the parser stopped at, when it says. */
  readonly line: number | undefined;
  /** The rule broken, in words. */
  readonly rule: string;
}

export function csvProblem(err: unknown): CsvProblem {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; lines?: unknown };
  const line = typeof e.lines === 'number' && Number.isSafeInteger(e.lines) && e.lines > 0 ? e.lines : undefined;
  const code = typeof e.code === 'string' ? e.code : '';
  return { line, rule: RULES[code] ?? `it does not parse as CSV${code === '' ? '' : ` (${code})`}` };
}
