/**
 * Agents as indices into typed arrays, grouped by agent group. Each group keeps its idle
 * agents in a FIFO ring (one flat Int32Array for all groups): agents go idle in time order,
 * so the head of a group's ring is its longest-idle agent — the default routing choice —
 * found in O(1) without scanning.
 */
export class AgentPool {
  /** Agent → group. */
  readonly group: Int32Array;
  /** Agent → contact slot in hand, or −1. */
  readonly contact: Int32Array;
  readonly busySince: Float64Array;
  readonly idleSince: Float64Array;
  private readonly ring: Int32Array;
  private readonly ringBase: Int32Array;
  private readonly ringCap: Int32Array;
  private readonly ringHead: Int32Array;
  /** Idle agents per group. */
  readonly idleCount: Int32Array;

  constructor(counts: readonly number[]) {
    const total = counts.reduce((s, c) => s + c, 0);
    const G = counts.length;
    this.group = new Int32Array(total);
    this.contact = new Int32Array(total).fill(-1);
    this.busySince = new Float64Array(total);
    this.idleSince = new Float64Array(total);
    this.ring = new Int32Array(Math.max(1, total));
    this.ringBase = new Int32Array(G);
    this.ringCap = new Int32Array(G);
    this.ringHead = new Int32Array(G);
    this.idleCount = new Int32Array(G);
    let next = 0;
    for (let g = 0; g < G; g++) {
      this.ringBase[g] = next;
      this.ringCap[g] = counts[g] ?? 0;
      for (let i = 0; i < (counts[g] ?? 0); i++) this.group[next + i] = g;
      next += counts[g] ?? 0;
    }
  }

  get size(): number {
    return this.group.length;
  }

  /** The agent of group g idle the longest; the group must have one idle. */
  longestIdle(g: number): number {
    return this.ring[this.ringBase[g] + this.ringHead[g]];
  }

  /** Takes the longest-idle agent of group g off the idle ring. */
  takeLongestIdle(g: number): number {
    const a = this.ring[this.ringBase[g] + this.ringHead[g]];
    this.ringHead[g] = this.ringHead[g] + 1 === this.ringCap[g] ? 0 : this.ringHead[g] + 1;
    this.idleCount[g]--;
    return a;
  }

  /** Puts agent a at the tail of its group's idle ring. */
  goIdle(a: number, now: number): void {
    const g = this.group[a];
    let slot = this.ringHead[g] + this.idleCount[g];
    if (slot >= this.ringCap[g]) slot -= this.ringCap[g];
    this.ring[this.ringBase[g] + slot] = a;
    this.idleCount[g]++;
    this.idleSince[a] = now;
    this.contact[a] = -1;
  }
}
