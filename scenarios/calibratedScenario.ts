/**
 * The scenario `ccsim calibrate` writes from an ACD interval report (issue 14 goal 4): YAML
 * that `ccsim validate`, `run` and `staff` read, one channel and one agent group per report
 * channel, with a header comment that says where it came from and what was fitted, with the
 * fit's 95% intervals and warnings — so the file explains itself to whoever opens it later.
 *
 * Written as text, not through a YAML library, so that the comments sit beside the fields
 * they explain and lists of numbers stay on one line. Every string the report supplies
 * (channel names, labels, the file name) is written JSON-quoted in fields and stripped of
 * line breaks in comments, so a report cannot inject YAML.
 */
import type { ChannelCalibration } from '../analysis/calibration/channelCalibration.js';
import type { ChannelFit } from '../analysis/fit/callRecordsFit.js';
import type { DistSpec } from '../engine/model.js';
import type { ChannelKind } from '../engine/model.js';
import { exactDuration, formatClock, formatDuration } from './duration.js';
import type { IntervalReport } from './intervalReport.js';
import { DEFERRED_KINDS } from '../engine/defaults.js';

export interface CalibratedChannel {
  /** The report's channel name. */
  readonly name: string;
  /** Its scenario id (`scenarioIdOf`). */
  readonly id: string;
  readonly kind: ChannelKind;
  readonly calibration: ChannelCalibration;
  /** The fit of this channel's call records (`--calls`), when given: its handle family and patience replace the report's. */
  readonly calls?: ChannelFit;
  /** Sessions an agent holds at once (`--concurrency`), written as the channel's `concurrency`. */
  readonly concurrency?: number;
}

/** The handle spec written: the call records' best family, else a lognormal of the report's AHT with the assumed cv. */
export function handleSpecOf(c: CalibratedChannel, handleCv: number): DistSpec {
  const fit = c.calls?.handle;
  if (fit?.fitted === true) return fit.best.spec;
  return { dist: 'lognormal', mean: c.calibration.handleMeanSec ?? 0, cv: handleCv };
}

/** The patience spec written (abandoning kinds only): the call records' (censored exponential MLE), else the Erlang A fit's; null for none. */
export function patienceSpecOf(c: CalibratedChannel): DistSpec | null {
  if (!abandons(c.kind)) return null;
  if (c.calls !== undefined && c.calls.patience.spec !== null) return c.calls.patience.spec;
  const p = c.calibration.patience;
  return p !== undefined && p.status !== 'noAbandons' ? { dist: 'exponential', mean: p.meanSec } : null;
}

/** `{ dist: lognormal, mean: 301.4s, cv: 0.805 }` as a scenario writes it. */
function specText(spec: DistSpec): string {
  const parts = [`dist: ${spec.dist}`];
  if ('mean' in spec && typeof spec.mean === 'number') parts.push(`mean: ${num(spec.mean)}s`);
  if ('cv' in spec && typeof spec.cv === 'number') parts.push(`cv: ${num(spec.cv, 3)}`);
  return `{ ${parts.join(', ')} }`;
}

export interface CalibratedScenarioInput {
  readonly report: IntervalReport;
  readonly channels: readonly CalibratedChannel[];
  /** Coefficient of variation of the lognormal handle time. */
  readonly handleCv: number;
  /** `--within` (every channel's target T), or undefined for the kind's default. */
  readonly targetWithinSec: number | undefined;
  /** YYYY-MM-DD the file was written. */
  readonly writtenOn: string;
  /** Warnings of the report itself (gaps, ignored columns). */
  readonly reportWarnings: readonly string[];
}

/** Whether a channel kind's customers abandon (email and social wait in a backlog: DESIGN §2). */
export function abandons(kind: ChannelKind): boolean {
  return !DEFERRED_KINDS.includes(kind);
}

