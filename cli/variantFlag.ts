/** `--variant NAME`: the scenario's named what-if, folded into `--set` (see overrideFlags.ts). */
import { InputError } from '../engine/errors.js';
import { parseScenarioDocument } from '../scenarios/document.js';
import { readInputFile } from '../scenarios/inputFile.js';
import { variantOverrides, variantsSchema } from '../scenarios/schema/variant.js';
import { didYouMean } from '../scenarios/suggestion.js';
import { maxInputBytes } from './inputFlags.js';
import { DEFAULT_SCENARIO, bundledScenario } from './paths.js';


function variantsBlock(data: unknown): unknown {
  return data !== null && typeof data === 'object' && Object.hasOwn(data, 'variants') ? (data as Record<string, unknown>).variants : undefined;
}

/** The names in the scenario data's `variants:` block, in the file's order. */
export function variantNames(data: unknown): string[] {
  const raw = variantsBlock(data);
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw) : [];
}

/** The patches of variant `name` of the scenario data, as overrides; a usage error (naming `flag`) when it has none by that name. */
export function variantPatches(data: unknown, name: string, file: string, flag = '--variant'): string[] {
  const raw = variantsBlock(data);
  const names = variantNames(data);
  if (!names.includes(name)) {
    const known = names.length === 0 ? `${file} has no variants: block` : `its variants: ${names.join(', ')}`;
    const hint = didYouMean(name, names);
    throw new InputError(`${flag} ${name}: no variant "${name}" (${known})${hint === undefined ? '' : ` ${hint}`}`);
  }
  const parsed = variantsSchema.safeParse(raw);
  // A malformed variants: block is reported, located in the file, when the scenario is loaded.
  if (!parsed.success) return [];
  return variantOverrides(parsed.data[name]?.set ?? []);
}

/** yargs middleware: puts the patches of `--variant NAME` before the `--set` overrides. */
export function foldVariantIntoSet(args: Record<string, unknown>): void {
  const name = args.variant;
  if (name === undefined) return;
  if (typeof name !== 'string' || name === '') throw new InputError('--variant: must name one variant of the scenario');
  const file = typeof args.file === 'string' ? args.file : bundledScenario(DEFAULT_SCENARIO);
  const doc = parseScenarioDocument(readInputFile(file, 'scenario file', maxInputBytes(args)));
  // A file that does not parse is reported, with its line and column, when the command loads it.
  if (doc.problems.length > 0) return;
  const set = Array.isArray(args.set) ? args.set.map(String) : [];
  args.set = [...variantPatches(doc.data, name, file), ...set];
}
