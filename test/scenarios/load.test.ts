import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { loadScenarioFile, loadScenarioText } from '../../scenarios/load.js';
import { MINIMAL_SCENARIO } from '../support/scenarioText.js';

const valid = MINIMAL_SCENARIO;

function problemsOf(text: string, overrides: readonly string[] = []): readonly string[] {
  try {
    loadScenarioText(text, 'x.yaml', { overrides });
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('loadScenarioText', () => {
  it('fills every default', () => {
    const { scenario } = loadScenarioText(valid, 'ok.yaml');
    expect(scenario).toMatchObject({ seed: 1, replications: 20, warmup: 0, interval: 1800, serviceLevel: { definition: 'excludeShortAbandons' } });
    expect(scenario.channels[0]?.target).toEqual({ within: 20, level: 0.8 });
  });

  it('reports a field as file:line:col path: rule (got X)', () => {
    expect(problemsOf(valid.replace('mean: 3m', 'mean: -3m'))).toEqual(['x.yaml:7:40 channels[0].handle.mean: must be a positive duration (got "-3m")']);
  });

  it('reports every mistake at once, top to bottom', () => {
    const text = valid.replace('horizon: 1h', 'horizon: 1h\nfoo: 1').replace('kind: voice', 'kind: fax').replace('count: 7', 'count: -1');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^x\.yaml:3:1 foo: unknown key$/);
    expect(problems[1]).toMatch(/^x\.yaml:6:11 channels\[0\]\.kind: must be one of/);
    expect(problems[2]).toMatch(/^x\.yaml:12:12 agents\[0\]\.count: /);
  });

  it('suggests the family parameters of the distribution in use', () => {
    const problems = problemsOf(valid.replace('mean: 3m }', 'mean: 3m, cvv: 1 }').replace('exponential', 'gamma'));
    expect(problems).toEqual([
      'x.yaml:7:13 channels[0].handle.cv: is required (must be a number greater than 0)',
      'x.yaml:7:38 channels[0].handle.cvv: unknown key (did you mean "cv"?)',
    ]);
  });

  it('accepts constant by mean or value, but not both', () => {
    expect(loadScenarioText(valid.replace('exponential, mean: 3m', 'constant, value: 3m'), 'c.yaml').model.channels[0]?.handle).toEqual({
      dist: 'constant',
      mean: 180,
    });
    expect(problemsOf(valid.replace('exponential, mean: 3m', 'constant, mean: 3m, value: 3m'))[0]).toContain(
      'channels[0].handle.mean: give exactly one of mean or value',
    );
  });

  it('reads JSON, which is YAML', () => {
    const json = JSON.stringify({ name: 'J', horizon: 3600, channels: [{ id: 'voice', kind: 'voice', arrivals: { perHour: 10 }, handle: { dist: 'exponential', mean: 60 } }], agents: [{ id: 'a', channels: ['voice'], count: 1 }] });
    expect(loadScenarioText(json, 'j.json').model.intervalCount).toBe(2);
  });

  it('applies overrides before validation, and names the override for a bad value', () => {
    expect(loadScenarioText(valid, 'ok.yaml', { overrides: ['agents.team.count=9', 'channels.voice.patience={dist: exponential, mean: 2m}'] }).model).toMatchObject({
      groups: [{ count: 9 }],
      channels: [{ patience: { dist: 'exponential', mean: 120 } }],
    });
    expect(problemsOf(valid, ['channels[0].handle.mean=-1'])).toEqual([
      'x.yaml (--set channels[0].handle.mean=-1) channels[0].handle.mean: must be a positive duration (got -1)',
    ]);
  });

  it('a YAML syntax error stops before field rules, with its line:col', () => {
    expect(problemsOf('name: [unclosed\nhorizon: 1h\n')[0]).toMatch(/^x\.yaml:\d+:\d+ YAML syntax: /);
  });

  it('rejects YAML duplicate keys', () => {
    expect(problemsOf(valid.replace('horizon: 1h', 'horizon: 1h\nhorizon: 2h'))[0]).toContain('x.yaml:3:1 YAML syntax: Map keys must be unique');
  });
});

describe('loadScenarioFile', () => {
  it('names a missing file', () => {
    expect(() => loadScenarioFile('/nonexistent/dir/s.yaml')).toThrow(new InputError('/nonexistent/dir/s.yaml: no such file'));
  });
  it('refuses a directory', () => {
    expect(() => loadScenarioFile('scenarios')).toThrow('scenarios: is not a regular file (a directory)');
  });
});
