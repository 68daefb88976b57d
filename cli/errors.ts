/** Exit codes of the `ccsim` command (DESIGN §6). */
export { InputError } from '../engine/errors.js';

export const EXIT_OK = 0;
/** A `check` assertion failed. */
export const EXIT_CHECK_FAILED = 1;
/** Invalid input or usage. */
export const EXIT_INVALID_INPUT = 2;
/** Internal error (a bug): short message, stack only with --verbose. */
export const EXIT_INTERNAL = 3;
/** Stopped by Ctrl-C (SIGINT); what was recorded can be resumed. */
export const EXIT_INTERRUPTED = 130;
