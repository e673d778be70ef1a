/**
 * The main thread's handle on the engine: the training worker, the scoring worker, and the
 * restart after a failure. Imports protocol types only: tfjs never loads on the main thread (a
 * test scans the built main bundle for it). This file is the API the page calls and keeps what
 * the reader chose (config, version, play intent); its rooms do the rest: lifecycle.ts (the
 * training worker's spawn, init, retirement and restart after a failure), connection.ts (one
 * running worker, with its watchdog.ts and lifeline.ts), pending.ts and queries.ts (request
 * ids, routing, replies), scorerLink.ts (the scoring worker), recovery.ts (which backend next,
 * and what to say), record.ts (what a restart keeps), visibility.ts (pause in a hidden tab),
 * options.ts and workers.ts (starting the workers).
 */
import type {
  BackendInfo,
  BackendName,
  EmbeddingsResult,
  HeatmapResult,
  TwinProbeResult,
  ReadyInfo,
  Response,
  ScoreResult,
  SessionConfig,
  WeightsSnapshot,
} from '../protocol';
import { HeldDatasets, type ImportedWorld } from './datasets';
import { readyInfo, TrainingLifecycle } from './lifecycle';
import { PendingRequests } from './pending';
import { at, Queries, timed, type ScoreTimes } from './queries';
export type { ScoreTimes };
import { TrainingRecord } from './record';
import { scorerLink } from './scorerLink';
import { HiddenTabPause, type VisibilitySource } from './visibility';
import { resolveOptions, type TrainerClientOptions } from './options';
import { backendFromSearch, type WorkerLike } from './workers';

export { backendFromSearch, readyInfo };
export type { EmbeddingsResult, ReadyInfo, TrainerClientOptions, VisibilitySource, WorkerLike };

/** What resetKeeping and resume keep of the run they replace. */
export interface KeptRun {
  weights: WeightsSnapshot;
  rewind: WeightsSnapshot[];
}

export class TrainerClient {
  private readonly queries: Queries;
  private readonly lifecycle: TrainingLifecycle;
  private readonly hiddenTab: HiddenTabPause | undefined;
  private readonly listeners = new Set<(r: Response) => void>();
  /** Bumped by every init and reset: progress and the scoring worker carry it. */
  private version = 0;
  /** What every init is built from (lifecycle.ts reads it): the reader's latest choice. */
  private config: SessionConfig | undefined;
  /** The checkpoint, rewind copies and last step: what a restart keeps. */
  private readonly record = new TrainingRecord();
  /** Imported data sets, put into every config the client keeps (datasets.ts). */
  private readonly datasets = new HeldDatasets();
  /** The reader's play intent (kept to resume after a restart or a hidden tab). */
  private playing = false;
  private stepsPerTick = 1;

  constructor(options: TrainerClientOptions = {}) {
    const o = resolveOptions(options);
    const pending = new PendingRequests();
    const running = () => this.lifecycle.worker !== undefined;
    const scorer = scorerLink(o, pending, (r) => this.emit(r));
    this.queries = new Queries({
      pending,
      scorer,
      train: (req) => this.lifecycle.post(req),
      training: running,
      version: () => this.version,
    });
    this.lifecycle = new TrainingLifecycle(
      { options: o, record: this.record, queries: this.queries, scorer },
      {
        config: () => this.config,
        version: () => this.version,
        receive: (r) => this.receive(r),
        emit: (r) => this.emit(r),
        halt: () => {
          const was = this.playing;
          this.playing = false;
          return was;
        },
        play: () => this.play(this.stepsPerTick),
      },
    );
    if (o.visibility) this.hiddenTab = new HiddenTabPause(o.visibility, this, running);
  }

  /** The backend of the running worker, once ready. */
  get backend(): BackendInfo | undefined {
    return this.lifecycle.ready?.backend;
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
    this.config = this.withWorld(config);
    this.record.clear();
    const ready = this.lifecycle.nextReady();
    this.version++;
    this.lifecycle.start();
    return ready;
  }

  step(count = 1): void {
    this.lifecycle.post({ type: 'step', count });
  }

  play(stepsPerTick = this.stepsPerTick): void {
    this.stepsPerTick = stepsPerTick;
    this.playing = true;
    this.hiddenTab?.forget();
    this.lifecycle.post({ type: 'play', stepsPerTick });
  }

