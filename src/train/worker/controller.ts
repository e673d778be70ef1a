/**
 * The training worker's request dispatch, free of tfjs and of the worker globals so it runs in
 * Node tests with a fake session; worker.ts wires it to `self` and to the real TrainingSession.
 * The rooms it uses: loop.ts (Play / Step / yield pacing), reporter.ts (readback, NaN guard,
 * evaluation, progress; reportClock.ts says when), checkpoints.ts (good weights, rewind
 * snapshots, the scoring worker's feed), serial.ts (one queue for all session work).
 */
import { errorText } from '../../lib/errorText';
import type {
  BackendInfo,
  InitRequest,
  Request,
  Response,
  ScorerFeed,
  SessionConfig,
  WeightsSnapshot,
} from '../protocol';
import { Checkpoints } from './checkpoints';
import { checkBudget, kernelsInfo, type ControllerOptions } from './controllerOptions';
import { BackendFailure, backendWork } from './failure';
import { PlayLoop } from './loop';
import { ReportClock } from './reportClock';
import { Reporter } from './reporter';
import { Serial } from './serial';
import { SnapshotStore } from './snapshots';
import type { TrainingSessionLike } from './session';
import { answer } from './answers';
import { runSlice } from './slice';

export type { ControllerOptions, InitRequest, TrainingSessionLike };

export class WorkerController {
  private readonly post: (r: Response) => void;
  private readonly opts: ControllerOptions;
  private readonly now: () => number;
  private readonly sliceBudgetMs: number;
  private readonly loop: PlayLoop;
  private readonly clock: ReportClock;
  private readonly checkpoints: Checkpoints;
  private readonly reporter: Reporter;
  private readonly serial = new Serial();

  private backend: BackendInfo | undefined;
  private session: TrainingSessionLike | undefined;
  private config: SessionConfig | undefined;
  /** The config version of the page's last init/reset: a loop of an older one stops. */
  private version = 0;
  private dead = false;
  /** Requests that arrive while an init is running wait for it, in arrival order. */
  private initDone: Promise<void> = Promise.resolve();

