/**
 * Rules of the maximum wait and the close (issue 12 items 3, 9): both act on contacts waiting
 * on a line, so deferred channels (email, social: a backlog) take neither; a maximum wait that
 * turns into a callback needs a channel that makes callbacks (voice, as `callback` does).
 */
import type { Problem } from '../problem.js';
import { given, isRecord, kindOf, listOf, type Raw } from '../raw.js';
import { DEFERRED_KINDS } from '../schema/defaults.js';

export function exitProblems(data: Raw): Problem[] {
  const problems: Problem[] = [];
  listOf(data.channels).forEach((channel, i) => {
    const kind = kindOf(channel);
    if (!isRecord(channel) || kind === undefined) return;
    if ((DEFERRED_KINDS as readonly string[]).includes(kind)) {
      for (const field of ['maxWait', 'atClose'] as const) {
        if (given(channel[field])) {
          problems.push({ path: ['channels', i, field], message: `applies to live channels only (voice, chat, messaging): ${kind} is a backlog, nobody waits on a line`, atKey: true });
        }
      }
      return;
    }
    const maxWait = channel.maxWait;
    if (isRecord(maxWait) && maxWait.then === 'callback' && kind !== 'voice') {
      problems.push({ path: ['channels', i, 'maxWait', 'then'], message: `callback applies to voice channels only (this one is ${kind}); use message`, got: { value: 'callback' } });
    }
  });
  return problems;
}
