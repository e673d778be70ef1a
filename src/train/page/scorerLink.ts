/**
 * The scoring worker as the page sees it: started once, given a channel to every new training
 * worker (it holds no state a restarted one cannot resend), sent the views' requests with the
 * config version they must reflect. If it crashes, stalls or vanishes, its requests are rejected
 * and it is started again (the training worker refeeds it); after a second failure the training
 * worker answers the views instead (between its steps).
 */
import { errorText } from '../../lib/errorText';
import { englishNotice } from '../noticeText';
import type { NoticeDetail, Response, ScoreRequest, ScorerRequest } from '../protocol';
import { WorkerConnection, type ConnectionOptions } from './connection';
import type { ResolvedOptions } from './options';
import type { PendingRequests } from './pending';
import type { WorkerLike } from './workers';

export interface ScorerLinkOptions {
  create: () => WorkerLike<ScorerRequest>;
  pending: PendingRequests;
  /** Every reply and notice goes on to the client's subscribers. */
  emit: (r: Response) => void;
  watchdog?: ConnectionOptions['watchdog'];
  locks?: ConnectionOptions['locks'];
  /** The kernels switch the training worker's init carries (absent: on), for its 'port'. */
  fusedKernels?: boolean;
}

/** Failures after which the views go back to the training worker for good. */
const MAX_STARTS = 2;

export class ScorerLink {
  private conn: WorkerConnection<ScorerRequest> | undefined;
  /** Ids of the requests in flight in the scoring worker. */
  private readonly ids = new Set<number>();
  /** The training worker it is fed by (to reconnect a restarted scorer). */
  private training: WorkerLike | undefined;
  private starts = 0;

  constructor(private readonly opts: ScorerLinkOptions) {}

  get up(): boolean {
    return this.conn !== undefined;
  }

  /** The requests the scoring worker has in flight (a training worker's failure spares them). */
  get inFlight(): ReadonlySet<number> {
    return this.ids;
  }

  /** Connect a (new) training worker to the scoring worker, starting that one if needed. */
  connect(training: WorkerLike): void {
    this.training = training;
    if (typeof MessageChannel === 'undefined') return;
    if (!this.conn && !this.start()) return;
    const channel = new MessageChannel();
    training.postMessage({ type: 'feed', port: channel.port1 }, [channel.port1]);
    const { fusedKernels } = this.opts;
    this.conn!.worker.postMessage(
      {
        type: 'port',
        port: channel.port2,
        ...(fusedKernels !== undefined ? { fusedKernels } : {}),
      },
      [channel.port2],
    );
  }

  /** Send a view request (its id is already pending). */
  send(req: ScoreRequest, version: number): void {
    this.ids.add(req.id);
    try {
      this.conn!.post({ ...req, version });
    } catch (e) {
      this.ids.delete(req.id);
      throw e;
    }
  }

  dispose(): void {
    this.conn?.retire();
    this.conn = undefined;
  }

  private start(): boolean {
    if (this.starts >= MAX_STARTS) return false;
    this.starts++;
    let worker: WorkerLike<ScorerRequest>;
    try {
      worker = this.opts.create();
    } catch (e) {
      this.drop(`it could not start (${errorText(e)})`);
      return false;
    }
    const conn: WorkerConnection<ScorerRequest> = new WorkerConnection(worker, {
      watchdog: this.opts.watchdog ?? null,
      locks: this.opts.locks ?? null,
      crashed: 'it crashed',
      vanished: 'it closed unexpectedly',
      receive: (r) => {
        if (this.conn === conn) this.receive(r);
      },
      gone: (message) => {
        if (this.conn === conn) this.drop(message);
      },
    });
    this.conn = conn;
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
    const again = this.starts < MAX_STARTS && this.training !== undefined;
    const detail: NoticeDetail = { code: 'scorerStopped', reason, restarting: again };
    this.opts.emit({ type: 'notice', level: 'info', message: englishNotice(detail), detail });
    if (again) this.connect(this.training!);
  }
}

/** The client's scoring worker, unless its options turned it off. */
export function scorerLink(
  o: Pick<ResolvedOptions, 'createScorer' | 'watchdog' | 'locks' | 'fusedKernels'>,
  pending: PendingRequests,
  emit: (r: Response) => void,
): ScorerLink | undefined {
  if (!o.createScorer) return undefined;
  return new ScorerLink({
    create: o.createScorer,
    pending,
    emit,
    watchdog: o.watchdog,
    locks: o.locks,
    fusedKernels: o.fusedKernels,
  });
}
