/**
 * `ccsim staff FILE`: the staffing a plan really needs, found by simulation (issue 7): per
 * interval (default), one level for the whole day (`--whole-day`) or per shift (`--shifts`),
 * every target met with 95% confidence. The search runs on the worker pool with a progress
 * bar on a terminal; `--out FILE.jsonl` checkpoints every evaluated (candidate, replication)
 * and `--resume` continues an interrupted search without redoing work. See
 * workers/staffing/ for the method.
 *
 * Exit codes: 0 every target met and the answer proven; 1 a target unmet, or the search stopped
 * early (rounds ran out, a cap) — one line on stderr per unmet target and per stop; 2 invalid
 * input (before anything runs); 3 internal error; 130 interrupted.
 */
import { SCALE_OPTION, VARIANT_OPTION } from '../overrideFlags.js';
import type { Argv, CommandModule } from 'yargs';
import { SERVICE_LEVEL_DEFINITIONS } from '../../engine/model.js';
import { renderStaffingCsv } from '../../reports/staffing/csv.js';
import { renderStaffingHtml } from '../../reports/staffing/html.js';
import type { StaffingResult } from '../../analysis/staffing/result.js';
import { outcomeLines } from '../../reports/staffing/outcome.js';
import { renderStaffingText } from '../../reports/staffing/text.js';
import { EXIT_CHECK_FAILED } from '../errors.js';
import { loadScenarioText } from '../../scenarios/load.js';
import { defaultWorkers } from '../../workers/threads.js';
import { runStaffing } from '../../workers/staffing/staff.js';
import { plainBound } from '../assertionBounds.js';
import { chosenFormat, formatOptions } from '../formatFlags.js';
import { inputOptions, maxInputBytes } from '../inputFlags.js';
import { LOG_LEVEL_OPTION } from '../logger.js';
import { emit, toJson } from '../output.js';
import { checkAssertionPaths } from '../../analysis/assertionPaths.js';
import { scenarioAssertions } from '../scenarioAssertions.js';
import { printWarnings } from '../warnings.js';
import { staffDefinition, STAFF_FORMATS, type StaffArgs, type StaffFormat } from './staffFlags.js';
import { runSearch } from '../searchRun.js';

export async function renderStaffing(r: StaffingResult, format: StaffFormat, colour: boolean): Promise<string> {
  switch (format) {
    case 'json': return toJson(r);
    case 'csv': return renderStaffingCsv(r);
    case 'html': return renderStaffingHtml(r);
    case 'text': return renderStaffingText(r, { colour });
  }
}


/**
 * What a search (`staff`, `schedule`) reads of its scenario before it starts: loaded with the
 * overrides (warnings printed), its `assert:` lines checked and kept as plain bounds, its seed,
 * and whether a group has a cost (the default objective).
 */
export function searchScenarioInfo(args: Pick<StaffArgs, 'set' | 'max-input-mb'>): (text: string, label: string) => { seed: number; assertions: string[]; anyCost: boolean } {
  return (text, label) => {
    const loaded = loadScenarioText(text, label, { overrides: args.set ?? [], maxInputBytes: maxInputBytes(args) });
    printWarnings(loaded.warnings);
    const placed = scenarioAssertions(loaded);
    // Those judged on the whole day name a metric of its runs, or the search does not start.
    checkAssertionPaths(loaded.model, placed);
    const raw = (loaded.scenario as { assert?: unknown }).assert;
    const lines = Array.isArray(raw) ? raw : [];
    return {
      seed: loaded.model.seed,
      assertions: lines.flatMap((x, i) => (typeof x === 'string' ? [plainBound(x, `${label}: assert[${i}]`)] : [])),
      anyCost: loaded.model.groups.some((g) => g.costPerHour > 0),
    };
  };
}

async function handle(args: StaffArgs): Promise<void> {
  const definition = staffDefinition(args, searchScenarioInfo(args));
  await runSearch(args, 'staff', (controls) => runStaffing({ definition, ...controls }), async (result, colour) => {
    emit(await renderStaffing(result, chosenFormat(args, STAFF_FORMATS, 'text'), colour), args.report, '--report');
    // The answer is usable only when proven: say on stderr what is not, and exit 1.
    for (const line of outcomeLines(result)) process.stderr.write(`${line}\n`);
    if (result.status !== 'met') process.exitCode = EXIT_CHECK_FAILED;
  });
}

export const staffCommand: CommandModule<object, StaffArgs> = {
  command: 'staff <file>',
  describe: 'Find the fewest agents per interval and group (or shift) meeting every target with 95% confidence, by simulation (exit 1 if any is unmet)',
  builder: (y: Argv) =>
    inputOptions(formatOptions(y, STAFF_FORMATS, 'Result format (default text)'))
      .positional('file', { type: 'string', describe: 'Scenario (YAML or JSON)', demandOption: true })
      .option('whole-day', { type: 'boolean', default: false, describe: 'One constant level per group, judged on the day\'s figures' })
      .option('shifts', { type: 'boolean', default: false, describe: 'Find the fewest agents per scenario shift (start, length, breaks)' })
      .option('replications', { alias: 'r', type: 'number', describe: 'Replications per candidate staffing (default 20)' })
      .option('seed', { type: 'number', describe: 'Base seed (default: the scenario\'s); one seed for every candidate (CRN)' })
      .option('set', { type: 'string', array: true, describe: 'Override a field: path=value (repeatable)' })
      .option('scale', SCALE_OPTION)
      .option('variant', VARIANT_OPTION)
      .option('sl-definition', { type: 'string', choices: [...SERVICE_LEVEL_DEFINITIONS], describe: 'Service-level definition' })
      .option('max-asa', { type: 'string', describe: 'Also require ASA ≤ this on live channels (e.g. 30s)' })
      .option('max-abandon', { type: 'string', describe: 'Also require abandon rate ≤ this (e.g. 0.05 or 5%)' })
      .option('max-occupancy', { type: 'string', describe: 'Also cap every group\'s occupancy (e.g. 0.85)' })
      .option('max-backlog-age', { type: 'string', describe: 'Also require backlog age p90 ≤ this on deferred channels (e.g. 4h)' })
      .option('max-rounds', { type: 'number', default: 8, describe: 'Cap on whole-day re-check rounds (and on shift scaling)' })
      .option('objective', { type: 'string', describe: 'Minimise cost (costPerHour of each group) or hours (agent-hours); default cost when a group has a cost' })
      .option('confidence', { type: 'string', describe: 'Level of the two-sided CI that must meet each target: 0.9, 0.95 (default) or 0.99' })
      .option('on', { type: 'string', describe: 'Judge targets on the whole CI (ci, default) or on the mean over replications (mean)' })
      .option('workers', { type: 'number', describe: `Worker threads (0: this thread; default ${defaultWorkers()}, the cores)` })
      .option('out', { type: 'string', describe: 'Checkpoint every simulation to this JSONL file (resumable)' })
      .option('resume', { type: 'boolean', default: false, describe: 'Continue the --out file: reuse the simulations recorded' })
      .option('report', { type: 'string', describe: 'Write the result to FILE instead of stdout' })
      .option('log-level', LOG_LEVEL_OPTION) as unknown as Argv<StaffArgs>,
  handler: handle,
};
