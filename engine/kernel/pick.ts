/**
 * What the router returns (engine/kernel/router.ts): the index found and whether an overflow
 * rule let it through, packed in one integer (no allocation, no hidden flag):
 * `index · 2 + overflow`, or NO_PICK.
 */

/** Nothing found. */
export const NO_PICK = -1;
export const pick = (index: number, viaOverflow: boolean): number => index * 2 + (viaOverflow ? 1 : 0);
/** The agent or contact index of a pick (not NO_PICK). */
export const pickedIndex = (p: number): number => p >> 1;
/** Whether the pick came through an overflow rule (the group is a backup for the queue). */
export const viaOverflow = (p: number): boolean => (p & 1) === 1;
