/**
 * The main thread's handle on the engine: the training worker, the scoring worker, and the
 * restart after a backend failure. Imports protocol types only: tfjs never loads on the main
 * thread (a test scans the built main bundle for it). Its rooms: pending.ts (request ids and
 * replies), scorerLink.ts (the scoring worker), recovery.ts (which backend next),
 * visibility.ts (pause in a hidden tab), workers.ts (starting the workers).
 */
import { asError } from '../../lib/errorText';
import {
  CHECKPOINT_ID,
  type BackendInfo,
  type BackendName,
  type EmbeddingsResult,
  type ErrorResponse,
  type HeatmapResult,
  type QueryRequest,
  type ReadyInfo,
  type Request,
  type Response,
  type ScoreRequest,
  type ScoreResult,
  type ScorerRequest,
  type SessionConfig,
  type WeightsSnapshot,
} from '../protocol';
import { Lifeline, type LockManagerLike } from './lifeline';
import { PendingRequests } from './pending';
import { RestartPolicy } from './recovery';
import { ScorerLink } from './scorerLink';
import { HiddenTabPause, type VisibilitySource } from './visibility';
import { Watchdog, type WatchdogTimers } from './watchdog';
import { backendFromSearch, scoringWorker, trainingWorker, type WorkerLike } from './workers';

export { backendFromSearch };

export type { EmbeddingsResult, ReadyInfo, VisibilitySource, WorkerLike };

export interface TrainerClientOptions {
  /** Try this backend first (e.g. from `?backend=wasm`). */
  backend?: BackendName;
  createWorker?: () => WorkerLike;
  /**
   * The scoring worker (score, heatmap and embeddings requests, fed weights by the training
   * worker). Defaults to a real one unless `createWorker` is given; null: the training worker
   * answers them itself, between training steps.
   */
  createScorer?: (() => WorkerLike<ScorerRequest>) | null;
  /** Defaults to `document` where there is one; null disables pausing in hidden tabs. */
  visibility?: VisibilitySource | null;
  /**
   * Ping the training worker and restart it when a ping goes unanswered this long. Defaults to
   * on for real workers (every 2 s, 45 s), off with `createWorker`; null: off.
   */
  watchdog?: { intervalMs: number; timeoutMs: number; timers?: WatchdogTimers } | null;
  /** Web Locks for the workers' lifelines; defaults to navigator.locks for real workers. */
  locks?: LockManagerLike | null;
}

const WATCHDOG = { intervalMs: 2000, timeoutMs: 45_000 };

function defaultLocks(): LockManagerLike | null {
  return (
    (globalThis.navigator as (Navigator & { locks?: LockManagerLike }) | undefined)?.locks ?? null
  );
}

/** Only send `atStep` when there is one (a live request stays exactly as before). */
function at(atStep: number | undefined): { atStep?: number } {
  return atStep === undefined ? {} : { atStep };
}

const VIEW_REQUESTS = new Set<string>(['score', 'heatmap', 'embeddings']);

function isViewRequest(req: QueryRequest): req is ScoreRequest {
  return VIEW_REQUESTS.has(req.type);
}

/** A query without its id (the client numbers it). */
type Query<R extends QueryRequest> = R extends QueryRequest ? Omit<R, 'id'> : never;

export class TrainerClient {
  private readonly createWorker: () => WorkerLike;
  private readonly pending = new PendingRequests();
  private readonly scorer: ScorerLink | undefined;
  private readonly restarts: RestartPolicy;
  private readonly hiddenTab: HiddenTabPause | undefined;
  private readonly listeners = new Set<(r: Response) => void>();
  private readonly watchdogOptions: TrainerClientOptions['watchdog'];
  private readonly locks: LockManagerLike | null;
  private worker: WorkerLike | undefined;
  /** The running worker's watchdog and lifeline (both end with it). */
  private watch: { dog?: Watchdog; line?: Lifeline } = {};
  /** Bumped by every init and reset: progress and the scoring worker carry it. */
  private version = 0;
  private config: SessionConfig | undefined;
  private info: ReadyInfo | undefined;
  private readyWaiters: { resolve: (r: ReadyInfo) => void; reject: (e: Error) => void }[] = [];
  private checkpoint: WeightsSnapshot | undefined;
  /** The reader's play intent (kept to resume after a restart or a hidden tab). */
  private playing = false;
  private stepsPerTick = 1;
  private disposed = false;
  private snapshots: number[] = [];
  /** The backend the last init asked for (a worker that dies before 'ready' names none). */
  private requested: BackendName | undefined;

