/**
 * The training loop's intent and pacing: Play (speed = steps per slice) or a number of manual
 * steps, a 'yield' that holds slices back after the reader's edit, and one slice per task so the
 * page's messages (Pause, a score) are handled between slices.
 */
export interface LoopOptions {
  /** Run `fn` on a later task so incoming messages are handled between slices. */
  schedule: (fn: () => void) => void;
  /** Wait `ms` of wall time: how a slice waits out a 'yield'. */
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** What the loop asks of its owner. */
export interface LoopWork {
  /** One slice of training (the owner holds its lock; `manual`: a Step, not Play). */
  slice(manual: boolean): Promise<void>;
  /** The loop stopped while this run is still current: report the final state. */
  finish(): Promise<void>;
  fail(e: unknown): void;
}

export class PlayLoop {
  private playingNow = false;
  private perTick = 1;
  private pending = 0;
  private holdUntil = -Infinity;
  private active = false;

  constructor(private readonly opts: LoopOptions) {}

  get playing(): boolean {
    return this.playingNow;
  }

  /** Playing, or manual steps still to run. */
  get busy(): boolean {
    return this.playingNow || this.pending > 0;
  }

  get running(): boolean {
    return this.active;
  }

  /** Steps in the next slice: `speed` while playing, one at a time for Step ×N. */
  get sliceSize(): number {
    return this.playingNow ? this.perTick : 1;
  }

  play(stepsPerTick: number): void {
    this.perTick = Math.max(1, Math.floor(stepsPerTick) || 1);
    this.playingNow = true;
    this.pending = 0;
  }

  /** Step ×count (ignored while playing). */
  step(count: number): void {
    if (!this.playingNow) this.pending += Math.max(0, Math.floor(count));
  }

  /** Stop playing and drop the manual steps left; true if anything was running. */
  stop(): boolean {
    const was = this.busy;
    this.playingNow = false;
    this.pending = 0;
    return was;
  }

  /** Start no slice for `ms` (at most 500). */
  hold(ms: number): void {
    this.holdUntil = Math.max(this.holdUntil, this.opts.now() + Math.min(500, Math.max(0, ms)));
  }

  /** A manual step's slice is done; true when it was the last one asked for. */
  manualStepDone(): boolean {
    this.pending = Math.max(0, this.pending - 1);
    return this.pending === 0;
  }

  /** Run slices while `current()` and busy (a second start while running is a no-op). */
  start(current: () => boolean, work: LoopWork): void {
    if (this.active) return;
    this.active = true;
    void this.run(current, work).finally(() => {
      this.active = false;
    });
  }

  private async run(current: () => boolean, work: LoopWork): Promise<void> {
    try {
      while (current() && this.busy) {
        const hold = this.holdUntil - this.opts.now();
        if (hold > 0) {
          await this.opts.sleep(hold);
          continue;
        }
        await work.slice(!this.playingNow);
        await new Promise<void>((resolve) => this.opts.schedule(resolve));
      }
      if (current()) await work.finish();
    } catch (e) {
      work.fail(e);
    }
  }
}
