/**
 * What-ifs on the command line (issue 14), folded into `--set` after parsing so every command
 * that reads overrides — and every checkpoint that records them — sees one list:
 * `--variant NAME` puts the scenario's named variant's patches first, then come the `--set`s,
 * then each `--scale PATH=FACTOR` as `PATH*=FACTOR`. (`--variant` reads the scenario: cli/variantFlag.ts,
 * loaded only when the flag is given, so commands without it start no slower.)
 */
import { InputError } from '../engine/errors.js';

export const SCALE_OPTION = {
  type: 'string',
  array: true,
  describe: 'Multiply a field: path=factor (repeatable), e.g. channels.voice.volume=1.15 (arrivals in any form), volume=1.1 (every channel), agents[0].count=1.2',
} as const;

/** `channels.voice.volume=1.15` → `channels.voice.volume*=1.15`, or a usage error naming the flag. */
export function scaleOverride(text: string): string {
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq).trim();
  const factorText = eq < 0 ? '' : text.slice(eq + 1).trim();
  const factor = Number(factorText);
  if (path === '' || /[+*-]$/.test(path) || factorText === '' || !Number.isFinite(factor) || factor < 0) {
    throw new InputError(`--scale ${text}: must be path=factor with a factor 0 or more, e.g. channels.voice.volume=1.15`);
  }
  return `${path}*=${factorText}`;
}

/** yargs middleware: appends each `--scale` to `--set` as a `*=` override. */
export function foldScaleIntoSet(args: Record<string, unknown>): void {
  const scale = args.scale;
  if (!Array.isArray(scale) || scale.length === 0) return;
  const set = Array.isArray(args.set) ? args.set.map(String) : [];
  args.set = [...set, ...scale.map((s) => scaleOverride(String(s)))];
}

export const VARIANT_OPTION = {
  type: 'string',
  describe: 'Apply the scenario\'s named variant (its variants: block) before --set',
} as const;
