/**
 * The scoring worker as the page sees it: started once, given a channel to every new training
 * worker (it holds no state a restarted one cannot resend), sent the views' requests with the
 * config version they must reflect. If it fails, its requests are rejected and the training
 * worker answers the views instead (between its steps).
 */
import { errorText } from '../../lib/errorText';
import type { Response, ScoreRequest, ScorerRequest } from '../protocol';
import type { PendingRequests } from './pending';
import type { WorkerLike } from './workers';

export interface ScorerLinkOptions {
  create: () => WorkerLike<ScorerRequest>;
  pending: PendingRequests;
  /** Every reply and notice goes on to the client's subscribers. */
  emit: (r: Response) => void;
}

export class ScorerLink {
  private scorer: WorkerLike<ScorerRequest> | undefined;
  /** Ids of the requests in flight in the scoring worker. */
  private readonly ids = new Set<number>();

  constructor(private readonly opts: ScorerLinkOptions) {}

  get up(): boolean {
    return this.scorer !== undefined;
  }

  /** The requests the scoring worker has in flight (a training worker's failure spares them). */
  get inFlight(): ReadonlySet<number> {
    return this.ids;
  }

  /** Connect a (new) training worker to the scoring worker, starting that one the first time. */
  connect(training: WorkerLike): void {
    if (typeof MessageChannel === 'undefined') return;
    if (!this.scorer && !this.start()) return;
    const channel = new MessageChannel();
    training.postMessage({ type: 'feed', port: channel.port1 }, [channel.port1]);
    this.scorer!.postMessage({ type: 'port', port: channel.port2 }, [channel.port2]);
  }

  /** Send a view request (its id is already pending). */
  send(req: ScoreRequest, version: number): void {
    this.ids.add(req.id);
    try {
      this.scorer!.postMessage({ ...req, version });
    } catch (e) {
      this.ids.delete(req.id);
      throw e;
    }
  }

  dispose(): void {
    this.scorer?.terminate();
    this.scorer = undefined;
  }

  private start(): boolean {
    let scorer: WorkerLike<ScorerRequest>;
    try {
      scorer = this.opts.create();
    } catch (e) {
      this.drop(`it could not start (${errorText(e)})`);
      return false;
    }
    this.scorer = scorer;
    scorer.onmessage = (ev) => {
      if (this.scorer === scorer) this.receive(ev.data);
    };
    scorer.onerror = (ev) => {
      if (this.scorer !== scorer) return;
      ev.preventDefault?.();
      this.drop(ev.message || 'it crashed');
    };
    return true;
  }

  private receive(r: Response): void {
    if (r.type === 'error' && r.fatal) return this.drop(r.message);
    const id = 'id' in r ? r.id : undefined;
    if (id !== undefined && this.ids.delete(id)) this.opts.pending.settle(id, r);
    this.opts.emit(r);
  }

  private drop(reason: string): void {
    this.dispose();
    const err = new Error(`scoring worker stopped: ${reason}`);
    for (const id of this.ids) this.opts.pending.reject(id, err);
    this.ids.clear();
    this.opts.emit({
      type: 'notice',
      level: 'info',
      message: `The scoring worker stopped (${reason}); the training worker scores the views between its steps instead.`,
    });
  }
}
