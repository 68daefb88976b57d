// Acceptance 6 of issue 2: every broken scenario in test/fixtures/broken/ is run through the
// built CLI (vitest's globalSetup builds dist/) and must exit 2 with a message that names
// the field and its line:col, and never a stack trace.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = 'test/fixtures/broken';

function validate(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', 'validate', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** fixture → texts its report must contain (location, field path, rule, hint). */
const cases: Record<string, readonly string[]> = {
  'unknown-key.yaml': [':10:5 channels[0].patiense: unknown key', '(did you mean "patience"?)'],
  'negative-mean.yaml': [':9:40 channels[0].handle.mean: must be a positive duration (got "-3m")'],
  'wrong-unit.yaml': [':9:40 channels[0].handle.mean: must be a duration: unknown unit "minutes"'],
  'missing-channel.yaml': [':13:23 agents[0].channels[1]: names no channel of this scenario', '(got "chat")'],
  'misspelt-channel-ref.yaml': [':13:16 agents[0].channels[0]:', '(did you mean "voice"?)', ':6:9 channels[0].id: no agent group serves'],
  'unserved-channel.yaml': [':11:9 channels[1].id: no agent group serves this channel', '(got "email")'],
  'billion-agents.yaml': [':14:12 agents[0].count: must be a whole number of agents from 0 to 100,000 (got 1000000000)'],
  'thousand-year-horizon.yaml': [':3:10 horizon: must be at most 366d (got "365000d")'],
  'duplicate-channel-id.yaml': [':11:9 channels[1].id: duplicate channel id (also channels[0].id)'],
  'duplicate-group-id.yaml': [':15:9 agents[1].id: duplicate agent group id (also agents[0].id)'],
  'yaml-syntax.yaml': [':9:5 YAML syntax: Flow map in block collection'],
  'volumes-length.yaml': [':8:26 channels[0].arrivals.volumes: must list one volume per interval: 16 intervals, 3 listed'],
  'horizon-not-multiple.yaml': [':3:10 horizon: must be a whole number of intervals'],
  'bad-sl-definition.yaml': [':5:29 serviceLevel.definition: must be one of', '(did you mean "offered"?)'],
  'triangular-min-max.yaml': [':9:38 channels[0].handle.min: must be at most mode', ':9:48 channels[0].handle.mode: must be at most max'],
  'empty-empirical.yaml': [':9:40 channels[0].handle.values: must list at least one observed duration'],
  'perhour-and-volumes.yaml': [':8:15 channels[0].arrivals: must give exactly one of perHour or volumes'],
  'interval-too-short.yaml': [':4:11 interval: must be at least 1m (got "10s")'],
  'unknown-dist.yaml': [':10:23 channels[0].patience.dist: must be one of', '(did you mean "exponential"?)'],
  'too-many-replications.yaml': [':5:15 replications: must be a whole number of replications from 1 to 100,000'],
  'arrival-rate-too-high.yaml': [':8:26 channels[0].arrivals.perHour: must be a number of contacts per hour'],
  'missing-horizon.yaml': [':2:1 horizon: is required'],
  'zero-agents-infinite-patience.yaml': [':6:9 channels[0].id: is served by 0 agents'],
  'code-tag.yaml': [':2:7 YAML (scenario files hold plain data only): Unresolved tag'],
  'not-a-mapping.yaml': [':2:1 (document): must be a mapping'],
  'json-unknown-key.json': [':9:7 channels[0].handel: unknown key (did you mean "handle"?)', ':5:5 channels[0].handle: is required'],
  'many-mistakes.yaml': [
    ':3:9 warmup: must be a duration of 0 or more (got "-5m")',
    ':8:11 channels[0].kind: must be one of',
    ':10:40 channels[0].handle.mean: must be a positive duration (got 0)',
    ':15:12 agents[0].count: must be a whole number of agents',
  ],
  // Issue 4: channels' physics, types, skills, tiers, schedules, forecasts, assertions.
  'skill-unknown-channel.yaml': [':13:14 agents[0].skills[0]: names no channel of this scenario', '(got "vocie") (did you mean "voice"?)'],
  'skill-unknown-type.yaml': [':16:14 agents[0].skills[0]: names no contact type of channel "voice" (its types are billing, tech)', '(did you mean "voice/billing"?)'],
  'type-shares.yaml': [':11:5 channels[0].types: must have shares that sum to 1', '(got 0.9)'],
  'duplicate-type-id.yaml': [':13:15 channels[0].types[1].id: duplicate contact type id (also types[0].id) (got "billing")'],
  'escalation-without-tier.yaml': [':12:29 channels[0].escalate.tier2.probability: sends work to Tier 2, but no tier-2 agent group serves "voice"'],
  'concurrency-below-one.yaml': [
    ':11:18 channels[0].concurrency: must be a whole number of sessions from 1 to 20 (got 0)',
    ':17:18 channels[1].concurrency: must be a whole number of sessions from 1 to 20 (got 2.5)',
  ],
  'concurrency-on-voice.yaml': [':11:18 channels[0].concurrency: must be 1 on voice: only chat and messaging agents hold several sessions at once (got 3)'],
  'priority-out-of-range.yaml': [
    ':12:45 channels[0].types[0].priority: must be a priority P1 (most urgent) to P4, or 1 to 4 (got "P5")',
    ':13:44 channels[0].types[1].priority: must be a priority P1 (most urgent) to P4, or 1 to 4 (got 0)',
  ],
  'probability-out-of-range.yaml': [
    ':11:29 channels[0].retrial.probability: must be a share 0 or more and at most 1 (got 1.5)',
    ':12:10 channels[0].fcr: must be a share greater than 0 and at most 1 (got -0.2)',
  ],
  'deflection-total.yaml': [':11:17 channels[0].deflection: must be a share 0 or more and less than 1 (got 1)'],
  'open-hours.yaml': [':10:39 channels[0].openHours.end: must be after start (got "09:00")', ':15:34 channels[1].openHours.end: must be a time of day at most 24:00 (got "25h")'],
  'break-outside-shift.yaml': [':15:59 agents[0].shifts[0].breaks[0]: must end before the shift does (ends 4h5m into a 4h shift)'],
  'shift-too-long.yaml': [':15:35 agents[0].shifts[0].length: must be at most 24h', '(got "25h")'],
  'patience-on-email.yaml': [':10:5 channels[0].patience: must be left out: email is deferred work, its customers do not abandon'],
  'overflow-after-negative.yaml': [':13:48 agents[0].skills[0].after: must be a duration of 0 or more (got "-30s")'],
  'cost-negative.yaml': [':15:18 agents[0].costPerHour: must be a cost of 0 or more per agent-hour'],
  'assert-malformed.yaml': [':17:5 assert[1]: must be an assertion "<path> <op> <bound>"', '(got "channels.voice.serviceLevel => 80%")', ':18:5 assert[2]:'],
  'count-and-shifts.yaml': [':12:5 agents[0]: must give exactly one of count (a number or one per interval) or shifts'],
  'count-list-length.yaml': [':14:12 agents[0].count: must list one count per interval: 16 intervals, 3 listed'],
  'forecast-missing.yaml': [':9:27 channels[0].arrivals.forecast: ../forecast/no-such.csv: no such file'],
  'forecast-malformed.yaml': [
    ':9:27 channels[0].arrivals.forecast: ../forecast/two-channels.csv:6 column volume: must be a number of contacts, 0 or more (got "x")',
    ':14:27 channels[1].arrivals.forecast: ../forecast/voice-bad-start.csv: interval 09:00 is missing; rows must cover every interval from 08:00 to 09:30, one row each, in order',
    ':14:27 channels[1].arrivals.forecast: ../forecast/voice-bad-start.csv:5 column interval_start: 10:00 is past the horizon, whose last interval starts at 09:30',
  ],
  'forecast-row-count.yaml': [':9:27 channels[0].arrivals.forecast: ../forecast/voice-short.csv: has 3 rows; the horizon has 4 intervals, from 0s to 1.5h (one row per interval, in order)'],
};

describe('ccsim validate on broken scenarios', () => {
  it('has a case for every fixture, and at least 15 of them', () => {
    expect(readdirSync(`${root}/${dir}`).sort()).toEqual(Object.keys(cases).sort());
    expect(Object.keys(cases).length).toBeGreaterThanOrEqual(15);
  });

  for (const [fixture, expected] of Object.entries(cases)) {
    it(`rejects ${fixture} with exit 2, the field and its line:col, and no stack`, () => {
      const r = validate(`${dir}/${fixture}`);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      // A text starting with ":" is a position: it must follow the file name directly.
      for (const text of expected) expect(r.stderr).toContain(text.startsWith(':') ? `${dir}/${fixture}${text}` : text);
      expect(r.stderr).toMatch(new RegExp(`${fixture.replace('.', '\\.')}:\\d+:\\d+ `));
      expect(r.stderr).not.toMatch(/^\s{4}at /m);
    });
  }

  it('rejects --set __proto__.x=1, naming the path, with exit 2 and no stack', () => {
    const r = validate('scenarios/classic-80-20.yaml', '--set', '__proto__.x=1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--set __proto__.x=1: "__proto__" is not a scenario field');
    expect(r.stderr).not.toMatch(/^\s{4}at /m);
  });

  it('rejects --set constructor.prototype.x=1 the same way', () => {
    const r = validate('scenarios/classic-80-20.yaml', '--set', 'agents[0].constructor.prototype.x=1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"constructor" is not a scenario field');
  });

  it('labels a bad value that came from --set with the override, not a file position', () => {
    const r = validate('scenarios/classic-80-20.yaml', '--set', 'agents[0].count=1e9');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('classic-80-20.yaml (--set agents[0].count=1e9) agents[0].count: must be a whole number of agents');
  });

  it('names a missing file', () => {
    const r = validate('test/fixtures/broken/no-such-file.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('test/fixtures/broken/no-such-file.yaml: no such file');
    expect(r.stderr).not.toMatch(/^\s{4}at /m);
  });
});
