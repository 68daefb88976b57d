// Docs that run (STYLE habit 15): every `ccsim …` line in the README's sh blocks is executed
// through the built CLI and must succeed, so the README cannot drift from the program.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ccsim, ROOT } from '../support/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const shBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const commands = shBlocks
  .flatMap((b) => b.split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter((line) => line.startsWith('ccsim '));

/** Splits a command line into words (no quoting is used in the README's examples). */
const words = (line: string): string[] => line.split(/\s+/).slice(1);

describe('README', () => {
  it('has ccsim examples to run', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
  });

  // One working directory for all lines, run in the README's order, as a reader typing them
  // would: a later line may read what an earlier one wrote (ccsim report sweep.jsonl).
  const scratch = mkdtempSync(join(tmpdir(), 'ccsim-readme-'));
  it.each(commands)('runs: %s', (line) => {
    const args = words(line).map((w) => (w.startsWith('scenarios/') ? join(ROOT, w) : w));
    const r = ccsim(args, { cwd: scratch });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
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
