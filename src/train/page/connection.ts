/**
 * One running training worker: its messages in and out, and the two ways the page notices that
 * it is gone without an error event — the watchdog (a ping unanswered too long) and the
 * lifeline (a Web Lock the worker holds while it lives). `retire()` ends it on purpose, with no
 * alarm; after that nothing it says is heard.
 */
import type { Request, Response, ScorerRequest } from '../protocol';
import { Lifeline, type LockManagerLike } from './lifeline';
import { Watchdog, type WatchdogTimers } from './watchdog';
import type { WorkerLike } from './workers';

export interface ConnectionOptions {
  watchdog: { intervalMs: number; timeoutMs: number; timers?: WatchdogTimers } | null;
  locks: LockManagerLike | null;
  /** Every message but the watchdog's and the lifeline's own. */
  receive: (r: Response) => void;
  /** The worker crashed, stalled or vanished (once, and never after retire()). */
  gone: (message: string) => void;
  /** What to say when it crashed without a message, and when it vanished. */
  crashed: string;
  vanished: string;
}

/** Either worker: both answer 'ping' and 'holdLock'. */
type EngineRequest = Request | ScorerRequest;

export class WorkerConnection<Req extends EngineRequest = Request> {
  private live = true;
  private readonly dog: Watchdog | undefined;
  private readonly line: Lifeline | undefined;

  constructor(
    readonly worker: WorkerLike<Req>,
    opts: ConnectionOptions,
  ) {
    const gone = (message: string) => {
      if (!this.live) return;
      this.retire();
      opts.gone(message);
    };
    worker.onmessage = (ev) => {
      if (!this.live) return;
      this.dog?.heard();
      if (ev.data.type === 'pong') return;
      if (ev.data.type === 'lockHeld') return this.line?.held();
      opts.receive(ev.data);
    };
    worker.onerror = (ev) => {
      if (!this.live) return;
      ev.preventDefault?.();
      gone(ev.message || opts.crashed);
    };
    const w = opts.watchdog;
    this.dog = w
      ? new Watchdog({
          ...w,
          ping: () => worker.postMessage({ type: 'ping' } as Req),
          stalled: (ms) => gone(`it stopped answering for ${Math.round(ms / 1000)} s`),
        })
      : undefined;
    this.line = opts.locks ? new Lifeline(opts.locks, () => gone(opts.vanished)) : undefined;
    this.dog?.start();
    if (this.line) worker.postMessage({ type: 'holdLock', name: this.line.name } as Req);
  }

  post(req: Req): void {
    this.worker.postMessage(req);
  }

  /** End the worker on purpose: watchdog and lifeline first, so no alarm follows. */
  retire(): void {
    if (!this.live) return;
    this.live = false;
    this.dog?.dispose();
    this.line?.release();
    this.worker.terminate();
  }
}