  constructor(opts: ControllerOptions) {
    this.opts = opts;
    this.post = opts.post;
    this.now =
      opts.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
    this.sliceBudgetMs = opts.sliceBudgetMs ?? 40;
    this.loop = new PlayLoop({
      schedule: opts.schedule ?? ((fn) => setTimeout(fn, 0)),
      sleep: opts.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms))),
      now: this.now,
    });
    this.clock = new ReportClock(
      this.now,
      opts.progressIntervalMs ?? 250,
      opts.maxStepsPerRead ?? 50,
    );
    this.checkpoints = new Checkpoints({
      post: this.post,
      now: this.now,
      intervalMs: opts.checkpointIntervalMs ?? 5000,
      rewind: opts.snapshots ?? new SnapshotStore(),
      version: () => this.version,
    });
    this.reporter = new Reporter({
      post: this.post,
      loop: this.loop,
      clock: this.clock,
      checkpoints: this.checkpoints,
      version: () => this.version,
      config: () => this.config,
    });
  }

  get isPlaying(): boolean {
    return this.loop.playing;
  }

  /**
   * Start feeding a scoring worker: the session's config, then live weights after every report
   * and each rewind snapshot. A feed connected mid-session gets the current state at once.
   */
  connectFeed(feed: (m: ScorerFeed) => void): Promise<void> {
    return this.serial
      .run(async () => {
        const session = this.session;
        this.checkpoints.connect(feed, session ? this.config : undefined);
        if (session) await this.checkpoints.publishLive(session);
      })
      .catch((e: unknown) => this.fail(e));
  }

  /** Resolves when the request's immediate work is done (a play loop keeps running after). */
  async handle(req: Request): Promise<void> {
    // The watchdog's question is answered even while an init runs.
    if (req.type === 'ping') return this.post({ type: 'pong' });
    if (req.type === 'init') {
      const run = this.initDone.then(() => this.guard(() => this.init(req)));
      this.initDone = run;
      return run;
    }
    await this.initDone;
    return this.guard(() => this.dispatch(req), 'id' in req ? req.id : undefined);
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
    if (req.type !== 'pause' && (this.dead || !this.session)) {
      const message = this.dead
        ? 'The training backend has failed; this worker is stopped.'
        : `'${req.type}' before 'init'`;
      this.post({ type: 'error', message, fatal: false, id });
      return;
    }
    switch (req.type) {
      case 'step':
        this.loop.step(req.count);
        return this.startLoop();
      case 'play':
        this.loop.play(req.stepsPerTick);
        return this.startLoop();
      case 'pause':
        return this.pause();
      case 'ping':
        return this.post({ type: 'pong' });
      case 'holdLock':
        return; // the wiring holds the lifeline (wiring.ts)
      case 'yield':
        return this.loop.hold(req.ms);
      case 'reset': {
        // Stop at once; the new version starts inside the queue, after any slice queued before
        // it, so that slice still reports its own (old) version.
        this.loop.stop();
        const version = req.version ?? this.version + 1;
        return await this.serial.run(() => this.reset(req.config ?? this.config, version));
      }
      case 'score':
      case 'heatmap':
      case 'embeddings':
      case 'twinProbe':
      case 'exportWeights':
        return this.post(
          await answer(req, {
            session: this.session!,
            viewWork: (step, fn) => this.viewWork(step, fn),
            queued: (fn) => this.serial.run(fn),
          }),
        );
      case 'setLearningRate': {
        const lr = req.learningRate;
        if (!(lr > 0 && lr < 1)) throw new Error(`learning rate must be in (0, 1), got ${lr}`);
        return await this.serial.run(() => {
          this.session!.setLearningRate?.(lr);
          if (this.config)
            this.config = { ...this.config, train: { ...this.config.train, learningRate: lr } };
        });
      }
      case 'evaluate':
        return await this.serial.run(() => this.report(true));
      case 'feed': {
        const port = req.port;
        return await this.connectFeed((m) => port.postMessage(m));
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
      this.loop.stop();
    }
    this.post({
      type: 'error',
      message: errorText(e),
      fatal,
      ...(id !== undefined ? { id } : {}),
      ...(fatal && this.backend ? { backend: this.backend.name } : {}),
      ...(fatal ? { kind: e.kind } : {}),
    });
  }

  /** Report a backend loss noticed outside a request (device lost): fatal. */
  backendLost(reason: string): void {
    if (this.dead) return;
    this.fail(new BackendFailure(reason, 'backend'));
  }

  /** View work in the queue, at a rewind step when one is asked for (checkpoints.replay). */
  private viewWork<T>(
    step: number | undefined,
    fn: (s: TrainingSessionLike) => Promise<T>,
  ): Promise<T> {
    return this.serial.run(() => this.checkpoints.replay(this.session!, step, fn));
  }

  private async init(req: InitRequest): Promise<void> {
    const version = req.version ?? this.version + 1;
    this.loop.stop();
    // Before any model is built; absent means on (an older page, the tests).
    this.opts.kernels?.set(req.fusedKernels !== false);
    if (!this.backend) {
      try {
        this.backend = await this.opts.selectBackend(req);
      } catch (e) {
        throw new BackendFailure(e, 'backend');
      }
    } else if (req.backend && req.backend !== this.backend.name) {
      this.post({
        type: 'notice',
        level: 'info',
        message: `This worker already runs on ${this.backend.name}; a new worker is needed to switch backends.`,
      });
    }
    await this.serial.run(() => this.replaceSession(req.config, version, req.weights, req.rewind));
  }

  private async reset(config: SessionConfig | undefined, version: number): Promise<void> {
    if (!config) throw new Error("'reset' before 'init'");
    await this.replaceSession(config, version);
  }

  /**
   * The session of an init or a reset: built for `config` (from `weights` when given, keeping the
   * `rewind` snapshots up to their step), announced, and evaluated where it starts.
   */
  private async replaceSession(
    config: SessionConfig,
    version: number,
    weights?: WeightsSnapshot,
    rewind?: readonly WeightsSnapshot[],
  ): Promise<void> {
    checkBudget(config);
    this.version = version;
    this.loop.stop();
    this.session?.dispose();
    this.session = undefined;
    const session = await backendWork(() => this.opts.createSession(config));
    this.session = session;
    this.config = config;
    if (weights) await backendWork(() => session.importWeights(weights));
    // A new config may mean a new world: its data sizes and test ceiling.
    this.postReady(session);
    await this.reporter.restart(session, rewind);
  }

  private postReady(session: TrainingSessionLike): void {
    this.post({
      type: 'ready',
      backend: this.backend!,
      trainSize: session.trainSize,
      testSize: session.testSize,
      bayesAuc: session.ceiling?.bayesAuc,
      testPositives: session.ceiling?.testPositives,
      testNegatives: session.ceiling?.testNegatives,
      ...kernelsInfo(this.opts.kernels, this.config),
    });
  }

  private pause(): void {
    const wasActive = this.loop.stop();
    // A running loop posts the final progress itself when its slice ends.
    if (!this.loop.running && !wasActive) this.reporter.postPaused();
  }

  private startLoop(): void {
    const version = this.version;
    const current = () => version === this.version && !this.dead;
    this.loop.start(current, {
      slice: (manual) => this.serial.run(() => (current() ? this.slice(manual) : undefined)),
      // Stopped mid-run with steps not yet read back: report the final state once.
      finish: async () => {
        if (this.clock.unread > 0) await this.serial.run(() => this.report());
        else if (this.reporter.last?.playing) this.reporter.postPaused();
      },
      fail: (e) => this.fail(e),
    });
  }

  private report(forceEval = false): Promise<void> {
    return this.session ? this.reporter.report(this.session, forceEval) : Promise.resolve();
  }

  private slice(manual: boolean): Promise<void> {
    const { loop, clock, reporter, now, sliceBudgetMs: budgetMs } = this;
    return runSlice({ session: this.session!, loop, clock, reporter, now, budgetMs }, manual);
  }
}