/**
 * A scenario id for a report's channel name: characters an id may not have become `_`, and
 * a name not starting with a letter gets `q_` before it ("Sales Queue" → Sales_Queue,
 * "401" → q_401). `taken` holds ids already given: a clash gets `_2`, `_3`, ….
 */
export function scenarioIdOf(name: string, taken: ReadonlySet<string> = new Set()): string {
  let id = name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[A-Za-z]/.test(id)) id = `q_${id}`;
  let unique = id;
  for (let k = 2; taken.has(unique); k++) unique = `${id}_${k}`;
  return unique;
}

/** A comment's text: control characters (line breaks included) become spaces. */
function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}

const q = (text: string): string => JSON.stringify(text);
const num = (x: number, digits = 1): string => String(+x.toFixed(digits));
const sec = (x: number): string => (Number.isFinite(x) ? `${num(x)} s` : '∞');
/** Values on one line of a written list: a week of half-hours reads as 14 lines, not one of 2,000 characters. */
const LIST_LINE = 24;

/**
 * A flow list of numbers, wrapped every `LIST_LINE` values; `continuation` starts each further
 * line (deeper than the key, as YAML's flow context needs; a `#` with it for a commented field).
 */
function list(xs: readonly number[], digits: number, continuation: string): string {
  const lines: string[] = [];
  for (let i = 0; i < xs.length; i += LIST_LINE) lines.push(xs.slice(i, i + LIST_LINE).map((x) => num(x, digits)).join(', '));
  return `[${lines.join(`,\n${continuation}`)}]`;
}

/** Per-interval values a written scenario holds per channel: volumes, ahtByInterval and the group's count. */
export function valuesPerInterval(channels: number): number {
  return channels * 3;
}

