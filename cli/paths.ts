/** Where the package's own files are, whether running from dist/ or from source. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('ccsim: cannot find the package root (package.json)');
    dir = up;
  }
  return dir;
}

/** The bundled scenario `name` (e.g. `classic-80-20.yaml`). */
export function bundledScenario(name: string): string {
  return join(packageRoot(), 'scenarios', name);
}

/** The scenario `ccsim run` uses when given none. */
export const DEFAULT_SCENARIO = 'classic-80-20.yaml';
