/** Warnings of the input (scenarios/warnings.ts): one stderr line each, the exit code unchanged. */
export function printWarnings(warnings: readonly string[]): void {
  for (const line of warnings) process.stderr.write(`ccsim: warning: ${line}\n`);
}
