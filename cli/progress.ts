/**
 * The progress bar of long commands (sweep, staff): on stderr, only when it is a terminal
 * (cli-progress), so pipes and CI logs stay clean.
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  /** The callback the pool reports to: `done` of `total` units. */
  readonly onProgress: (done: number, total: number) => void;
  stop(): void;
}

/** `label` heads the bar; `unit` names what is counted (tasks, simulations). */
export function progress(label: string, unit: string): Progress {
  if (!process.stderr.isTTY) return { onProgress: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {value}/{total} ${unit} | {percentage}% | ETA {eta_formatted}`,
    hideCursor: true,
    etaBuffer: 50,
  });
  let started = false;
  return {
    onProgress: (done, total) => {
      if (!started) { bar.start(total, done); started = true; }
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => { if (started) bar.stop(); },
  };
}
