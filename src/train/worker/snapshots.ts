import type { WeightsSnapshot } from '../protocol';

/**
 * Weight snapshots for rewinding training, in bounded memory. A snapshot is taken every
 * `interval` steps; when `capacity` is reached every other snapshot is dropped (the first and
 * the latest stay) and the interval doubles, so the store always spans the whole run with
 * evenly spaced snapshots and never holds more than `capacity` of them.
 */
export class SnapshotStore {
  private items: WeightsSnapshot[] = [];
  private intervalSteps: number;

  constructor(
    readonly capacity = 32,
    readonly initialInterval = 20,
  ) {
    if (capacity < 3) throw new Error('SnapshotStore: capacity must be at least 3');
    this.intervalSteps = initialInterval;
  }

  get interval(): number {
    return this.intervalSteps;
  }

  /** True when a snapshot at `step` is due (the first one, then every `interval` steps). */
  due(step: number): boolean {
    const last = this.items.at(-1);
    return !last || step - last.step >= this.intervalSteps;
  }

  add(s: WeightsSnapshot): void {
    const last = this.items.at(-1);
    if (last && s.step <= last.step) {
      // A rewind-and-continue or reset: later snapshots belong to an abandoned timeline.
      this.items = this.items.filter((x) => x.step < s.step);
    }
    this.items.push(s);
    if (this.items.length > this.capacity) {
      const latest = this.items[this.items.length - 1];
      this.items = this.items.filter((_, i) => i % 2 === 0);
      if (this.items.at(-1) !== latest) this.items.push(latest);
      this.intervalSteps *= 2;
    }
  }

  /** The latest snapshot at or before `step`. */
  at(step: number): WeightsSnapshot | undefined {
    let found: WeightsSnapshot | undefined;
    for (const s of this.items) if (s.step <= step) found = s;
    return found;
  }

  /** Every snapshot held, oldest first. */
  all(): readonly WeightsSnapshot[] {
    return this.items;
  }

  steps(): number[] {
    return this.items.map((s) => s.step);
  }

  /** Bytes of weights held. */
  bytes(): number {
    let n = 0;
    for (const s of this.items) {
      for (const list of Object.values(s.tensors)) for (const t of list) n += t.values.byteLength;
    }
    return n;
  }

  /**
   * Hold exactly these snapshots (a restarted worker's, kept by the page), at the interval they
   * were thinned to: the closest spacing among them, never below the initial interval.
   */
  restore(list: readonly WeightsSnapshot[]): void {
    this.clear();
    const sorted = [...list].sort((a, b) => a.step - b.step).slice(-this.capacity);
    this.items = sorted;
    for (let i = 1; i < sorted.length; i++)
      this.intervalSteps = Math.max(
        this.initialInterval,
        i === 1
          ? sorted[1].step - sorted[0].step
          : Math.min(this.intervalSteps, sorted[i].step - sorted[i - 1].step),
      );
  }

  clear(): void {
    this.items = [];
    this.intervalSteps = this.initialInterval;
  }
}
