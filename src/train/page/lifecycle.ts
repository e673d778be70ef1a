/**
 * The training worker's life as the client runs it: spawned on the first init, sent every init
 * (the first, a resumed run, a restart: all built by `initRequest` from what the client stores),
 * retired on purpose, and after a fatal failure restarted on the backend recovery.ts picks, from
 * the record's checkpoint, playing if it was. What the reader asked for (the config, its
 * version, the play intent) stays the client's: this file reads it through `LifecycleHost`.
 */
import type {
  BackendName,
  ErrorResponse,
  InitRequest,
  ReadyInfo,
  Request,
  Response,
  SessionConfig,
  WeightsSnapshot,
} from '../protocol';
import { WorkerConnection } from './connection';
import type { ResolvedOptions } from './options';
import type { Queries } from './queries';
import type { TrainingRecord } from './record';
import { RestartPolicy } from './recovery';
import type { ScorerLink } from './scorerLink';
import type { WorkerLike } from './workers';

/** What the lifecycle reads of the client, and hands back to it. */
export interface LifecycleHost {
  /** The config the client stores (the last init, reset, resume or learning rate). */
  config(): SessionConfig | undefined;
  /** The config version the client numbered last. */
  version(): number;
  /** Every message the lifecycle does not consume itself (all but a fatal error). */
  receive(r: Response): void;
  emit(r: Response): void;
  /** The worker failed: stop playing, and say whether it was. */
  halt(): boolean;
  /** A restarted worker goes on playing at the reader's speed. */
  play(): void;
}

export interface LifecycleParts {
  options: Pick<
    ResolvedOptions,
    'backend' | 'createWorker' | 'watchdog' | 'locks' | 'fusedKernels'
  >;
  record: TrainingRecord;
  queries: Queries;
  scorer: ScorerLink | undefined;
}

interface ReadyWaiter {
  resolve: (r: ReadyInfo) => void;
  reject: (e: Error) => void;
}

export class TrainingLifecycle {
  private conn: WorkerConnection | undefined;
  private info: ReadyInfo | undefined;
  private waiters: ReadyWaiter[] = [];
  private readonly restarts: RestartPolicy;
  private ended = false;
  /** The backend the last init asked for (a worker that dies before 'ready' names none). */
  private requested: BackendName | undefined;

  constructor(
    private readonly parts: LifecycleParts,
    private readonly host: LifecycleHost,
  ) {
    this.restarts = new RestartPolicy(parts.options.backend);
  }

  /** The client was disposed: no worker is started or sent anything again. */
  get disposed(): boolean {
    return this.ended;
  }

  /** The running training worker, if any. */
  get worker(): WorkerLike | undefined {
    return this.conn?.worker;
  }

  /** What the running worker said when it was ready. */
  get ready(): ReadyInfo | undefined {
    return this.info;
  }

  /** Resolves on the next 'ready'; rejected when training stops with no restart. */
  nextReady(): Promise<ReadyInfo> {
    const ready = new Promise<ReadyInfo>((resolve, reject) =>
      this.waiters.push({ resolve, reject }),
    );
    // A caller may ignore this promise: its failure is also posted to subscribers as a notice,
    // so it must not surface as an unhandled rejection.
    ready.catch(() => undefined);
    return ready;
  }

  /** The client's init: the worker is spawned on the first, then sent the init. */
  start(): void {
    const fresh = !this.worker;
    if (fresh) this.spawn();
    this.sendInit();
    if (fresh && this.worker) this.parts.scorer?.connect(this.worker);
  }

  /** `weights`: go on from this checkpoint, with the rewind snapshots up to its step. */
  sendInit(weights?: WeightsSnapshot): void {
    this.post(this.initRequest(weights));
  }

  /** Nothing after dispose; throws before the first init (a pause then is nothing to undo). */
  post(req: Request): void {
    if (this.ended) return;
    if (!this.conn) {
      if (req.type === 'pause') return;
      throw new Error('TrainerClient: call init() first');
    }
    this.conn.post(req);
  }

