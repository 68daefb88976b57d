/**
 * Faults injected by tests (`CCSIM_FAULT_INJECT`, comma-separated items), read where a real
 * fault would strike so a test drives the very code path a user would hit:
 *
 * - `point:3` — every task of point 3 fails in the worker, as an invariant violation would
 *   (workers/task.ts): the retry, the errored record and the exit 3 can be tested;
 * - `disk-full-after:N` — the file writes of this process after the N-th fail as a full disk
 *   fails them: the (N+1)-th writes half its bytes, then `ENOSPC` (workers/fileWrites.ts).
 *   A checkpoint's header is its first write and each record one more; a result file is one;
 * - `kill-after-lines:N` — the process SIGKILLs itself once it has appended N task records to
 *   its checkpoint (workers/checkpointWriter.ts), i.e. at a chosen point of a sweep or search;
 * - `kill-before-end` — … right before the end record of a finished checkpoint.
 *
 * Never set outside tests; an unknown item is ignored.
 */
export interface Faults {
  readonly points: ReadonlySet<number>;
  readonly diskFullAfter: number | null;
  readonly killAfterLines: number | null;
  readonly killBeforeEnd: boolean;
}

const NONE: Faults = { points: new Set(), diskFullAfter: null, killAfterLines: null, killBeforeEnd: false };

/** The faults `CCSIM_FAULT_INJECT` asks for (read each time: tests set it per child process). */
export function injectedFaults(spec: string | undefined = process.env.CCSIM_FAULT_INJECT): Faults {
  if (spec === undefined || spec.trim() === '') return NONE;
  const points = new Set<number>();
  let diskFullAfter: number | null = null;
  let killAfterLines: number | null = null;
  let killBeforeEnd = false;
  for (const item of spec.split(',').map((s) => s.trim())) {
    const [name, value] = item.split(':');
    const n = Number(value);
    if (name === 'point' && Number.isInteger(n)) points.add(n);
    else if (name === 'disk-full-after' && Number.isInteger(n) && n >= 0) diskFullAfter = n;
    else if (name === 'kill-after-lines' && Number.isInteger(n) && n >= 0) killAfterLines = n;
    else if (name === 'kill-before-end') killBeforeEnd = true;
  }
  return { points, diskFullAfter, killAfterLines, killBeforeEnd };
}
