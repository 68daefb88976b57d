/**
 * The two kinds of failure ccsim distinguishes (DESIGN §6).
 *
 * - `InputError`: the user's input is wrong (scenario field, CLI flag). Each problem line names
 *   where, the rule and the value received. The CLI prints it and exits 2, never with a stack.
 * - `SimulationError`: an invariant of the kernel broke (e.g. conservation). A bug: exit 3,
 *   reported with the simulated time at which it was found.
 */
export class InputError extends Error {
  override readonly name: string = 'InputError';
  /** One line per mistake; `message` joins them with newlines. */
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'));
    this.problems = list;
  }
}

export class SimulationError extends Error {
  override readonly name: string = 'SimulationError';
  readonly simTimeSec: number;
  constructor(message: string, simTimeSec: number) {
    super(`${message} (at simulated time ${simTimeSec.toFixed(3)} s)`);
    this.simTimeSec = simTimeSec;
  }

  /** The error again from its whole message (as a worker thread sent it back), the time already in it. */
  static restored(wholeMessage: string, simTimeSec: number): SimulationError {
    const error = new SimulationError('', simTimeSec);
    error.message = wholeMessage;
    return error;
  }
}
