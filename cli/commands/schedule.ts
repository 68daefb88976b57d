/**
 * `ccsim schedule FILE --templates T`: the cheapest shift schedule from the templates whose
 * simulation meets every target with the chosen confidence (issue 15), found by the
 * simulation-based cutting-plane method (workers/scheduling/). The search runs on the worker
 * pool with a progress bar on a terminal; `--out FILE.jsonl` checkpoints every simulation and
 * `--resume` continues an interrupted search.
 *
 * Exit codes: 0 every target met; 1 not (the result is still printed, and stderr says which
 * intervals or day targets miss and why); 2 invalid input; 3 internal error; 130 interrupted.
 */
import type { Argv, CommandModule } from 'yargs';
import { SERVICE_LEVEL_DEFINITIONS } from '../../engine/model.js';
import { renderScheduleCsv } from '../../reports/schedule/csv.js';
import { renderScheduleHtml } from '../../reports/schedule/html.js';
import type { ScheduleResult } from '../../analysis/schedule/result.js';
import { renderScheduleText, unmetText } from '../../reports/schedule/text.js';
import { defaultWorkers } from '../../workers/threads.js';
import { runSchedule } from '../../workers/scheduling/schedule.js';
import { chosenFormat, formatOptions } from '../formatFlags.js';
import { inputOptions } from '../inputFlags.js';
import { LOG_LEVEL_OPTION } from '../logger.js';
import { emit, toJson } from '../output.js';
import { scheduleDefinition, SCHEDULE_FORMATS, type ScheduleArgs, type ScheduleFormat } from './scheduleFlags.js';
import { searchScenarioInfo } from './staff.js';
import { runSearch } from '../searchRun.js';

export async function renderSchedule(r: ScheduleResult, format: ScheduleFormat, colour: boolean): Promise<string> {
  switch (format) {
    case 'json': return toJson(r);
    case 'csv': return renderScheduleCsv(r);
    case 'html': return renderScheduleHtml(r);
    case 'text': return renderScheduleText(r, { colour });
  }
}

async function handle(args: ScheduleArgs): Promise<void> {
  const definition = scheduleDefinition(args, searchScenarioInfo(args));
  await runSearch(args, 'schedule', (controls) => runSchedule({ definition, ...controls }), async (result, colour) => {
    emit(await renderSchedule(result, chosenFormat(args, SCHEDULE_FORMATS, 'text'), colour), args.report, '--report');
    if (!result.met) {
      process.stderr.write(`ccsim schedule: ${unmetText(result)}\n`);
      process.exitCode = 1;
    }
  });
}

export const scheduleCommand: CommandModule<object, ScheduleArgs> = {
  command: 'schedule <file>',
  describe: 'Find the cheapest shift schedule from templates that meets every target by simulation (cutting planes)',
  builder: (y: Argv) =>
    inputOptions(formatOptions(y, SCHEDULE_FORMATS, 'Result format (default text)'))
      .positional('file', { type: 'string', describe: 'Scenario (YAML or JSON) with one agent group', demandOption: true })
      .option('templates', { type: 'string', describe: 'Shift templates file (YAML): starts, lengths, breaks, costs' })
      .option('confidence', { type: 'number', default: 0.95, describe: 'Targets met over the whole two-sided CI at this confidence: 0.9, 0.95 or 0.99' })
      .option('day-level', { type: 'boolean', default: false, describe: 'Judge targets on the day\'s figures (cuts from finite differences; may go below Erlang in some intervals)' })
      .option('replications', { alias: 'r', type: 'number', describe: 'Replications per simulated schedule (default 20)' })
      .option('seed', { type: 'number', describe: 'Base seed (default: the scenario\'s); one seed for every schedule (CRN)' })
      .option('set', { type: 'string', array: true, describe: 'Override a field: path=value (repeatable)' })
      .option('sl-definition', { type: 'string', choices: [...SERVICE_LEVEL_DEFINITIONS], describe: 'Service-level definition' })
      .option('max-asa', { type: 'string', describe: 'Also require ASA ≤ this on live channels (e.g. 30s)' })
      .option('max-abandon', { type: 'string', describe: 'Also require abandon rate ≤ this (e.g. 0.05 or 5%)' })
      .option('max-occupancy', { type: 'string', describe: 'Also cap the group\'s occupancy (e.g. 0.85)' })
      .option('max-backlog-age', { type: 'string', describe: 'Also require backlog age p90 ≤ this on deferred channels (e.g. 4h)' })
      .option('max-rounds', { type: 'number', default: 20, describe: 'Cap on rounds of cuts (default 20)' })
      .option('workers', { type: 'number', describe: `Worker threads (0: this thread; default ${defaultWorkers()}, the cores)` })
      .option('out', { type: 'string', describe: 'Checkpoint every simulation to this JSONL file (resumable)' })
      .option('resume', { type: 'boolean', default: false, describe: 'Continue the --out file: reuse the simulations recorded' })
      .option('report', { type: 'string', describe: 'Write the result to FILE instead of stdout' })
      .option('log-level', LOG_LEVEL_OPTION) as unknown as Argv<ScheduleArgs>,
  handler: handle,
};
