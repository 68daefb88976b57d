// Docs that run (STYLE habit 15): every `ccsim …` line in the README's sh blocks is run as
// pasted, through `sh -c` in a scratch directory with `ccsim` on the PATH (what `npm link`
// gives a reader), and must succeed without leaving stray files (an unquoted `>=` is a
// redirection), so the README cannot drift from the program or the shell.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI, ccsim, ROOT } from '../support/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const shBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const commands = shBlocks
  .flatMap((b) => b.split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter((line) => line.startsWith('ccsim '));

/** A scratch directory holding the bundled scenarios (as in a checkout), and a `ccsim` on the PATH. */
function shellWorkspace(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), 'ccsim-readme-'));
  symlinkSync(join(ROOT, 'scenarios'), join(cwd, 'scenarios'));
  const bin = join(cwd, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'ccsim'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'ccsim'), 0o755);
  return { cwd, env: { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH ?? ''}` } };
}

/** What the README's lines may leave in the working directory (their --out, --report, --trace and specs). */
const EXPECTED_FILES = new Set(['.bin', 'scenarios', 'result.json', 'report.html', 'report.vega', 'sweep.html', 'sweep.vega', 'sweep.jsonl', 'trace.csv', 'history.csv', 'bank-calibrated.yaml', 'backtest.html', 'staffing.csv']);

describe('README', () => {
  it('has ccsim examples to run', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
  });

  // One working directory for all lines, run in the README's order, as a reader typing them
  // would: a later line may read what an earlier one wrote (ccsim report sweep.jsonl).
  const shell = shellWorkspace();
  it.each(commands)('runs in sh as pasted: %s', (line) => {
    const r = spawnSync('sh', ['-c', line], { cwd: shell.cwd, env: shell.env, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
    const stray = readdirSync(shell.cwd).filter((f) => !EXPECTED_FILES.has(f));
    expect(stray, `files the line left behind (an unquoted > or <?)`).toEqual([]);
  });

  it('links only to files that are in the repository', () => {
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? '').filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(existsSync(join(ROOT, link)), link).toBe(true);
    expect(readme).not.toMatch(/DESIGN\.md|DOMAIN\.md|DESIGN §/);
  });

  it('shows a scenario example that is itself a valid scenario', () => {
    const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yamlBlock).toBeDefined();
    expect(parse(yamlBlock!)).toHaveProperty('channels');
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-readme-'));
    const file = join(dir, 'example.yaml');
    writeFileSync(file, yamlBlock!);
    expect(ccsim(['validate', file]).status).toBe(0);
  });

  it('quick start: npm start runs the bundled scenario (the script in package.json)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
    const start = pkg.scripts.start!.split(/\s+/);
    expect(start.slice(0, 2)).toEqual(['node', 'dist/cli/main.js']);
    const r = ccsim(start.slice(2));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Classic 80/20');
    expect(r.stdout).toContain('Erlang C');
  });
});