  pause(): void {
    this.playing = false;
    this.hiddenTab?.forget();
    this.lifecycle.post({ type: 'pause' });
  }

  /**
   * The reader edited the history or the candidate: ask the training worker to start no slice for
   * `ms`, so the edit's re-score and redraw get the CPU (training resumes by itself).
   */
  yieldToEdit(ms = 150): void {
    const worker = this.lifecycle.worker;
    if (worker && !this.lifecycle.disposed) worker.postMessage({ type: 'yield', ms });
  }

  /** New initial weights from the config (the current one unless given). */
  reset(config?: SessionConfig): void {
    if (config) config = this.config = this.withWorld(config);
    this.playing = false;
    this.record.clear();
    this.version++;
    this.lifecycle.post({ type: 'reset', version: this.version, ...(config ? { config } : {}) });
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
    this.config = this.withWorld(config);
    this.playing = false;
    this.record.resumeFrom(from, rewind);
    this.version++;
    this.lifecycle.sendInit(from);
    return kept;
  }

  /** Hold an imported data set for the configs that name it. */
  addDataset(id: string, world: ImportedWorld): void {
    this.datasets.add(id, world);
  }

  private withWorld(config: SessionConfig): SessionConfig {
    return this.datasets.attach(config);
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
    if (!this.config) return;
    const wasPlaying = this.playing;
    await this.lifecycle.switchTo(backend, wasPlaying, () => {
      this.pause();
      return this.exportState();
    });
  }

  /** Go on training with this learning rate from where it is (the NaN guard's way out). */
  setLearningRate(learningRate: number): void {
    if (this.config)
      this.config = { ...this.config, train: { ...this.config.train, learningRate } };
    this.lifecycle.post({ type: 'setLearningRate', learningRate });
  }

  evaluate(): void {
    this.lifecycle.post({ type: 'evaluate' });
  }

  /**
   * `atStep`: replay with the rewind snapshot at or before that step (result.step says which).
   * `when`: the purchases' times and the candidate's (NaN: unknown), for BST's gaps and the truth.
   */
  async score(
    history: number[],
    candidate: number,
    atStep?: number,
    when?: ScoreTimes,
  ): Promise<ScoreResult> {
    const query = { type: 'score' as const, history, candidate, ...at(atStep), ...timed(when) };
    return (await this.queries.ask(query, 'score')).result;
  }

  /** The bug lab's twins on one pair, live (the training worker holds them). */
  async probeTwins(history: number[], candidate: number): Promise<TwinProbeResult> {
    return (await this.queries.ask({ type: 'twinProbe', history, candidate }, 'twinProbe')).result;
  }

  async heatmap(history: number[], atStep?: number): Promise<HeatmapResult> {
    const r = await this.queries.ask({ type: 'heatmap', history, ...at(atStep) }, 'heatmap');
    return { candidates: r.candidates, weights: r.weights };
  }

  /** Every good's vector (item ⊕ category ⊕ shop) in each model, live or at a rewind step. */
  async embeddings(atStep?: number): Promise<EmbeddingsResult> {
    const r = await this.queries.ask({ type: 'embeddings', ...at(atStep) }, 'embeddings');
    return { step: r.step, goods: r.goods, vectors: r.vectors };
  }

  async exportWeights(): Promise<WeightsSnapshot> {
    return (await this.queries.ask({ type: 'exportWeights' }, 'weights')).weights;
  }

  /** The live weights with their training state (optimizers, data position): enough to resume. */
  async exportState(): Promise<WeightsSnapshot> {
    return (await this.queries.ask({ type: 'exportWeights', training: true }, 'weights')).weights;
  }

  /** Every message from the worker, plus the client's own notices and errors. */
  subscribe(listener: (r: Response) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  dispose(): void {
    this.hiddenTab?.detach();
    this.lifecycle.dispose();
    this.queries.failAll(new Error('TrainerClient disposed'));
    this.listeners.clear();
  }

  private emit(r: Response): void {
    for (const l of [...this.listeners]) l(r);
  }

  /** A message from the training worker, past the lifecycle's own handling. */
  private receive(r: Response): void {
    if (r.type === 'progress') this.playing = r.progress.playing;
    this.queries.settle(r);
    this.emit(r);
  }
}
