/**
 * Noticing a worker that stopped answering: a ping every `intervalMs`; a ping unanswered for
 * `timeoutMs` (any message from the worker counts as an answer) means the worker is stuck.
 * Measured from the unanswered ping, so a throttled timer in a background tab never reads as a
 * stall. A worker that died outright is noticed sooner by its lifeline (lifeline.ts).
 */

export interface WatchdogTimers {
  now(): number;
  every(ms: number, fn: () => void): () => void;
}

export const REAL_TIMERS: WatchdogTimers = {
  now: () => performance.now(),
  every: (ms, fn) => {
    const h = setInterval(fn, ms);
    return () => clearInterval(h);
  },
};

export interface WatchdogOptions {
  intervalMs: number;
  /**
   * How long a ping may go unanswered. Generous: a worker answers only between tasks, and one
   * task (building a big world, the first step's shader compilation on a software GPU) can take
   * many seconds.
   */
  timeoutMs: number;
  ping: () => void;
  stalled: (silentMs: number) => void;
  timers?: WatchdogTimers;
}

export class Watchdog {
  private readonly timers: WatchdogTimers;
  private unansweredSince: number | undefined;
  private stop: (() => void) | undefined;

  constructor(private readonly opts: WatchdogOptions) {
    this.timers = opts.timers ?? REAL_TIMERS;
  }

  start(): void {
    this.dispose();
    this.unansweredSince = undefined;
    this.stop = this.timers.every(this.opts.intervalMs, () => this.tick());
  }

  /** The worker said something: it is alive. */
  heard(): void {
    this.unansweredSince = undefined;
  }

  dispose(): void {
    this.stop?.();
    this.stop = undefined;
  }

  private tick(): void {
    const now = this.timers.now();
    if (this.unansweredSince === undefined) {
      this.unansweredSince = now;
      this.opts.ping();
      return;
    }
    const silent = now - this.unansweredSince;
    if (silent >= this.opts.timeoutMs) {
      this.dispose();
      this.opts.stalled(silent);
    }
  }
}
