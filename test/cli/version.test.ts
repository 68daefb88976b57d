// `ccsim --version` is answered before the command line is loaded (cli/main.ts): it must still
// print what yargs' own --version printed — the package's version — and the help still lists
// every command.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_LOADERS } from '../../cli/commands/index.js';
import { ccsim } from '../support/cli.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('ccsim --version and --help', () => {
  it('--version prints the package version and exits 0', () => {
    const r = ccsim(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.stderr).toBe('');
  });

  it('--version beside a command is that command\'s flag, read by yargs: run --version prints the version too', () => {
    const r = ccsim(['run', '--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('--help lists every command', () => {
    const r = ccsim(['--help']);
    expect(r.status).toBe(0);
    for (const name of Object.keys(COMMAND_LOADERS)) expect(r.stdout).toMatch(new RegExp(`ccsim ${name}\\b`));
  });
});
