/**
 * The main thread's handle on the engine: the training worker, the scoring worker, and the
 * restart after a failure. Imports protocol types only: tfjs never loads on the main thread (a
 * test scans the built main bundle for it). Its rooms: connection.ts (one running worker, with
 * its watchdog.ts and lifeline.ts), pending.ts and queries.ts (requests and replies),
 * scorerLink.ts (the scoring worker), recovery.ts (which backend next, and what to say),
 * record.ts (what a restart keeps), visibility.ts (pause in a hidden tab), options.ts and
 * workers.ts (starting the workers).
 */
import { asError } from '../../lib/errorText';
import {
  CHECKPOINT_ID,
  type BackendInfo,
  type BackendName,
  type EmbeddingsResult,
  type ErrorResponse,
  type HeatmapResult,
  type TwinProbeResult,
  type QueryRequest,
  type ReadyInfo,
  type Request,
  type Response,
  type ScoreResult,
  type SessionConfig,
  type WeightsSnapshot,
} from '../protocol';
import { WorkerConnection, type ConnectionOptions } from './connection';
import type { LockManagerLike } from './lifeline';
import { PendingRequests } from './pending';
import { at, isViewRequest, replyOf, type Query } from './queries';
import { TrainingRecord } from './record';
import { RestartPolicy } from './recovery';
import { ScorerLink } from './scorerLink';
import { HiddenTabPause, type VisibilitySource } from './visibility';
import { resolveOptions, type TrainerClientOptions } from './options';
import { backendFromSearch, type WorkerLike } from './workers';

export { backendFromSearch };
export type { TrainerClientOptions };

export type { EmbeddingsResult, ReadyInfo, VisibilitySource, WorkerLike };

/** What resetKeeping and resume keep of the run they replace. */
export interface KeptRun {
  weights: WeightsSnapshot;
  rewind: WeightsSnapshot[];
}

export class TrainerClient {
  private readonly createWorker: () => WorkerLike;
  private readonly pending = new PendingRequests();
  private readonly scorer: ScorerLink | undefined;
  private readonly restarts: RestartPolicy;
  private readonly hiddenTab: HiddenTabPause | undefined;
  private readonly listeners = new Set<(r: Response) => void>();
  private readonly watchdogOptions: ConnectionOptions['watchdog'];
  private readonly locks: LockManagerLike | null;
  private conn: WorkerConnection | undefined;
  /** Bumped by every init and reset: progress and the scoring worker carry it. */
  private version = 0;
  private config: SessionConfig | undefined;
  private info: ReadyInfo | undefined;
  private readyWaiters: { resolve: (r: ReadyInfo) => void; reject: (e: Error) => void }[] = [];
  /** The checkpoint, rewind copies and last step: what a restart keeps. */
  private readonly record = new TrainingRecord();
  /** The reader's play intent (kept to resume after a restart or a hidden tab). */
  private playing = false;
  private stepsPerTick = 1;
  private disposed = false;
  /** The backend the last init asked for (a worker that dies before 'ready' names none). */
  private requested: BackendName | undefined;

  constructor(options: TrainerClientOptions = {}) {
    const o = resolveOptions(options);
    this.restarts = new RestartPolicy(o.backend);
    this.createWorker = o.createWorker;
    this.watchdogOptions = o.watchdog;
    this.locks = o.locks;
    if (o.createScorer)
      this.scorer = new ScorerLink({
        create: o.createScorer,
        pending: this.pending,
        emit: (r) => this.emit(r),
        watchdog: o.watchdog,
        locks: o.locks,
      });
    if (o.visibility)
      this.hiddenTab = new HiddenTabPause(o.visibility, this, () => this.worker !== undefined);
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
    return this.record.checkpoint;
  }

  /** The steps rewind snapshots exist for (the worker's latest 'snapshots' message; [] before). */
  get snapshotSteps(): readonly number[] {
    return this.record.snapshots;
  }

  /** The page's copies of the rewind snapshots up to `upTo` (what an autosave keeps with a checkpoint). */
  rewindCopies(upTo: number): WeightsSnapshot[] {
    return this.record.rewindUpTo(upTo);
  }

  /** Start the worker (once) and set up world and models; resolves when the worker is ready. */
  init(config: SessionConfig): Promise<ReadyInfo> {
    this.config = config;
    this.record.clear();
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
    this.record.clear();
    this.version++;
    this.send({ type: 'reset', version: this.version, ...(config ? { config } : {}) });
  }

  /** The config version the last init, reset or resume numbered (progress carries it). */
  get configVersion(): number {
    return this.version;
  }

  /**
   * A reset that keeps the old run: its weights with the training state, exported in the same
   * serial queue just before the reset (so exactly the old run's), and its rewind snapshots.
   */
  resetKeeping(config: SessionConfig): Promise<KeptRun> {
    const kept = this.keep();
    this.reset(config);
    return kept;
  }

  /**
   * Go on training a kept run from its weights and training state on the running worker (a new
   * config version), with its rewind snapshots; the run being replaced is kept as resetKeeping
   * keeps it.
   */
  resume(
    config: SessionConfig,
    from: WeightsSnapshot,
    rewind: WeightsSnapshot[] = [],
  ): Promise<KeptRun> {
    const kept = this.keep();
    this.config = config;
    this.playing = false;
    this.record.clear();
    this.record.restore(rewind);
    // A crash before its first checkpoint restarts from where it was resumed, not from scratch.
    this.record.checkpoint = from;
    this.version++;
    this.sendInit(config, from);
    return kept;
  }

