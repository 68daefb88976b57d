/**
 * `ccsim schema`: prints the scenario format as JSON Schema. The committed copy is
 * regenerated with `node dist/cli/main.js schema > scenarios/scenario.schema.json`.
 */
import type { CommandModule } from 'yargs';
import { scenarioJsonSchemaText } from '../../scenarios/index.js';

export const schemaCommand: CommandModule = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files',
  handler: () => {
    process.stdout.write(scenarioJsonSchemaText());
  },
};
