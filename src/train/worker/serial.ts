/**
 * One queue for all session work: a slice of steps, a readback, a score… never interleave (tfjs
 * variables are shared, and a replayed rewind step swaps the live weights out for a moment).
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` after everything queued before it; a failure does not block what follows. */
  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
