/**
 * The JSON log of long commands (sweep, staff): pino lines on stderr, since stdout carries
 * the result; synchronous, so nothing is lost on exit. Quiet (`warn`) unless `--log-level`.
 */
import { pino, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The `--log-level` option, as every long command declares it. */
export const LOG_LEVEL_OPTION = { type: 'string', choices: [...LOG_LEVELS], default: 'warn', describe: 'pino log level (JSON on stderr)' } as const;

export function stderrLogger(level: string): Logger {
  return pino({ level, base: { cmd: 'ccsim' } }, pino.destination({ fd: 2, sync: true }));
}
