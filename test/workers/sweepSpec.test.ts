// Sweep points: --vary parsing, grids, the scenario's sweep: block, samples.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { drawSamples } from '../../workers/sample.js';
import { loadSweepBlock } from '../../scenarios/load.js';
import { sweepSchema } from '../../scenarios/schema.js';
import { splitSweepBlock, sweepBlockPoints } from '../../workers/sweepBlock.js';
import { MAX_POINTS, gridPoints, parseVary, variantPoints } from '../../workers/sweepSpec.js';

/** The points of a block given as data, parsed by the scenario schema as `ccsim sweep` does. */
const blockPoints = (block: unknown) => sweepBlockPoints(sweepSchema.parse(block));

const problem = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('--vary', () => {
  it('a whole-number range includes both ends', () => {
    expect(parseVary('agents[0].count=30..33')).toEqual({ path: 'agents[0].count', values: [30, 31, 32, 33] });
  });

  it('a range with a step stops at the last step inside the range', () => {
    expect(parseVary('agents[0].count=30..45:5').values).toEqual([30, 35, 40, 45]);
    expect(parseVary('agents[0].count=30..44:5').values).toEqual([30, 35, 40]);
  });

  it('a decimal range with a step prints clean decimals', () => {
    expect(parseVary('channels[0].deflection=0.1..0.3:0.1').values).toEqual([0.1, 0.2, 0.3]);
  });

  it('a comma list reads each item as a YAML scalar, as --set does', () => {
    expect(parseVary('channels[1].deflection=0.2,0.3,0.4').values).toEqual([0.2, 0.3, 0.4]);
    expect(parseVary('channels.voice.handle.mean=5m,6m').values).toEqual(['5m', '6m']);
  });

  it('names the flag and the rule for bad input', () => {
    expect(problem(() => parseVary('agents[0].count'))).toMatch(/^--vary agents\[0\]\.count: must be path=values/);
    expect(problem(() => parseVary('agents[0].count=45..30'))).toMatch(/^--vary agents\[0\]\.count=45\.\.30: the range must go up \(45 is above 30\)/);
    expect(problem(() => parseVary('x=0.1..0.3'))).toMatch(/a range of decimals needs a step/);
    expect(problem(() => parseVary('x=1..5:0'))).toMatch(/the step must be greater than 0/);
    expect(problem(() => parseVary('x=0..1000000'))).toMatch(/at most 10000 points/);
    expect(problem(() => parseVary('__proto__.x=1,2'))).toMatch(/"__proto__" is not a scenario field/);
    expect(problem(() => parseVary('x=1,,2'))).toMatch(/empty item/);
  });

  it('several flags make a grid, the first varying slowest; points are named by their parameters', () => {
    const points = gridPoints([parseVary('a=1,2'), parseVary('b=x,y')]);
    expect(points.map((p) => p.name)).toEqual(['a=1,b=x', 'a=1,b=y', 'a=2,b=x', 'a=2,b=y']);
    expect(points[1]?.overrides).toEqual(['a=1', 'b="y"']);
  });

  it('refuses a field varied twice', () => {
    expect(problem(() => gridPoints([parseVary('a=1,2'), parseVary('a=3')]))).toMatch(/--vary a: the field is varied twice/);
  });
});

