/**
 * What every chart of ccsim's reports shares: a vega-lite spec (https://vega.github.io/vega-lite/)
 * with its data inlined, of one size and look, so that each is a complete, restylable file and
 * renders to SVG in Node (reports/svg.ts) without a network or a browser. The charts of a run,
 * a sweep, a staffing search, a schedule and a back-test are made from these.
 */
import type { TopLevelSpec } from 'vega-lite';

export interface Chart {
  /** File-name safe: the spec is written as `<id>.vl.json`. */
  readonly id: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

const WIDTH = 680;
const HEIGHT = 200;
export const PERCENT_AXIS = { format: '.0%' } as const;

/** A layered spec with the report's size and look; `title` may be a vega-lite title object. */
export function frame(title: string | object, values: readonly object[], layer: readonly unknown[], extra: object = {}): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: WIDTH,
    height: HEIGHT,
    data: { values: values as unknown as Record<string, unknown>[] },
    config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null }, axis: { grid: true, gridOpacity: 0.4 } },
    layer,
    ...extra,
  } as unknown as TopLevelSpec;
}

/** The unit a wait axis reads best in, from the longest wait plotted. */
export function waitUnit(maxSec: number): { readonly name: string; readonly sec: number } {
  if (maxSec >= 36_000) return { name: 'h', sec: 3600 };
  if (maxSec >= 600) return { name: 'min', sec: 60 };
  return { name: 's', sec: 1 };
}

/** A file-name-safe form of an id (ids may hold any character). */
export function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '_');
}
