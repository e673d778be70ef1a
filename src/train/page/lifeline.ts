/**
 * Noticing at once that a worker died (self.close(), a crash the page got no error event for):
 * the worker holds a Web Lock for as long as it lives, and the page queues for the same lock,
 * which it is granted only when the worker is gone. No timeout, so no false alarm for a worker
 * that is merely busy. Where the Web Locks API is missing (an insecure origin) the watchdog's
 * timeout still catches a dead worker, later.
 */

/** The part of navigator.locks the lifeline uses. */
export interface LockManagerLike {
  request(
    name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<unknown> | unknown,
  ): Promise<unknown>;
}

let serial = 0;

export class Lifeline {
  private abort: AbortController | undefined;
  readonly name: string;

  /** `died` runs once, when the worker holding the lock `name` is gone. */
  constructor(
    private readonly locks: LockManagerLike,
    private readonly died: () => void,
  ) {
    serial += 1;
    this.name = `din-dien-worker-${Date.now().toString(36)}-${serial}`;
  }

  /** The worker says it holds the lock: queue for it. */
  held(): void {
    if (this.abort) return;
    const abort = new AbortController();
    this.abort = abort;
    this.locks
      .request(this.name, { signal: abort.signal }, () => {
        if (!abort.signal.aborted) this.died();
      })
      .catch(() => undefined); // aborted: the page let the worker go itself
  }

  /** The page is about to end the worker itself: that is no death to report. */
  release(): void {
    this.abort?.abort();
    this.abort = new AbortController(); // never queue again for this worker
    this.abort.abort();
  }
}
