/**
 * The seed each (point, replication) task runs with.
 *
 * With common random numbers (the default) every point runs with the base seed: replication
 * r of any point draws from the streams keyed (seed, r, source) — engine/random.ts — so two
 * points differ only by what their scenarios change, and a paired difference between them
 * has a small variance (Law, "Simulation Modeling and Analysis", §11.2).
 *
 * With `--no-crn` the seed also depends on the point: FNV-1a (32 bits) of the text
 * `ccsim-point|<base seed>|<point index>`. It is a pure function of (base seed, point), so
 * the sweep stays reproducible; it only exists to show what CRN buys.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32 bits, over the UTF-16 code units of `text` (all ASCII here). */
export function fnv1a32(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h >>> 0;
}

/** The seed point `pointIndex` runs with. */
export function pointSeed(baseSeed: number, pointIndex: number, crn: boolean): number {
  return crn ? baseSeed : fnv1a32(`ccsim-point|${baseSeed}|${pointIndex}`);
}
