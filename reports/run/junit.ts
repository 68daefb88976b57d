/**
 * JUnit XML of `ccsim check`, the shape CI test reporters read (testsuites › testsuite ›
 * testcase › failure; Jenkins' and Ant's de facto schema): one testcase per assertion, the
 * measured mean and 95% CI in the failure message and in each case's system-out. No `time`
 * or `timestamp` attributes: the same result gives the same bytes.
 */
import type { AssertionOutcome, CheckMode } from '../../analysis/assertions.js';
import { measured } from './check.js';
import { plain } from '../metricFormat.js';
import type { RunResult } from '../../analysis/run/result.js';

/** Characters XML 1.0 cannot hold at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in an attribute or element: markup escaped, unrepresentable characters dropped. */
export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

const attrs = (pairs: Readonly<Record<string, string | number>>): string =>
  Object.entries(pairs).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');

function failureMessage(o: AssertionOutcome): string {
  const a = o.assertion;
  const note = o.note === '' ? '' : ` (${o.note})`;
  return `${a.path} ${a.op} ${plain(a.bound)} failed: measured ${measured(o.estimate)}${note}`;
}

function testcase(o: AssertionOutcome, classname: string): string {
  const head = `    <testcase${attrs({ name: o.assertion.source, classname })}>`;
  const out = `      <system-out>${escapeXml(`${o.assertion.path}: ${measured(o.estimate)}${o.note ? ` — ${o.note}` : ''}`)}</system-out>`;
  if (o.passed) return `${head}\n${out}\n    </testcase>`;
  const message = failureMessage(o);
  const failure = `      <failure${attrs({ message, type: o.verdict.state === 'fail' ? 'AssertionFailed' : 'AssertionInconclusive' })}>${escapeXml(message)}</failure>`;
  return `${head}\n${failure}\n${out}\n    </testcase>`;
}

export interface JunitContext {
  /** The scenario file checked, as given on the command line. */
  readonly file: string;
  readonly mode: CheckMode;
}

export function renderJunit(r: RunResult, outcomes: readonly AssertionOutcome[], ctx: JunitContext): string {
  const failures = outcomes.filter((o) => !o.passed).length;
  const counts = { tests: outcomes.length, failures, errors: 0, skipped: 0 };
  const props = { file: ctx.file, scenario: r.scenario, seed: r.seed, replications: r.replications, mode: ctx.mode, serviceLevelDefinition: r.serviceLevelDefinition };
  const properties = Object.entries(props).map(([name, value]) => `      <property${attrs({ name, value })}/>`).join('\n');
  const classname = `ccsim.check.${r.scenario}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'ccsim check', ...counts })}>`,
    `  <testsuite${attrs({ name: `${r.scenario} (${ctx.file})`, ...counts })}>`,
    `    <properties>\n${properties}\n    </properties>`,
    ...outcomes.map((o) => testcase(o, classname)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