describe('the sweep: block', () => {
  const text = [
    'name: Test',
    'sweep:',
    '  grid:',
    '    agents[0].count: 30..31',
    '    channels[0].handle.mean: [5m, 6m]',
    'seed: 3',
    '',
  ].join('\n');

  it('is cut out of the text, every other field keeping its line and column', () => {
    const split = splitSweepBlock(text);
    expect(split.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(split.text.split('\n')[5]).toBe('seed: 3');
    expect(split.text).not.toMatch(/sweep|grid/);
    expect(split.hasBlock).toBe(true);
    expect(sweepBlockPoints(loadSweepBlock(text, 'f.yaml')!).map((p) => p.name)).toEqual([
      'agents[0].count=30,channels[0].handle.mean=5m',
      'agents[0].count=30,channels[0].handle.mean=6m',
      'agents[0].count=31,channels[0].handle.mean=5m',
      'agents[0].count=31,channels[0].handle.mean=6m',
    ]);
  });

  it('is cut out of a JSON scenario too', () => {
    const json = '{"name": "T", "sweep": {"variants": [{"name": "a"}]}, "seed": 2}';
    const split = splitSweepBlock(json);
    expect(split.text).not.toMatch(/sweep/);
    expect(split.text).toMatch(/seed/);
    expect(sweepBlockPoints(loadSweepBlock(json, 'f.json')!).map((p) => p.name)).toEqual(['a']);
  });

  it('a scenario without one is left alone', () => {
    expect(splitSweepBlock('name: T\n')).toEqual({ text: 'name: T\n', hasBlock: false });
    expect(loadSweepBlock('name: T\n', 'f.yaml')).toBeUndefined();
  });

  it('variants are named points with their own overrides', () => {
    const points = blockPoints({ variants: [{ name: 'today' }, { name: 'plus-two', set: { 'agents[0].count': 37 } }] });
    expect(points.map((p) => [p.name, p.overrides])).toEqual([['today', []], ['plus-two', ['agents[0].count=37']]]);
  });

  it('reports mistakes as the scenario schema does: file:line:col, the path in the block, the rule, the value', () => {
    const mistakes = (block: string) => problem(() => loadSweepBlock(`name: T\nsweep:\n${block}`, 'f.yaml'));
    expect(mistakes('  grid: { a: 1 }\n  variants: [{ name: a }]\n')).toBe('f.yaml:2:1 sweep: must have exactly one of grid, variants or samples (got grid, variants)');
    expect(mistakes('  gird: { a: 1 }\n')).toContain('f.yaml:3:3 sweep.gird: unknown key (did you mean "grid"?)');
    expect(mistakes('  variants: [{ name: a }, { name: a }]\n')).toBe('f.yaml:3:35 sweep.variants[1].name: duplicate variant name (also variants[0].name) (got "a")');
    expect(mistakes('  samples: { count: 0, ranges: { x: { min: 0, max: 1 } } }\n')).toBe('f.yaml:3:21 sweep.samples.count: must be a whole number of samples from 1 to 10,000 (got 0)');
    expect(mistakes('  samples: { count: 3, ranges: { x: { min: 2, max: 1 } } }\n')).toBe('f.yaml:3:52 sweep.samples.ranges.x.max: must be at least min (got 1)');
    expect(mistakes('  grid:\n    agents[0].count: 45..30\n')).toBe('f.yaml:4:22 sweep.grid.agents[0].count: the range must go up (45 is above 30) (got "45..30")');
    expect(mistakes('  grid:\n    __proto__.x: 1..2\n')).toBe('f.yaml:4:5 sweep.grid.__proto__.x: must be a field path such as agents[0].count or channels.voice.handle.mean: "__proto__" is not a scenario field and cannot be set (got "__proto__.x")');
  });
});

describe('samples', () => {
  const ranges = [
    { path: 'agents[0].count', min: 30, max: 49, integer: true },
    { path: 'channels[0].deflection', min: 0, max: 0.5, integer: false },
  ];

  it('the same seed gives the same samples; another seed, others', () => {
    expect(drawSamples('lhs', ranges, 20, 7)).toEqual(drawSamples('lhs', ranges, 20, 7));
    expect(drawSamples('lhs', ranges, 20, 8)).not.toEqual(drawSamples('lhs', ranges, 20, 7));
    expect(drawSamples('random', ranges, 5, 7)).toEqual(drawSamples('random', ranges, 5, 7));
  });

  it('a Latin hypercube uses every stratum of every dimension exactly once', () => {
    const n = 20;
    const samples = drawSamples('lhs', ranges, n, 3);
    // 20 whole numbers 30..49 in 20 strata: each value once.
    expect(samples.map((s) => s[0]).sort((a, b) => (a as number) - (b as number))).toEqual(Array.from({ length: n }, (_, i) => 30 + i));
    const strata = samples.map((s) => Math.floor(((s[1] as number) / 0.5) * n)).sort((a, b) => a - b);
    expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('sample points are named sample-i and carry their values', () => {
    const points = blockPoints({ samples: { method: 'lhs', count: 3, seed: 1, ranges: { 'agents[0].count': { min: 30, max: 32, integer: true } } } });
    expect(points.map((p) => p.name)).toEqual(['sample-0', 'sample-1', 'sample-2']);
    expect(points.map((p) => p.parameters['agents[0].count']).sort()).toEqual([30, 31, 32]);
  });
});

describe('--variants', () => {
  const busy = { name: 'busy', overrides: ['channels.voice.volume*=1.2'] };
  it('puts base first, then each variant; crossed with a grid, variant-major, patches before the grid', () => {
    expect(variantPoints([busy])).toEqual([
      { name: 'base', parameters: { variant: 'base' }, overrides: [] },
      { name: 'busy', parameters: { variant: 'busy' }, overrides: ['channels.voice.volume*=1.2'] },
    ]);
    const grid = gridPoints([parseVary('agents[0].count=3,4')]);
    expect(variantPoints([busy], grid).map((p) => [p.name, p.overrides])).toEqual([
      ['base,agents[0].count=3', ['agents[0].count=3']],
      ['base,agents[0].count=4', ['agents[0].count=4']],
      ['busy,agents[0].count=3', ['channels.voice.volume*=1.2', 'agents[0].count=3']],
      ['busy,agents[0].count=4', ['channels.voice.volume*=1.2', 'agents[0].count=4']],
    ]);
  });

  it('refuses more points than a sweep may have', () => {
    const half = gridPoints([parseVary(`agents[0].count=1..${MAX_POINTS / 2}`)]);
    expect(variantPoints([busy], half)).toHaveLength(MAX_POINTS);
    const more = gridPoints([parseVary(`agents[0].count=1..${MAX_POINTS / 2 + 1}`)]);
    expect(() => variantPoints([busy], more)).toThrow(`base and 1 variant × ${MAX_POINTS / 2 + 1} grid points make ${MAX_POINTS + 2} points`);
    expect(() => variantPoints([busy], more)).toThrow(InputError);
  });
});
