/**
 * A small seeded PRNG (mulberry32). Math.random is never used in the engine layers: every
 * world, dataset and batch order must be reproducible from a seed so that tests, the page and
 * the Node scripts all see the same shoppers.
 */

/** SplitMix32-style finaliser: spreads nearby seeds (1, 2, 3…) into unrelated states. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

export class Rng {
  private state: number;
  private origin: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`Rng: seed must be a finite number, got ${seed}`);
    // Fold non-integer or large seeds into 32 bits deterministically.
    const folded = (Math.trunc(seed) ^ Math.trunc((seed - Math.trunc(seed)) * 0x100000000)) >>> 0;
    this.origin = mix32(folded);
    this.state = this.origin;
  }

  /** The generator's position: `restore(save())` continues the same stream. */
  save(): number {
    return this.state;
  }

  restore(state: number): void {
    this.state = state >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`Rng.int: n must be a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }

  pick<T>(arr: T[]): T {
    if (arr.length === 0) throw new Error('Rng.pick: empty array');
    return arr[this.int(arr.length)];
  }

  /** Fisher–Yates, in place; returns the same array for chaining. */
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = arr[i];
      arr[i] = arr[j];
      arr[j] = tmp;
    }
    return arr;
  }

  /** Index i with probability weights[i] / sum(weights). Weights need not be normalised. */
  categorical(weights: number[]): number {
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w)) {
        throw new Error(`Rng.categorical: weights must be finite and >= 0, got ${w}`);
      }
      total += w;
    }
    if (total <= 0) throw new Error('Rng.categorical: weights sum to 0');
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    // Rounding can leave u at ~0 after the loop: fall back to the last index with weight.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return weights.length - 1;
  }

  /**
   * An independent stream derived from this generator's seed and the salt only, not from how
   * many numbers were drawn so far: adding a draw somewhere never reshuffles a forked stream
   * (e.g. shopper 7 stays the same when the world gets more shoppers).
   */
  fork(salt: number): Rng {
    const child = new Rng(0);
    const s = mix32((this.origin ^ mix32(Math.trunc(salt) >>> 0)) >>> 0);
    child.origin = s;
    child.state = s;
    return child;
  }
}
