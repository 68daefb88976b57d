// Builds dist/ once before the suites run, so the CLI end-to-end tests exercise the code
// under test and never a stale build. Type errors are `npm run typecheck`'s job (run by
// .ci/run); tsc still emits JavaScript when it finds one, so they do not hide test results.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) process.stderr.write(`[build] tsc reported problems:\n${r.stdout}${r.stderr}\n`);
}
