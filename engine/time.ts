/** Seconds in a day: open hours, shifts and day-level multipliers repeat with this period. */
export const DAY_SEC = 86_400;

/** The time of day of `t` (seconds from time 0, which is the day's start), in [0, DAY_SEC). */
export function timeOfDay(t: number): number {
  return ((t % DAY_SEC) + DAY_SEC) % DAY_SEC;
}
