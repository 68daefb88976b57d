/**
 * Seeded random streams, one per random source (DESIGN §4, STYLE habit 6).
 *
 * A stream is identified by (base seed, replication, source name), e.g.
 * (1, 0, "arrivals:voice"). Its generator is seedrandom's **Alea** (Johannes Baagøe, 2010):
 * the whole key string is hashed by Alea's Mash function, so distinct keys give unrelated
 * streams — unlike seedrandom's xorshift7, which ignores the first 7 characters of a string
 * seed (seedrandom issue #84), and ARC4, which is ~5× slower. xor128/xorwow are avoided: they
 * fail published randomness tests (BigCrush).
 *
 * Numbers are drawn a block at a time into a Float64Array: the hot loop then reads a typed
 * array and calls the generator's closure only on refill. The generator and its block are
 * created on the first draw: a model declares many sources (one per mechanism and channel)
 * and most replications use only a few of them.
 *
 * Because every source has its own stream, adding an agent or changing one channel's handle
 * time never shifts another source's sequence: two scenarios run with one seed share
 * common random numbers.
 */
import seedrandom from 'seedrandom';

const BLOCK = 512;
const EMPTY = new Float64Array(0);

type Alea = seedrandom.StatefulPRNG<seedrandom.State.Alea>;

/** The key Alea hashes; exported so tests and workers can document it. */
export function streamKey(seed: number, replication: number, source: string): string {
  return `ccsim|${seed}|${replication}|${source}`;
}

export class Stream {
  readonly key: string;
  private prng: Alea | null = null;
  private block: Float64Array = EMPTY;
  private pos = BLOCK;

  constructor(seed: number, replication: number, source: string) {
    this.key = streamKey(seed, replication, source);
  }

  /** A uniform number in [0, 1), 32 bits of resolution. */
  next(): number {
    if (this.pos === BLOCK) this.refill();
    return this.block[this.pos++];
  }

  /** An independent copy that continues with exactly the same numbers. */
  clone(): Stream {
    const copy = Object.create(Stream.prototype) as Stream;
    Object.assign(copy, {
      key: this.key,
      prng: this.prng === null ? null : seedrandom.alea('', { state: this.prng.state() }),
      block: Float64Array.from(this.block),
      pos: this.pos,
    });
    return copy;
  }

  private refill(): void {
    if (this.prng === null) {
      this.prng = seedrandom.alea(this.key, { state: true });
      this.block = new Float64Array(BLOCK);
    }
    const b = this.block;
    const p = this.prng;
    for (let i = 0; i < BLOCK; i++) b[i] = p();
    this.pos = 0;
  }
}
