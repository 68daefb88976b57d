/**
 * A fuzz campaign: mutants `first … first + count − 1` of a seed, run `jobs` at a time
 * through the CLI, tallied by outcome; every mutant that breaks the contract is saved (its
 * file, and a JSON record with the command that replays it) in `failuresDir`.
 * test/cli/fuzz.test.ts runs a small one, test/tools/fuzz.mjs a long one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execute, FAILING, nodeArgs, OUTCOMES, type Execution, type Limits, type Outcome } from './execute.js';
import { commandArgs, fuzzCorpus, makeMutant, type CommandName, type Mutant } from './mutant.js';

export interface CampaignOptions extends Limits {
  /** The repository (the corpus and, for replay lines, the working directory). */
  readonly root: string;
  /** The built CLI, dist/cli/main.js. */
  readonly cli: string;
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  readonly jobs: number;
  /** Where failing mutants are saved; null: not saved. */
  readonly failuresDir: string | null;
  /** Called after each mutant, in finishing order (progress). */
  readonly onResult?: (r: MutantResult) => void;
}

export interface MutantResult {
  readonly mutant: Mutant;
  readonly execution: Execution;
  /** A one-line description of the failure's kind (outcome, command, first message line). */
  readonly failureClass: string | null;
  /** The command that replays a saved failure from the repository root. */
  readonly replay: string | null;
}

const firstLine = (stderr: string): string =>
  (stderr.split('\n').find((l) => l.trim() !== '' && !l.startsWith('(node:')) ?? '').trim();

/** The failure's class: the outcome, the command, and the message with file names and numbers blurred. */
export function failureClass(m: Mutant, e: Execution): string | null {
  if (!FAILING.has(e.outcome)) return null;
  const cmd = m.command.name;
  if (e.outcome === 'timeout') return `timeout ${cmd}`;
  if (e.outcome === 'signal') return `signal ${e.signal ?? '?'} ${cmd}${/heap out of memory/i.test(e.stderr) ? ' (heap out of memory)' : ''}`;
  const message = firstLine(e.stderr)
    .replace(/\S*mutant\.(ya?ml|json)/g, 'FILE')
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 140);
  return `${e.outcome} ${cmd}: ${message}`;
}

const quote = (a: string): string => (/^[\w./:=@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

function saveFailure(o: CampaignOptions, m: Mutant, e: Execution, cls: string): string {
  const dir = o.failuresDir as string;
  mkdirSync(dir, { recursive: true });
  const stem = `${String(m.index).padStart(6, '0')}-${m.command.name}`;
  const file = join(dir, `${stem}.${m.ext}`);
  writeFileSync(file, m.text);
  const args = commandArgs(m.command, relative(o.root, file) || file, relative(o.root, join(dir, `${stem}.out`)));
  const replay = ['node', ...nodeArgs(relative(o.root, o.cli), args, o)].map(quote).join(' ');
  const record = {
    seed: m.seed, index: m.index, base: m.base, mutations: m.mutations, command: m.command, class: cls,
    outcome: e.outcome, status: e.status, signal: e.signal, ms: e.ms, stderr: e.stderr.slice(0, 4000),
    file: relative(o.root, file), replay, regenerate: `node test/tools/fuzz.mjs --seed ${m.seed} --index ${m.index}`,
  };
  writeFileSync(join(dir, `${stem}.json`), `${JSON.stringify(record, null, 2)}\n`);
  return replay;
}

async function runOne(o: CampaignOptions, m: Mutant): Promise<MutantResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-fuzz-'));
  try {
    const file = join(dir, `mutant.${m.ext}`);
    writeFileSync(file, m.text);
    const e = await execute(o.cli, commandArgs(m.command, file, dir), dir, o);
    const cls = failureClass(m, e);
    const replay = cls !== null && o.failuresDir !== null ? saveFailure(o, m, e, cls) : null;
    return { mutant: m, execution: e, failureClass: cls, replay };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the campaign; results in mutant order. */
export async function runCampaign(o: CampaignOptions): Promise<MutantResult[]> {
  const corpus = fuzzCorpus(o.root);
  const results: MutantResult[] = new Array<MutantResult>(o.count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < o.count) {
      const i = next++;
      const r = await runOne(o, makeMutant(corpus, o.seed, o.first + i));
      results[i] = r;
      o.onResult?.(r);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.jobs) }, worker));
  return results;
}

/** Counts per outcome, in total and per 1,000 mutants, overall and per command. */
export function summary(results: readonly MutantResult[]): string {
  const n = results.length;
  const count = (rs: readonly MutantResult[], k: Outcome): number => rs.filter((r) => r.execution.outcome === k).length;
  const per1000 = (c: number, of: number): string => (of === 0 ? '–' : (Math.round((c * 10_000) / of) / 10).toFixed(1));
  const lines = [`${n} mutants`, `${'outcome'.padEnd(12)}${'count'.padStart(7)}${'per 1000'.padStart(10)}`];
  for (const k of OUTCOMES) lines.push(`${k.padEnd(12)}${String(count(results, k)).padStart(7)}${per1000(count(results, k), n).padStart(10)}`);
  const commands = [...new Set(results.map((r) => r.mutant.command.name))].sort() as CommandName[];
  lines.push('', `${'command'.padEnd(14)}${'n'.padStart(5)}${OUTCOMES.map((k) => k.padStart(11)).join('')}`);
  for (const c of commands) {
    const rs = results.filter((r) => r.mutant.command.name === c);
    lines.push(`${c.padEnd(14)}${String(rs.length).padStart(5)}${OUTCOMES.map((k) => String(count(rs, k)).padStart(11)).join('')}`);
  }
  const classes = new Map<string, MutantResult[]>();
  for (const r of results) if (r.failureClass !== null) classes.set(r.failureClass, [...(classes.get(r.failureClass) ?? []), r]);
  if (classes.size > 0) {
    lines.push('', 'failing classes (count, first example):');
    for (const [cls, rs] of [...classes].sort((a, b) => b[1].length - a[1].length)) {
      const ex = rs[0] as MutantResult;
      lines.push(`  ${rs.length} × ${cls}`, `      mutant ${ex.mutant.index} of seed ${ex.mutant.seed} (${ex.mutant.base}: ${ex.mutant.mutations.join('; ')})`);
      if (ex.replay !== null) lines.push(`      ${ex.replay}`);
    }
  }
  return lines.join('\n');
}
