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
