/**
 * A mutant: a seed scenario (a bundled one or a small hand-written one in
 * test/fixtures/fuzz/), one to three structural or textual mutations, and the CLI command
 * to run it with. Everything is drawn from FuzzRandom(seed, index), so (seed, index) names
 * the mutant for as long as the corpus and the operators stay as they are; a failing
 * mutant's file is saved as well, which replays for good.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { FuzzRandom } from './random.js';
import { mutateStructure } from './structural.js';
import { mutateText } from './textual.js';

export interface SeedScenario {
  /** The file it came from, relative to the repository. */
  readonly name: string;
  readonly ext: 'yaml' | 'json';
  readonly text: string;
}

/** The bundled scenarios and the fuzz fixtures, in a fixed order. */
export function fuzzCorpus(root: string): SeedScenario[] {
  const from = (dir: string): SeedScenario[] => readdirSync(join(root, dir))
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, ext: f.endsWith('.json') ? 'json' : 'yaml', text: readFileSync(join(root, dir, f), 'utf8') }));
  return [...from('scenarios'), ...from('test/fixtures/fuzz')];
}

export type CommandName = 'validate' | 'run' | 'check' | 'sweep' | 'staff' | 'erlang-table';

export interface FuzzCommand {
  readonly name: CommandName;
  /** Output format, when the command prints a result. */
  readonly format: string | null;
  /** For sweep: the `--vary` argument, or null to use the scenario's `sweep:` block. */
  readonly vary: string | null;
}

export interface Mutant {
  readonly seed: number;
  readonly index: number;
  readonly base: string;
  readonly ext: 'yaml' | 'json';
  readonly text: string;
  /** What was done to the seed scenario, in order. */
  readonly mutations: readonly string[];
  readonly command: FuzzCommand;
}

/** How often each command is drawn. */
export const COMMAND_WEIGHTS: readonly (readonly [CommandName, number])[] = [
  ['validate', 25], ['run', 30], ['check', 12], ['sweep', 10], ['staff', 8], ['erlang-table', 15],
];

const FORMATS: Readonly<Record<CommandName, readonly string[]>> = {
  validate: [], run: ['text', 'json', 'csv', 'md', 'html'], check: ['text'], sweep: ['text', 'json', 'csv', 'md', 'html'],
  staff: ['text', 'json', 'csv', 'html'], 'erlang-table': ['text', 'json'],
};

function chooseCommand(r: FuzzRandom, text: string): FuzzCommand {
  const name = r.weighted(COMMAND_WEIGHTS);
  const formats = FORMATS[name];
  const format = formats.length > 0 ? r.pick(formats) : null;
  const vary = name !== 'sweep' ? null : /^sweep\s*:/m.test(text) && r.chance(0.5) ? null : r.pick(['seed=1,2', 'agents[0].count=2,3']);
  return { name, format, vary };
}

function serialise(data: unknown, ext: 'yaml' | 'json'): string {
  if (ext === 'json') return JSON.stringify(data, null, 2);
  return stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** Mutant `index` of the campaign seeded `seed`. */
export function makeMutant(corpus: readonly SeedScenario[], seed: number, index: number): Mutant {
  const r = new FuzzRandom(seed, index);
  const base = r.pick(corpus);
  const mutations: string[] = [];
  let text = base.text;
  const count = r.weighted([[1, 6], [2, 3], [3, 1]] as const);
  // A third of the mutants get plausible edits only (they mostly reach the simulation); the
  // rest hostile structural edits, textual ones, or both.
  const mode = r.weighted([['gentle', 3], ['structural', 4], ['textual', 3]] as const);
  if (mode !== 'textual') {
    const data: unknown = parse(text);
    const n = mode === 'gentle' || r.chance(0.6) ? count : Math.max(1, count - 1);
    for (let i = 0; i < n; i++) mutations.push(mutateStructure(r, data, mode === 'gentle'));
    text = serialise(data, base.ext);
  }
  while (mutations.length < count) {
    const [next, log] = mutateText(r, text);
    text = next;
    mutations.push(log);
  }
  return { seed, index, base: base.name, ext: base.ext, text, mutations, command: chooseCommand(r, text) };
}

/** The CLI arguments of the mutant's command, its scenario at `file` and any report written into `outDir`. */
export function commandArgs(c: FuzzCommand, file: string, outDir: string): string[] {
  const fmt = c.format === null ? [] : ['--format', c.format];
  switch (c.name) {
    case 'validate': return ['validate', file];
    case 'run': return ['run', file, '-r', '2', ...fmt, ...(c.format === 'html' ? ['--out', join(outDir, 'run.html')] : [])];
    case 'check': return ['check', file, '-r', '2', '--assert', 'overall.offered>=0'];
    case 'sweep':
      return ['sweep', file, '-r', '2', '--workers', '1', ...(c.vary === null ? [] : ['--vary', c.vary]), ...fmt,
        ...(c.format === 'html' ? ['--report', join(outDir, 'sweep.html')] : [])];
    case 'staff': return ['staff', file, '-r', '2', '--workers', '0', '--whole-day', ...fmt, ...(c.format === 'html' ? ['--report', join(outDir, 'staff.html')] : [])];
    case 'erlang-table': return ['erlang', 'table', file, ...fmt];
  }
}