  /**
   * A new worker on another backend (undefined: the automatic choice) from where the running one
   * is: `handOver` asks it for its state; if it cannot, the last checkpoint will do. The training
   * worker's requests in flight are then rejected, the scoring worker's are not.
   */
  async switchTo(
    backend: BackendName | undefined,
    play: boolean,
    handOver: () => Promise<WeightsSnapshot>,
  ): Promise<void> {
    if (this.ended) return;
    let from = this.parts.record.checkpoint;
    if (this.worker && this.info) {
      try {
        from = await handOver();
      } catch {
        // The worker could not hand over: the last checkpoint will do.
      }
    }
    if (this.ended) return;
    this.restarts.choose(backend);
    this.parts.queries.failTraining(new Error('switching backend'));
    this.restart(from, play);
  }

  /** End for good, the scoring worker too (the client is disposed). */
  dispose(): void {
    this.ended = true;
    this.retire();
    this.parts.scorer?.dispose();
  }

  /** End the running worker on purpose. */
  retire(): void {
    this.conn?.retire();
    this.conn = undefined;
  }

  /**
   * The one place an init is built: from the config and version the client stores now, so a
   * restart sends what the reader last chose, not what the first init said (and the client's
   * kernels switch, which every worker it starts gets).
   */
  private initRequest(weights?: WeightsSnapshot): InitRequest {
    const config = this.host.config();
    if (!config) throw new Error('TrainerClient: no config to init with');
    const backend = this.restarts.backendRequest();
    this.requested = backend.backend;
    const rewind = weights ? this.parts.record.rewindUpTo(weights.step) : [];
    const { fusedKernels } = this.parts.options;
    return {
      type: 'init',
      config,
      version: this.host.version(),
      ...backend,
      ...(weights ? { weights } : {}),
      ...(rewind.length > 0 ? { rewind } : {}),
      ...(fusedKernels !== undefined ? { fusedKernels } : {}),
    };
  }

  private spawn(): void {
    const { options } = this.parts;
    const conn = new WorkerConnection(options.createWorker(), {
      watchdog: options.watchdog,
      locks: options.locks,
      receive: (r) => this.receive(r),
      crashed: 'the training worker crashed',
      vanished: 'the training worker closed unexpectedly',
      gone: (message) => {
        if (this.conn === conn)
          this.receive({ type: 'error', message, fatal: true, kind: 'crash' });
      },
    });
    this.conn = conn;
  }

  private receive(r: Response): void {
    this.parts.record.note(r, this.host.version());
    if (r.type === 'error' && r.fatal) return this.recover(r);
    if (r.type === 'ready') {
      this.info = readyInfo(r);
      for (const w of this.waiters.splice(0)) w.resolve(this.info);
    }
    this.host.receive(r);
  }

  /** A fatal backend failure: restart on the next backend from the last checkpoint, and say so. */
  private recover(r: ErrorResponse): void {
    this.retire();
    // The scoring worker keeps answering from the last weights it has.
    this.parts.queries.failTraining(new Error(`training backend failed: ${r.message}`));
    const failed =
      r.backend ?? this.info?.backend.name ?? (r.kind === 'crash' ? this.requested : undefined);
    const wasPlaying = this.host.halt();
    this.host.emit(r);
    const { record } = this.parts;
    const plan = this.restarts.plan(failed, r, record.checkpoint?.step, record.lastStep);
    const restart = plan.restart && this.host.config() !== undefined && !this.ended;
    if (restart || !plan.restart)
      this.host.emit({
        type: 'notice',
        level: 'warning',
        message: plan.notice,
        detail: plan.detail,
      });
    if (!restart) {
      const err = new Error(`Training stopped: ${r.message}`);
      for (const w of this.waiters.splice(0)) w.reject(err);
      return;
    }
    this.restart(record.checkpoint, wasPlaying);
  }

  /** A new training worker from `from` (the first weights when undefined). */
  private restart(from: WeightsSnapshot | undefined, play: boolean): void {
    this.retire();
    this.info = undefined;
    this.spawn();
    this.sendInit(from);
    this.parts.scorer?.connect(this.worker!);
    if (play) this.host.play();
  }
}

/** What a 'ready' message says about the worker's session, without the message's type. */
export function readyInfo(r: ReadyInfo): ReadyInfo {
  const { backend, trainSize, testSize, bayesAuc, testPositives, testNegatives, fusedKernels } = r;
  return { backend, trainSize, testSize, bayesAuc, testPositives, testNegatives, fusedKernels };
}
