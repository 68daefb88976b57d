#!/usr/bin/env node
/**
 * The `ccsim` executable. `ccsim --version` is answered here, from package.json, without
 * loading the command line (yargs and its commands take ~0.1–0.3 s to import; a script that
 * asks a version should not pay it); everything else goes to cli/program.ts.
 */
import { readFileSync } from 'node:fs';
import { EXIT_INTERNAL } from './errors.js';

// A reader that stops early (`ccsim run … | head`) closes the pipe: the rest of the output has
// nowhere to go, which is not a failure of the command, so it ends with its own exit code
// rather than a stack trace. Any other write error is reported in one line.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') return;
  process.stderr.write(`ccsim: cannot write the output (${err.code ?? err.message})\n`);
  process.exitCode = EXIT_INTERNAL;
});

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  // dist/cli/main.js → the package root's package.json (as yargs' own --version reads it).
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(argv);
}