export function calibratedScenarioYaml(input: CalibratedScenarioInput): string {
  const { report } = input;
  const lines = [...headerComment(input), `name: ${q(`Calibrated from ${baseName(report.file)}`)}`, `dayStart: ${q(formatClock(report.dayStartSec))}`];
  if (report.startDate !== undefined) lines.push(`startDate: ${q(report.startDate)}`);
  lines.push(`horizon: ${exactDuration(report.intervalCount * report.intervalSec)}`, `interval: ${exactDuration(report.intervalSec)}`, 'channels:');
  for (const c of input.channels) lines.push(...channelLines(c, input));
  lines.push('agents:');
  for (const c of input.channels) {
    lines.push(`  - id: ${q(`${c.id}-agents`)}`, `    channels: [${q(c.id)}]`);
    lines.push('    # staffed per interval, rounded to the nearest whole agent (the report gives averages)');
    lines.push(`    count: ${list(c.calibration.staffing ?? [], 0, '      ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function baseName(path: string): string {
  return commentText(path.split(/[\\/]/).pop() ?? path);
}

function headerComment(input: CalibratedScenarioInput): string[] {
  const { report } = input;
  const first = report.labelOf(0);
  const last = report.labelOf(report.intervalCount - 1);
  const lines = [
    `# Calibrated by ccsim calibrate from ${commentText(report.file)} on ${input.writtenOn}.`,
    `# The report: ${report.intervalCount} intervals of ${formatDuration(report.intervalSec)}, ${commentText(first)} to ${commentText(last)}; channels ${report.channels.map(commentText).join(', ')}.`,
    '# Arrivals are the offered counts per interval, staffing the staffed agents per interval, handle time the',
    `# answered-weighted AHT (lognormal, cv ${num(input.handleCv, 3)}: an interval report gives no spread${input.channels.some((c) => c.calls !== undefined) ? '; call records, where given, set the family below' : ''}).`,
  ];
  for (const c of input.channels) lines.push(...fitComment(c));
  const warnings = [...input.reportWarnings, ...input.channels.flatMap((c) => c.calibration.warnings.map((w) => `${c.name}: ${w}`))];
  for (const w of warnings) lines.push(`# warning: ${commentText(w)}`);
  return lines;
}

function fitComment(c: CalibratedChannel): string[] {
  const { patience, waitingCheck, handleMeanSec } = c.calibration;
  const name = commentText(c.name);
  const lines = [`# ${name} (${c.kind}): AHT ${handleMeanSec === undefined ? 'not reported' : sec(handleMeanSec)}.`, ...callsComment(c)];
  if (!abandons(c.kind)) return [...lines, `#   ${c.kind} does not abandon: no patience fitted.`];
  if (patience === undefined) return [...lines, '#   patience: not fitted (see the warnings); none written, so nobody abandons.'];
  lines.push(`#   patience, Erlang A (M/M/n+M) fitted by maximum likelihood over ${patience.intervals} intervals: exponential, mean ${sec(patience.meanSec)}, 95% ${sec(patience.ci.lower)} to ${sec(patience.ci.upper)}`);
  lines.push(`#   (abandon share ${num(100 * patience.observedShare, 2)}% reported, ${num(100 * patience.fittedShare, 2)}% fitted; dispersion ${num(patience.dispersion, 2)}).`);
  if (waitingCheck !== undefined) {
    const approx = waitingCheck.approximate ? ', abandoners taken to wait as long as ASA' : '';
    lines.push(`#   check, abandons ÷ total wait (Mandelbaum–Zeltyn P(ab) = θ·E[W]${approx}): mean ${sec(waitingCheck.meanSec)}, 95% ${sec(waitingCheck.ci.lower)} to ${sec(waitingCheck.ci.upper)}.`);
  }
  return lines;
}

/** What the call records gave a channel, and that it is what was written. */
function callsComment(c: CalibratedChannel): string[] {
  const fit = c.calls;
  if (fit === undefined) return [];
  const lines: string[] = [];
  const h = fit.handle;
  if (h.fitted) {
    lines.push(`#   handle time from ${h.n} answered calls (maximum likelihood, best AIC; written): ${h.best.family}, mean ${sec(h.best.meanSec)} ± ${sec(h.best.meanSe)}, cv ${num(h.best.cv, 3)}, KS distance ${num(h.best.ksDistance, 4)}.`);
  } else lines.push(`#   handle time not fitted from the call records (${commentText(h.reason)}): the report's AHT is written.`);
  const e = fit.patience.exponential;
  if (fit.patience.spec !== null && e.meanSec !== null) {
    const km = fit.patience.kaplanMeier.median;
    const median = km === null ? '' : `; Kaplan–Meier median ${sec(km.valueSec)}`;
    lines.push(`#   patience from ${fit.calls} calls, answered ones censored (written): exponential, mean ${sec(e.meanSec)}, 95% ${sec(e.lowerSec)} to ${e.upperSec === null ? '∞' : sec(e.upperSec)}${median}.`);
  } else if (abandons(c.kind)) lines.push('#   patience not fitted from the call records (no abandons): the report\'s fit is used, if any.');
  return lines;
}

function channelLines(c: CalibratedChannel, input: CalibratedScenarioInput): string[] {
  const cal = c.calibration;
  const lines = [`  - id: ${q(c.id)}`];
  if (c.id !== c.name) lines.push(`    # the report's channel ${commentText(q(c.name))}`);
  lines.push(`    kind: ${c.kind}`, `    arrivals: { volumes: ${list(cal.volumes, 3, '        ')} }`);
  if (c.concurrency !== undefined && c.concurrency > 1) lines.push(`    concurrency: ${c.concurrency}`);
  lines.push(`    handle: ${specText(handleSpecOf(c, input.handleCv))}`);
  if (cal.ahtByInterval !== undefined) lines.push(`    ahtByInterval: ${list(cal.ahtByInterval, 1, '      ')}`);
  const patience = patienceSpecOf(c);
  if (patience !== null) lines.push(`    patience: ${specText(patience)}`);
  if (input.targetWithinSec !== undefined) lines.push(`    target: { within: ${exactDuration(input.targetWithinSec)} }`);
  return lines;
}
