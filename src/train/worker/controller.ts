/**
 * All of the training worker's logic, free of tfjs and of the worker globals so it runs in Node
 * tests with a fake session. worker.ts wires it to `self` and to the real TrainingSession.
 */
import { MODEL_NAMES } from '../../model/config';
import { SnapshotStore } from './snapshots';
import {
  CHECKPOINT_ID,
  type BackendInfo,
  type EvalMetrics,
  type ModelName,
  type Progress,
  type Request,
  type Response,
  type ScoreResult,
  type ScorerFeed,
  type SessionConfig,
  type WeightsSnapshot,
} from '../protocol';

/** The part of TrainingSession (session.ts) the controller uses. */
export interface TrainingSessionLike {
  readonly trainSize: number;
  readonly testSize: number;
  readonly counters: { step: number; epoch: number; samplesSeen: number };
  step(): void;
  readLosses(): Promise<{ loss: Record<ModelName, number>; auxLoss: number }>;
  evaluate(): Promise<Record<ModelName, EvalMetrics>>;
  score(history: number[], candidate: number): Promise<ScoreResult>;
  heatmap(history: number[]): Promise<{ candidates: number[]; weights: number[][] }>;
  embeddingMap(): Promise<{ goods: number[]; vectors: Record<ModelName, number[][]> }>;
  exportWeights(): Promise<WeightsSnapshot>;
  importWeights(s: WeightsSnapshot): void;
  dispose(): void;
}

export type InitRequest = Extract<Request, { type: 'init' }>;

export interface ControllerOptions {
  post: (r: Response) => void;
  createSession: (c: SessionConfig) => TrainingSessionLike;
  /** Select and start the tfjs backend for the first init (the worker: backends.selectBackend). */
  selectBackend: (req: InitRequest) => Promise<BackendInfo>;
  /** Run `fn` on a later task so incoming messages are handled between slices (default setTimeout 0). */
  schedule?: (fn: () => void) => void;
  /** Wait `ms` of wall time (default setTimeout): how a slice waits out a 'yield'. */
  sleep?: (ms: number) => Promise<void>;
  /** Wall clock in ms (default performance.now / Date.now). */
  now?: () => number;
  /** Read losses back at most this often while playing (ms). */
  progressIntervalMs?: number;
  /** …but at least every this many steps, so the GPU queue stays short. */
  maxStepsPerRead?: number;
  /** Keep a snapshot of good weights (and post it as a checkpoint) at most this often (ms). */
  checkpointIntervalMs?: number;
  /** Stop a Play slice early once it has run this long (ms; default 40). */
  sliceBudgetMs?: number;
  /** Rewind snapshots (default: 32 kept, first every 20 steps). */
  snapshots?: SnapshotStore;
}

/** Thrown by session work whose failure means the backend is broken (posted with fatal: true). */
class BackendFailure extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'BackendFailure';
  }
}

function nanLosses(): Record<ModelName, number> {
  const r = {} as Record<ModelName, number>;
  for (const m of MODEL_NAMES) r[m] = NaN;
  return r;
}