  /** The running run's weights (asked now, answered in queue order) and its rewind copies. */
  private keep(): Promise<KeptRun> {
    const rewind = this.record.rewindUpTo(Infinity);
    return this.exportState().then((weights) => ({ weights, rewind }));
  }

  /**
   * Train on another backend (undefined: the automatic choice) from exactly where training is:
   * the running worker hands over its weights and training state, and a new worker goes on from
   * them on the chosen backend, with the rewind snapshots, playing if it was.
   */
  async switchBackend(backend: BackendName | undefined): Promise<void> {
    if (!this.config || this.disposed) return;
    const wasPlaying = this.playing;
    let from = this.record.checkpoint;
    if (this.worker && this.info) {
      this.pause();
      try {
        from = await this.exportState();
      } catch {
        // The worker could not hand over: the last checkpoint will do.
      }
    }
    if (this.disposed) return;
    this.restarts.choose(backend);
    this.pending.rejectAll(new Error('switching backend'), this.scorer?.inFlight);
    this.restart(from, wasPlaying);
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
    return (await this.ask({ type: 'score', history, candidate, ...at(atStep) }, 'score')).result;
  }

  /** The bug lab's twins on one pair, live (the training worker holds them). */
  async probeTwins(history: number[], candidate: number): Promise<TwinProbeResult> {
    return (await this.ask({ type: 'twinProbe', history, candidate }, 'twinProbe')).result;
  }

  async heatmap(history: number[], atStep?: number): Promise<HeatmapResult> {
    const r = await this.ask({ type: 'heatmap', history, ...at(atStep) }, 'heatmap');
    return { candidates: r.candidates, weights: r.weights };
  }

  /** Every good's vector (item ⊕ category ⊕ shop) in each model, live or at a rewind step. */
  async embeddings(atStep?: number): Promise<EmbeddingsResult> {
    const r = await this.ask({ type: 'embeddings', ...at(atStep) }, 'embeddings');
    return { step: r.step, goods: r.goods, vectors: r.vectors };
  }

  async exportWeights(): Promise<WeightsSnapshot> {
    return (await this.ask({ type: 'exportWeights' }, 'weights')).weights;
  }

  /** The live weights with their training state (optimizers, data position): enough to resume. */
  async exportState(): Promise<WeightsSnapshot> {
    return (await this.ask({ type: 'exportWeights', training: true }, 'weights')).weights;
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
    const conn = new WorkerConnection(this.createWorker(), {
      watchdog: this.watchdogOptions,
      locks: this.locks,
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

  /** The running training worker, if any. */
  private get worker(): WorkerLike | undefined {
    return this.conn?.worker;
  }

  /** `weights`: restart from this checkpoint, with the rewind snapshots up to its step. */
  private sendInit(config: SessionConfig, weights?: WeightsSnapshot): void {
    const backend = this.restarts.backendRequest();
    this.requested = backend.backend;
    const rewind = weights ? this.record.rewindUpTo(weights.step) : [];
    this.send({
      type: 'init',
      config,
      version: this.version,
      ...backend,
      ...(weights ? { weights } : {}),
      ...(rewind.length > 0 ? { rewind } : {}),
    });
  }

  /** End the running worker on purpose. */
  private retire(): void {
    this.conn?.retire();
    this.conn = undefined;
  }

  private send(req: Request): void {
    if (this.disposed) return;
    if (!this.worker) {
      if (req.type === 'pause') return;
      throw new Error('TrainerClient: call init() first');
    }
    this.conn!.post(req);
  }

  /** A query whose reply must be of type `type`. */
  private async ask<T extends Response['type']>(query: Query, type: T) {
    return replyOf(await this.request(query), type);
  }

  /** Views go to the scoring worker while it is up, everything else to the training worker. */
  private request(query: Query): Promise<Response> {
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
    this.record.note(r, this.version);
    switch (r.type) {
      case 'ready': {
        this.info = readyInfo(r);
        for (const w of this.readyWaiters.splice(0)) w.resolve(this.info);
        break;
      }
      case 'progress':
        this.playing = r.progress.playing;
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
    const plan = this.restarts.plan(failed, r, this.record.checkpoint?.step, this.record.lastStep);
    const restart = plan.restart && this.config !== undefined && !this.disposed;
    if (restart || !plan.restart)
      this.emit({ type: 'notice', level: 'warning', message: plan.notice, detail: plan.detail });
    if (!restart) {
      const err = new Error(`Training stopped: ${r.message}`);
      for (const w of this.readyWaiters.splice(0)) w.reject(err);
      return;
    }
    this.restart(this.record.checkpoint, wasPlaying);
  }

  /** A new training worker from `from` (the first weights when undefined). */
  private restart(from: WeightsSnapshot | undefined, play: boolean): void {
    this.retire();
    this.info = undefined;
    this.spawn();
    this.sendInit(this.config!, from);
    this.scorer?.connect(this.worker!);
    if (play) this.play(this.stepsPerTick);
  }
}

/** What a 'ready' message says about the worker's session, without the message's type. */
export function readyInfo(r: ReadyInfo): ReadyInfo {
  const { backend, trainSize, testSize, bayesAuc, testPositives, testNegatives } = r;
  return { backend, trainSize, testSize, bayesAuc, testPositives, testNegatives };
}
