/**
 * "One request in flight, newest wins": the loop every worker request of the page runs in.
 * A trigger while a request is in flight only notes that something newer is wanted; when the
 * flight lands the newest wanted state is sent once. A reply whose key is no longer the wanted
 * one is dropped (a newer request is on its way). Plain TypeScript: no React, no DOM.
 */
import { errorText } from '../../lib/errorText';

export interface LatestWinsOptions<W, T> {
  /** The newest wanted state: read when a request is sent and again when its reply lands. */
  wanted: () => W;
  /** Two wanted states with the same key ask for the same reply. */
  key: (w: W) => string;
  request: (w: W) => Promise<T>;
  /** A reply to the state that is still wanted. */
  onResult: (value: T, sent: W) => void;
  /** A failed request (e.g. during a reset): the next trigger simply sends again. */
  onError?: (message: string, sent: W) => void;
  /** Clock for `lastFinished` (performance.now by default). */
  now?: () => number;
}

export class LatestWins<W, T> {
  private inFlight = false;
  private dirty = false;
  private alive = true;
  private last = 0;

  constructor(private readonly opts: LatestWinsOptions<W, T>) {}

  /** When the last request finished (replied, failed or dropped); 0 before the first. */
  get lastFinished(): number {
    return this.last;
  }

  get busy(): boolean {
    return this.inFlight;
  }

  /** Send the wanted state now, or once the request in flight lands. */
  readonly trigger = (): void => {
    if (!this.alive) return;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.inFlight = true;
    this.dirty = false;
    const { wanted, key, request, onResult, onError } = this.opts;
    const sent = wanted();
    const sentKey = key(sent);
    let flight: Promise<T>;
    try {
      flight = request(sent);
    } catch (e) {
      flight = Promise.reject(e);
    }
    flight
      .then((value) => {
        if (this.alive && key(wanted()) === sentKey) onResult(value, sent);
      })
      .catch((err: unknown) => {
        if (this.alive) onError?.(errorText(err), sent);
      })
      .finally(() => {
        this.inFlight = false;
        this.last = this.opts.now ? this.opts.now() : performance.now();
        if (this.dirty) this.trigger();
      });
  };

  /** No more requests; replies still in flight are dropped. */
  dispose(): void {
    this.alive = false;
    this.dirty = false;
  }
}