function allFinite(snapshot: WeightsSnapshot): boolean {
  for (const m of MODEL_NAMES) {
    for (const t of snapshot.tensors[m] ?? []) {
      for (const v of t.values) if (!Number.isFinite(v)) return false;
    }
  }
  return true;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class WorkerController {
  private readonly post: (r: Response) => void;
  private readonly opts: ControllerOptions;
  private readonly schedule: (fn: () => void) => void;
  private readonly now: () => number;
  private readonly progressIntervalMs: number;
  private readonly maxStepsPerRead: number;
  private readonly checkpointIntervalMs: number;
  private readonly sliceBudgetMs: number;

  private backend: BackendInfo | undefined;
  private session: TrainingSessionLike | undefined;
  private config: SessionConfig | undefined;
  /** Bumped by init/reset: a loop of an older generation stops. */
  private generation = 0;
  private playing = false;
  private stepsPerTick = 1;
  private pendingSteps = 0;
  private loopActive = false;
  private dead = false;
  /** Serialises all session work: a slice of steps, a readback, a score… never interleave. */
  private lock: Promise<unknown> = Promise.resolve();
  /** Requests that arrive while an init is running wait for it, in arrival order. */
  private initDone: Promise<void> = Promise.resolve();

  /** No training slice starts before this time (a 'yield' after the reader's edit). */
  private holdUntil = -Infinity;
  private stepsSinceRead = 0;
  private lastReadAt = -Infinity;
  private lastEvalStep = 0;
  private lastProgress: Progress | undefined;
  private lastGood: WeightsSnapshot | undefined;
  private lastSnapshotAt = -Infinity;
  private readonly rewind: SnapshotStore;
  /** The config version of the page's init/reset (passed on to the scoring worker). */
  private version = 0;
  /** The scoring worker's feed, once the page has connected one. */
  private feed: ((m: ScorerFeed) => void) | undefined;

  constructor(opts: ControllerOptions) {
    this.opts = opts;
    this.rewind = opts.snapshots ?? new SnapshotStore();
    this.post = opts.post;
    this.schedule = opts.schedule ?? ((fn) => setTimeout(fn, 0));
    this.now =
      opts.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
    this.progressIntervalMs = opts.progressIntervalMs ?? 250;
    this.maxStepsPerRead = opts.maxStepsPerRead ?? 50;
    this.checkpointIntervalMs = opts.checkpointIntervalMs ?? 5000;
    this.sliceBudgetMs = opts.sliceBudgetMs ?? 40;
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  /**
   * Start feeding a scoring worker: the session's config, then live weights after every report
   * and each rewind snapshot. A feed connected mid-session gets the current state at once.
   */
  connectFeed(feed: (m: ScorerFeed) => void): Promise<void> {
    this.feed = feed;
    return this.exclusive(async () => {
      if (!this.session || this.feed !== feed || !this.config) return;
      feed({ type: 'session', version: this.version, config: this.config });
      for (const weights of this.rewind.all())
        feed({ type: 'weights', version: this.version, weights, rewind: true });
      await this.publishLive();
    }).catch((e: unknown) => this.fail(e));
  }

  /** Resolves when the request's immediate work is done (a play loop keeps running after). */
  async handle(req: Request): Promise<void> {
    const id = 'id' in req ? req.id : undefined;
    if (req.type === 'init') {
      const run = this.initDone.then(() => this.guard(() => this.init(req)));
      this.initDone = run;
      return run;
    }
    await this.initDone;
    return this.guard(() => this.dispatch(req), id);
  }

  private async guard(fn: () => Promise<void>, id?: number): Promise<void> {
    try {
      await fn();
    } catch (e) {
      this.fail(e, id);
    }
  }

  private async dispatch(req: Exclude<Request, InitRequest>): Promise<void> {
    const id = 'id' in req ? req.id : undefined;
    if (this.dead && req.type !== 'pause') {
      this.post({
        type: 'error',
        message: 'The training backend has failed; this worker is stopped.',
        fatal: false,
        id,
      });
      return;
    }
    if (!this.session && req.type !== 'pause') {
      this.post({ type: 'error', message: `'${req.type}' before 'init'`, fatal: false, id });
      return;
    }
    switch (req.type) {
      case 'step':
        if (!this.playing) this.pendingSteps += Math.max(0, Math.floor(req.count));
        this.startLoop();
        return;
      case 'play':
        this.stepsPerTick = Math.max(1, Math.floor(req.stepsPerTick) || 1);
        this.playing = true;
        this.pendingSteps = 0;
        this.startLoop();
        return;
      case 'pause':
        return this.pause();
      case 'yield':
        this.holdUntil = Math.max(this.holdUntil, this.now() + Math.min(500, Math.max(0, req.ms)));
        return;
      case 'reset':
        this.version = req.version ?? this.version + 1;
        return await this.exclusive(() => this.reset(req.config ?? this.config));
      case 'score': {
        const result = await this.exclusive(() =>
          this.atStep(req.atStep, (s) => s.score(req.history, req.candidate)),
        );
        this.post({ type: 'score', id: req.id, result });
        return;
      }
      case 'heatmap': {
        const r = await this.exclusive(() =>
          this.atStep(req.atStep, (s) => s.heatmap(req.history)),
        );
        this.post({ type: 'heatmap', id: req.id, candidates: r.candidates, weights: r.weights });
        return;
      }
      case 'embeddings': {
        const r = await this.exclusive(() =>
          this.atStep(req.atStep, async (s) => ({
            ...(await s.embeddingMap()),
            step: s.counters.step,
          })),
        );
        this.post({ type: 'embeddings', id: req.id, ...r });
        return;
      }
      case 'evaluate':
        return await this.exclusive(() => this.report({ forceEval: true }));
      case 'feed': {
        const port = req.port;
        return await this.connectFeed((m) => port.postMessage(m));
      }
      case 'exportWeights': {
        const weights = await this.exclusive(() => this.session!.exportWeights());
        this.post({ type: 'weights', id: req.id, weights });
        return;
      }
      default: {
        const unknown: never = req;
        throw new Error(`Unknown request ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Post an error; a backend failure stops this worker for good. */
  fail(e: unknown, id?: number): void {
    const fatal = e instanceof BackendFailure;
    if (fatal) {
      this.dead = true;
      this.playing = false;
      this.pendingSteps = 0;
    }
    this.post({
      type: 'error',
      message: message(e),
      fatal,
      ...(id !== undefined ? { id } : {}),
      ...(fatal && this.backend ? { backend: this.backend.name } : {}),
    });
  }

  /** Report a backend loss noticed outside a request (device lost): fatal. */
  backendLost(reason: string): void {
    if (this.dead) return;
    this.fail(new BackendFailure(reason));
  }

  /**
   * Runs `fn` with the rewind snapshot at or before `step` loaded, then puts the live weights
   * back: replaying an earlier step never disturbs training, which continues from the latest.
   */
  private async atStep<T>(
    step: number | undefined,
    fn: (s: TrainingSessionLike) => Promise<T>,
  ): Promise<T> {
    const session = this.session!;
    const snap = step === undefined ? undefined : this.rewind.at(step);
    if (!snap || snap.step >= session.counters.step) return fn(session);
    const live = await this.backendWork(() => session.exportWeights());
    await this.backendWork(() => session.importWeights(snap));
    try {
      return await fn(session);
    } finally {
      await this.backendWork(() => session.importWeights(live));
    }
  }

  private exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.lock.then(fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** Session work whose failure means the backend is broken. */
  private async backendWork<T>(fn: () => Promise<T> | T): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw e instanceof BackendFailure ? e : new BackendFailure(e);
    }
  }

  private async init(req: InitRequest): Promise<void> {
    this.generation++;
    this.version = req.version ?? this.version + 1;
    this.playing = false;
    this.pendingSteps = 0;
    if (!this.backend) {
      this.backend = await this.backendWork(() => this.opts.selectBackend(req));
    } else if (req.backend && req.backend !== this.backend.name) {
      this.post({
        type: 'notice',
        level: 'info',
        message: `This worker already runs on ${this.backend.name}; a new worker is needed to switch backends.`,
      });
    }
    await this.exclusive(async () => {
      this.session?.dispose();
      this.session = undefined;
      const session = await this.backendWork(() => this.opts.createSession(req.config));
      this.session = session;
      this.config = req.config;
      if (req.weights) await this.backendWork(() => session.importWeights(req.weights!));
      this.post({
        type: 'ready',
        backend: this.backend!,
        trainSize: session.trainSize,
        testSize: session.testSize,
      });
      await this.start();
    });
  }

  private async reset(config: SessionConfig | undefined): Promise<void> {
    if (!config) throw new Error("'reset' before 'init'");
    this.generation++;
    this.playing = false;
    this.pendingSteps = 0;
    this.session?.dispose();
    this.session = undefined;
    this.session = await this.backendWork(() => this.opts.createSession(config));
    this.config = config;
    await this.start();
  }

  /** After a session is (re)created: evaluate at its current step, snapshot, post progress. */
  private async start(): Promise<void> {
    const session = this.session!;
    this.stepsSinceRead = 0;
    this.lastReadAt = this.now();
    this.lastEvalStep = session.counters.step;
    this.lastGood = undefined;
    this.lastSnapshotAt = -Infinity;
    this.rewind.clear();
    if (this.config) this.feed?.({ type: 'session', version: this.version, config: this.config });
    // The initial weights first: they reach the scoring worker before the (slower) evaluation.
    await this.snapshot();
    const test = await this.backendWork(() => session.evaluate());
    this.lastProgress = {
      ...this.counters(),
      loss: nanLosses(),
      auxLoss: NaN,
      test,
      testStep: session.counters.step,
      playing: false,
    };
    this.post({ type: 'progress', progress: this.lastProgress });
  }

  private counters(): { step: number; epoch: number; samplesSeen: number; version: number } {
    const c = this.session!.counters;
    return { step: c.step, epoch: c.epoch, samplesSeen: c.samplesSeen, version: this.version };
  }

  private pause(): void {
    const wasActive = this.playing || this.pendingSteps > 0;
    this.playing = false;
    this.pendingSteps = 0;
    // A running loop posts the final progress itself when its slice ends.
    if (!this.loopActive && this.lastProgress && !wasActive) {
      this.lastProgress = { ...this.lastProgress, playing: false };
      this.post({ type: 'progress', progress: this.lastProgress });
    }
  }

  private startLoop(): void {
    if (this.loopActive) return;
    this.loopActive = true;
    void this.loop(this.generation).finally(() => {
      this.loopActive = false;
    });
  }

  private yieldTask(): Promise<void> {
    return new Promise((resolve) => this.schedule(resolve));
  }

  private async loop(generation: number): Promise<void> {
    const current = () => generation === this.generation && !this.dead;
    try {
      while (current() && (this.playing || this.pendingSteps > 0)) {
        const hold = this.holdUntil - this.now();
        if (hold > 0) {
          await (this.opts.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms))))(hold);
          continue;
        }
        const manual = !this.playing;
        await this.exclusive(async () => {
          if (!current()) return;
          const n = this.playing ? this.stepsPerTick : 1;
          // A slice ends after `speed` steps or once it has used its time budget, whichever is
          // first, so a Score or Pause from the page waits for at most about one step.
          const sliceStart = this.now();
          await this.backendWork(() => {
            for (let i = 0; i < n; i++) {
              this.session!.step();
              this.stepsSinceRead++;
              if (this.now() - sliceStart >= this.sliceBudgetMs) break;
            }
          });
          if (manual) this.pendingSteps = Math.max(0, this.pendingSteps - 1);
          const manualDone = manual && this.pendingSteps === 0;
          const stopped = !this.playing && !manual;
          if (manualDone || stopped || this.readDue() || this.evalDue()) await this.report({});
        });
        await this.yieldTask();
      }
      // Paused mid-run with steps not yet read back: report the final state once.
      if (current() && this.stepsSinceRead > 0) await this.exclusive(() => this.report({}));
      else if (current() && this.lastProgress?.playing) {
        this.lastProgress = { ...this.lastProgress, playing: false };
        this.post({ type: 'progress', progress: this.lastProgress });
      }
    } catch (e) {
      this.fail(e);
    }
  }

  private readDue(): boolean {
    if (this.stepsSinceRead === 0) return false;
    if (this.stepsSinceRead >= this.maxStepsPerRead) return true;
    return this.now() - this.lastReadAt >= this.progressIntervalMs;
  }

  private evalDue(): boolean {
    const every = this.config?.train.evalEvery ?? 0;
    return every > 0 && this.session!.counters.step - this.lastEvalStep >= every;
  }

  /** One readback of the losses (+ evaluation when due), the NaN guard, then a progress message. */
  private async report({ forceEval = false }: { forceEval?: boolean }): Promise<void> {
    const session = this.session;
    if (!session) return;
    let loss: Record<ModelName, number>;
    let auxLoss: number;
    if (this.stepsSinceRead > 0 || !this.lastProgress) {
      ({ loss, auxLoss } = await this.backendWork(() => session.readLosses()));
    } else {
      ({ loss, auxLoss } = this.lastProgress);
    }
    this.stepsSinceRead = 0;
    this.lastReadAt = this.now();
    // The NaN guard: a diverged step must not reach the curves or the checkpoints.
    if (
      ![...MODEL_NAMES.map((m) => loss[m]), auxLoss].every(Number.isFinite) &&
      session.counters.step > 0
    ) {
      return this.recoverFromDivergence(loss, auxLoss);
    }

    let test = this.lastProgress?.test;
    let testStep = this.lastProgress?.testStep;
    let checkpoint = this.rewind.due(session.counters.step);
    if (forceEval || this.evalDue()) {
      test = await this.backendWork(() => session.evaluate());
      testStep = session.counters.step;
      this.lastEvalStep = testStep;
      if (this.now() - this.lastSnapshotAt >= this.checkpointIntervalMs) checkpoint = true;
    }
    // One export at most per report; the scoring worker gets the weights behind every report.
    const published = checkpoint && (await this.snapshot());
    if (!published && this.feed) await this.publishLive();

    this.lastProgress = {
      ...this.counters(),
      loss,
      auxLoss,
      test,
      testStep,
      playing: this.playing,
    };
    this.post({ type: 'progress', progress: this.lastProgress });
  }

  /**
   * Keep the current weights as the last good ones (if finite), post them as a checkpoint, and
   * file them as a rewind snapshot when one is due.
   */
  private async snapshot(): Promise<boolean> {
    const session = this.session!;
    const weights = await this.backendWork(() => session.exportWeights());
    this.lastSnapshotAt = this.now();
    if (!allFinite(weights)) return false;
    this.lastGood = weights;
    this.post({ type: 'weights', id: CHECKPOINT_ID, weights });
    const rewind = this.rewind.due(weights.step);
    if (rewind) {
      this.rewind.add(weights);
      this.post({ type: 'snapshots', steps: this.rewind.steps() });
    }
    this.feed?.({ type: 'weights', version: this.version, weights, rewind });
    return true;
  }

  /** Send the live weights to the scoring worker. */
  private async publishLive(): Promise<void> {
    const session = this.session!;
    const weights = await this.backendWork(() => session.exportWeights());
    this.feed?.({ type: 'weights', version: this.version, weights, rewind: false });
  }

  private async recoverFromDivergence(
    loss: Record<ModelName, number>,
    auxLoss: number,
  ): Promise<void> {
    const session = this.session!;
    const divergedAt = session.counters.step;
    this.playing = false;
    this.pendingSteps = 0;
    const which = MODEL_NAMES.filter((m) => !Number.isFinite(loss[m]));
    if (!Number.isFinite(auxLoss) && !which.includes('dien')) which.push('dien');
    const lr = this.config?.train.learningRate;
    let restored = '';
    if (this.lastGood) {
      const good = this.lastGood;
      await this.backendWork(() => session.importWeights(good));
      restored = ` Restored the weights of step ${good.step}.`;
      this.feed?.({ type: 'weights', version: this.version, weights: good, rewind: false });
    }
    this.post({
      type: 'notice',
      level: 'warning',
      message:
        `Training diverged at step ${divergedAt} (non-finite loss: ${which.join(', ')}). Paused.${restored} ` +
        `Try a lower learning rate${lr !== undefined ? ` than ${lr}` : ''}.`,
    });
    const prev = this.lastProgress;
    this.lastProgress = {
      ...this.counters(),
      loss: prev?.loss ?? nanLosses(),
      auxLoss: prev?.auxLoss ?? NaN,
      test: prev?.test,
      testStep: prev?.testStep,
      playing: false,
    };
    this.post({ type: 'progress', progress: this.lastProgress });
  }
}
