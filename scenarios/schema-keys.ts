/**
 * The keys a strict object in the scenario schema accepts at a given path, for "did you
 * mean" on an unknown key. Found by walking the zod schema alongside the data, so a
 * distribution's keys are those of the family its `dist` names, and fields added by later
 * issues are suggested without a hand-kept list.
 *
 * This reads zod 4's schema definitions (`_zod.def`), which zod documents for tooling;
 * only the node kinds the scenario schema uses are followed.
 */
import type { z } from 'zod';
import type { PathSegment } from './problem.js';

interface SchemaNode {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly shape?: Readonly<Record<string, SchemaNode>>;
      readonly element?: SchemaNode;
      readonly in?: SchemaNode;
      readonly innerType?: SchemaNode;
      readonly options?: readonly SchemaNode[];
      readonly discriminator?: string;
    };
    readonly propValues?: Readonly<Record<string, ReadonlySet<unknown>>>;
  };
}

/** Strips wrappers (defaults, optional, transforms) down to the node that holds data. */
function unwrap(node: SchemaNode, data: unknown): SchemaNode {
  const def = node._zod.def;
  if (def.innerType) return unwrap(def.innerType, data);
  if (def.type === 'pipe' && def.in) return unwrap(def.in, data);
  if (def.type === 'union' && def.options) {
    const chosen = chooseOption(def.options, def.discriminator, data);
    return chosen ? unwrap(chosen, data) : node;
  }
  return node;
}

function chooseOption(options: readonly SchemaNode[], discriminator: string | undefined, data: unknown): SchemaNode | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  // A plain union (`deflection: 0.3 | { share… }`): the option of the data's shape.
  if (discriminator === undefined) {
    const shape = Array.isArray(data) ? 'array' : 'object';
    return options.find((option) => unwrapPlain(option)._zod.def.type === shape);
  }
  const tag = (data as Record<string, unknown>)[discriminator];
  return options.find((option) => unwrapPlain(option)._zod.propValues?.[discriminator]?.has(tag) === true);
}

function unwrapPlain(node: SchemaNode): SchemaNode {
  const def = node._zod.def;
  if (def.innerType) return unwrapPlain(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrapPlain(def.in);
  return node;
}

function child(node: SchemaNode, segment: PathSegment): SchemaNode | undefined {
  const def = node._zod.def;
  if (def.type === 'object' && typeof segment === 'string') return def.shape?.[segment];
  if (def.type === 'array' && typeof segment === 'number') return def.element;
  return undefined;
}

/** Keys accepted by the object schema at `path`, or `[]` when there is none. */
export function acceptedKeys(schema: z.ZodType, data: unknown, path: readonly PathSegment[]): string[] {
  let node: SchemaNode | undefined = schema as unknown as SchemaNode;
  let value: unknown = data;
  for (const segment of path) {
    node = child(unwrap(node, value), segment);
    if (node === undefined) return [];
    value = value !== null && typeof value === 'object' ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  }
  const target = unwrap(node, value)._zod.def;
  return target.type === 'object' && target.shape ? Object.keys(target.shape) : [];
}
