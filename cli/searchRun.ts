/**
 * How `ccsim staff` and `ccsim schedule` run their search: on the worker pool with a progress
 * bar, a checkpoint (`--out`, `--resume`) and Ctrl-C stopping the hand-out while what is in
 * flight finishes and is recorded; then the result is rendered by the command.
 */
import type { RunControls } from '../workers/pool.js';
import { defaultWorkers } from '../workers/threads.js';
import { StaffingInterrupted } from '../workers/staffing/evaluator.js';
import { processColourContext, wantsColour } from '../reports/palette.js';
import { inputCap } from '../scenarios/inputFile.js';
import { maxInputBytes, type InputArgs } from './inputFlags.js';
import { interruptible } from './interruption.js';
import { stderrLogger } from './logger.js';
import { progress } from './progress.js';

export interface SearchArgs extends InputArgs {
  workers?: number;
  out?: string;
  resume: boolean;
  report?: string;
  'log-level': string;
}

/** The run controls of a search plus the forecast cap: what `runStaffing` and `runSchedule` take besides their definition. */
export type SearchControls = RunControls & { readonly maxForecastBytes: number };

/** Runs `search` with the command line's controls, then `finish` (render, exit code) with whether to colour. */
export async function runSearch<R>(
  args: SearchArgs,
  name: string,
  search: (controls: SearchControls) => Promise<R>,
  finish: (result: R, colour: boolean) => Promise<void>,
): Promise<void> {
  const logger = stderrLogger(args['log-level']);
  const interruption = interruptible('simulations', args.out);
  const bar = progress(name, 'simulations');
  try {
    const result = await search({
      workers: args.workers ?? defaultWorkers(),
      out: args.out ?? null,
      resume: args.resume,
      signal: interruption.signal,
      logger,
      onProgress: bar.onProgress,
      maxInputBytes: inputCap('checkpoint', maxInputBytes(args)),
      maxForecastBytes: maxInputBytes(args),
    });
    bar.stop();
    await finish(result, wantsColour(processColourContext(args.report !== undefined)));
  } catch (err) {
    if (!(err instanceof StaffingInterrupted)) throw err;
    bar.stop();
    interruption.stopped('every finished simulation');
  } finally {
    bar.stop();
    interruption.dispose();
  }
}
