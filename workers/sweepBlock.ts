/**
 * The scenario's `sweep:` block: what to vary when no `--vary` is given — a `grid`, named
 * `variants`, or random / Latin-hypercube `samples`. Its format and rules are the scenario
 * schema's (scenarios/schema/sweep.ts), so `ccsim validate` and `ccsim sweep` check it
 * alike; here the parsed block becomes the sweep's points.
 *
 * The block is the plan, not part of the scenario the points vary, so it is also cut out of
 * the text the sweep records and runs: blanked character for character when the document is
 * block YAML, so every other field keeps its line:col in error messages; re-serialised
 * without it otherwise (JSON and flow documents).
 */
import { isMap, isPair, isScalar, parseDocument, type Pair } from 'yaml';
import type { SweepBlock } from '../scenarios/schema.js';
import { gridPoints, pointOf, samplePoints, type SweepPoint } from './sweepSpec.js';

export interface SplitScenario {
  /** The scenario text without its `sweep:` block. */
  readonly text: string;
  /** Whether the text had a top-level `sweep:` key. */
  readonly hasBlock: boolean;
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/** Cuts the top-level `sweep:` block out of the scenario text. */
export function splitSweepBlock(text: string): SplitScenario {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { text, hasBlock: false };
  const pair: Pair | undefined = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'sweep');
  if (!pair) return { text, hasBlock: false };
  const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
  const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[2] ?? keyRange?.[2];
  if (!doc.contents.flow && keyRange && valueEnd !== undefined) {
    const stripped = blank(text, keyRange[0], valueEnd);
    if (parseDocument(stripped).errors.length === 0) return { text: stripped, hasBlock: true };
  }
  doc.delete('sweep');
  return { text: String(doc), hasBlock: true };
}

/** The points a parsed `sweep:` block describes (exactly one of grid, variants, samples). */
export function sweepBlockPoints(block: SweepBlock): SweepPoint[] {
  if (block.grid !== undefined) return gridPoints(Object.entries(block.grid).map(([path, values]) => ({ path, values })));
  if (block.variants !== undefined) return block.variants.map((v) => pointOf(v.set, v.name));
  if (block.samples !== undefined) {
    const { method, count, seed, ranges } = block.samples;
    return samplePoints(method, Object.entries(ranges).map(([path, r]) => ({ path, ...r })), count, seed);
  }
  // The schema admits exactly one of the three.
  throw new Error('a sweep: block without grid, variants or samples passed validation');
}
