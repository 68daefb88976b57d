/**
 * Ctrl-C during a long command (sweep, staff). The first stops handing out work: what is in
 * flight finishes and is recorded, and the command ends with exit 130. The second abandons
 * what is in flight at once — every recorded line is already on disk (synchronous writes), so
 * the `--out` file can be resumed as it is. Either way the message says how to continue.
 */
import { EXIT_INTERRUPTED } from './errors.js';

export interface Interruption {
  /** Aborted by the first Ctrl-C. */
  readonly signal: AbortSignal;
  /** Says the command stopped (`recorded`: what the `--out` file holds) and sets exit 130. */
  stopped(recorded: string): void;
  /** Stops listening for Ctrl-C. */
  dispose(): void;
}

/** The command to type to continue: this one, with `--resume`. */
function resumeCommand(): string {
  const args = process.argv.slice(2).map((s) => (/^[\w@%+=:,./[\]-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`));
  return `ccsim ${args.join(' ')}${args.includes('--resume') ? '' : ' --resume'}`;
}

/** `unit` names the work in flight (tasks, simulations); `out` is the `--out` file, if any. */
export function interruptible(unit: string, out: string | undefined): Interruption {
  const controller = new AbortController();
  const resumable = (): string => (out === undefined ? '' : `; resume with: ${resumeCommand()}`);
  const onSigint = (): void => {
    if (!controller.signal.aborted) {
      process.stderr.write(`\nccsim: interrupted; finishing the ${unit} in flight (Ctrl-C again to abandon them)\n`);
      controller.abort();
      return;
    }
    process.stderr.write(`ccsim: abandoned the ${unit} in flight${resumable()}\n`);
    process.exit(EXIT_INTERRUPTED);
  };
  process.on('SIGINT', onSigint);
  return {
    signal: controller.signal,
    stopped: (recorded) => {
      process.stderr.write(out === undefined
        ? 'ccsim: stopped; nothing was saved (run with --out FILE to be able to resume)\n'
        : `ccsim: stopped with ${recorded} in ${out}${resumable()}\n`);
      process.exitCode = EXIT_INTERRUPTED;
    },
    dispose: () => { process.off('SIGINT', onSigint); },
  };
}