  constructor(options: TrainerClientOptions = {}) {
    this.restarts = new RestartPolicy(options.backend);
    this.createWorker = options.createWorker ?? trainingWorker;
    const real = options.createWorker === undefined;
    this.watchdogOptions =
      options.watchdog !== undefined ? options.watchdog : real ? WATCHDOG : null;
    this.locks = options.locks !== undefined ? options.locks : real ? defaultLocks() : null;
    const createScorer =
      options.createScorer !== undefined
        ? options.createScorer
        : options.createWorker
          ? null
          : scoringWorker;
    if (createScorer)
      this.scorer = new ScorerLink({
        create: createScorer,
        pending: this.pending,
        emit: (r) => this.emit(r),
      });
    const visibility =
      options.visibility !== undefined
        ? options.visibility
        : typeof document !== 'undefined'
          ? document
          : null;
    if (visibility)
      this.hiddenTab = new HiddenTabPause(visibility, this, () => this.worker !== undefined);
  }

  /** The backend of the running worker, once ready. */
  get backend(): BackendInfo | undefined {
    return this.info?.backend;
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  /** The last checkpoint of good weights the worker sent (used to restart after a failure). */
  get lastCheckpoint(): WeightsSnapshot | undefined {
    return this.checkpoint;
  }

  /** The steps rewind snapshots exist for (the worker's latest 'snapshots' message; [] before). */
  get snapshotSteps(): readonly number[] {
    return this.snapshots;
  }

  /** Start the worker (once) and set up world and models; resolves when the worker is ready. */
  init(config: SessionConfig): Promise<ReadyInfo> {
    this.config = config;
    this.checkpoint = undefined;
    this.snapshots = [];
    const ready = new Promise<ReadyInfo>((resolve, reject) =>
      this.readyWaiters.push({ resolve, reject }),
    );
    // A caller may ignore this promise: its failure is also posted to subscribers as a notice,
    // so it must not surface as an unhandled rejection.
    ready.catch(() => undefined);
    this.version++;
    const fresh = !this.worker;
    if (fresh) this.spawn();
    this.sendInit(config);
    if (fresh && this.worker) this.scorer?.connect(this.worker);
    return ready;
  }

  step(count = 1): void {
    this.send({ type: 'step', count });
  }

  play(stepsPerTick = this.stepsPerTick): void {
    this.stepsPerTick = stepsPerTick;
    this.playing = true;
    this.hiddenTab?.forget();
    this.send({ type: 'play', stepsPerTick });
  }

  pause(): void {
    this.playing = false;
    this.hiddenTab?.forget();
    this.send({ type: 'pause' });
  }

  /**
   * The reader edited the history or the candidate: ask the training worker to start no slice for
   * `ms`, so the edit's re-score and redraw get the CPU (training resumes by itself).
   */
  yieldToEdit(ms = 150): void {
    if (this.worker && !this.disposed) this.worker.postMessage({ type: 'yield', ms });
  }

  /** New initial weights from the config (the current one unless given). */
  reset(config?: SessionConfig): void {
    if (config) this.config = config;
    this.playing = false;
    this.checkpoint = undefined;
    this.snapshots = [];
    this.version++;
    this.send({ type: 'reset', version: this.version, ...(config ? { config } : {}) });
  }

  /** Go on training with this learning rate from where it is (the NaN guard's way out). */
  setLearningRate(learningRate: number): void {
    if (this.config)
      this.config = { ...this.config, train: { ...this.config.train, learningRate } };
    this.send({ type: 'setLearningRate', learningRate });
  }

  evaluate(): void {
    this.send({ type: 'evaluate' });
  }

  /** `atStep`: replay with the rewind snapshot at or before that step (result.step says which). */
  async score(history: number[], candidate: number, atStep?: number): Promise<ScoreResult> {
    const r = await this.request({ type: 'score', history, candidate, ...at(atStep) });
    if (r.type !== 'score') throw new Error(`unexpected reply ${r.type}`);
    return r.result;
  }

  async heatmap(history: number[], atStep?: number): Promise<HeatmapResult> {
    const r = await this.request({ type: 'heatmap', history, ...at(atStep) });
    if (r.type !== 'heatmap') throw new Error(`unexpected reply ${r.type}`);
    return { candidates: r.candidates, weights: r.weights };
  }

  /** Every good's vector (item ⊕ category ⊕ shop) in each model, live or at a rewind step. */
  async embeddings(atStep?: number): Promise<EmbeddingsResult> {
    const r = await this.request({ type: 'embeddings', ...at(atStep) });
    if (r.type !== 'embeddings') throw new Error(`unexpected reply ${r.type}`);
    return { step: r.step, goods: r.goods, vectors: r.vectors };
  }

  async exportWeights(): Promise<WeightsSnapshot> {
    const r = await this.request({ type: 'exportWeights' });
    if (r.type !== 'weights') throw new Error(`unexpected reply ${r.type}`);
    return r.weights;
  }

  /** Every message from the worker, plus the client's own notices and errors. */
  subscribe(listener: (r: Response) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  dispose(): void {
    this.disposed = true;
    this.hiddenTab?.detach();
    this.retire();
    this.scorer?.dispose();
    this.pending.rejectAll(new Error('TrainerClient disposed'));
    this.listeners.clear();
  }

  private spawn(): void {
    const worker = this.createWorker();
    this.worker = worker;
    const gone = (message: string) => {
      if (this.worker === worker)
        this.receive({ type: 'error', message, fatal: true, kind: 'crash' });
    };
    worker.onmessage = (ev) => {
      if (this.worker !== worker) return;
      this.watch.dog?.heard();
      if (ev.data.type === 'pong') return;
      if (ev.data.type === 'lockHeld') return this.watch.line?.held();
      this.receive(ev.data);
    };
    worker.onerror = (ev) => {
      if (this.worker !== worker) return;
      ev.preventDefault?.();
      gone(ev.message || 'the training worker crashed');
    };
    const opts = this.watchdogOptions;
    this.watch = {
      dog: opts
        ? new Watchdog({
            ...opts,
            ping: () => worker.postMessage({ type: 'ping' }),
            stalled: (ms) => gone(`it stopped answering for ${Math.round(ms / 1000)} s`),
          })
        : undefined,
      line: this.locks
        ? new Lifeline(this.locks, () => gone('the training worker closed unexpectedly'))
        : undefined,
    };
    this.watch.dog?.start();
    if (this.watch.line) worker.postMessage({ type: 'holdLock', name: this.watch.line.name });
  }

  private sendInit(config: SessionConfig, weights?: WeightsSnapshot): void {
    const backend = this.restarts.backendRequest();
    this.requested = backend.backend;
    this.send({
      type: 'init',
      config,
      version: this.version,
      ...backend,
      ...(weights ? { weights } : {}),
    });
  }

  /** End the running worker on purpose (its watchdog and lifeline first, so no alarm). */
  private retire(): void {
    this.watch.dog?.dispose();
    this.watch.line?.release();
    this.watch = {};
    this.worker?.terminate();
    this.worker = undefined;
  }

  private send(req: Request): void {
    if (this.disposed) return;
    if (!this.worker) {
      if (req.type === 'pause') return;
      throw new Error('TrainerClient: call init() first');
    }
    this.worker.postMessage(req);
  }

  /** Views go to the scoring worker while it is up, everything else to the training worker. */
  private request(query: Query<QueryRequest>): Promise<Response> {
    const { id, reply } = this.pending.open();
    const req = { ...query, id } as QueryRequest;
    try {
      if (this.scorer?.up && this.worker && isViewRequest(req)) this.scorer.send(req, this.version);
      else this.send(req);
    } catch (e) {
      this.pending.reject(id, asError(e));
    }
    return reply;
  }

  private emit(r: Response): void {
    for (const l of [...this.listeners]) l(r);
  }

  private receive(r: Response): void {
    switch (r.type) {
      case 'ready': {
        this.info = { backend: r.backend, trainSize: r.trainSize, testSize: r.testSize };
        for (const w of this.readyWaiters.splice(0)) w.resolve(this.info);
        break;
      }
      case 'progress':
        this.playing = r.progress.playing;
        break;
      case 'weights':
        if (r.id === CHECKPOINT_ID) this.checkpoint = r.weights;
        break;
      case 'snapshots':
        this.snapshots = [...r.steps];
        break;
      case 'error':
        if (r.fatal) return this.recover(r);
        break;
      default:
        break;
    }
    const id = 'id' in r ? r.id : undefined;
    if (id !== undefined && id !== CHECKPOINT_ID) this.pending.settle(id, r);
    this.emit(r);
  }

  /** A fatal backend failure: restart on the next backend from the last checkpoint, and say so. */
  private recover(r: ErrorResponse): void {
    this.retire();
    // The scoring worker keeps answering from the last weights it has.
    this.pending.rejectAll(
      new Error(`training backend failed: ${r.message}`),
      this.scorer?.inFlight,
    );
    const failed =
      r.backend ?? this.info?.backend.name ?? (r.kind === 'crash' ? this.requested : undefined);
    const wasPlaying = this.playing;
    this.playing = false;
    this.emit(r);
    const left =
      failed !== undefined && this.restarts.failedDuringTraining(failed, r.message, r.kind);
    if (!left || this.config === undefined || this.disposed) {
      const err = new Error(`Training stopped: ${r.message}`);
      for (const w of this.readyWaiters.splice(0)) w.reject(err);
      this.emit({
        type: 'notice',
        level: 'warning',
        message: `${err.message}. No other backend is left to try.`,
      });
      return;
    }
    this.emit({
      type: 'notice',
      level: 'warning',
      message: this.restarts.restartNotice(failed, r.message, this.checkpoint?.step),
    });
    this.info = undefined;
    this.spawn();
    this.sendInit(this.config, this.checkpoint);
    this.scorer?.connect(this.worker!);
    if (wasPlaying) this.play(this.stepsPerTick);
  }
}
