/**
 * The main thread's handle on the training worker. Imports protocol types only: tfjs never loads
 * on the main thread (a test scans the built main bundle for it).
 */
import {
  BACKEND_ORDER,
  CHECKPOINT_ID,
  SCORER_NAME,
  type BackendInfo,
  type BackendName,
  type Request,
  type Response,
  type ScoreRequest,
  type ScoreResult,
  type ScorerRequest,
  type SessionConfig,
  type WeightsSnapshot,
} from '../protocol';

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike<Req = Request> {
  postMessage(message: Req, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<Response>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
}

/** What the client needs of `document` to pause training in a hidden tab. */
export interface VisibilitySource {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

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
}

export interface ReadyInfo {
  backend: BackendInfo;
  trainSize: number;
  testSize: number;
}

export type EmbeddingsResult = Omit<Extract<Response, { type: 'embeddings' }>, 'type' | 'id'>;

const BACKEND_NAMES = new Set<string>(BACKEND_ORDER);

/** Only send `atStep` when there is one (a live request stays exactly as before). */
function at(atStep: number | undefined): { atStep?: number } {
  return atStep === undefined ? {} : { atStep };
}

/** `?backend=wasm` → 'wasm'; anything else → undefined. */
export function backendFromSearch(search: string): BackendName | undefined {
  const v = new URLSearchParams(search).get('backend');
  return v !== null && BACKEND_NAMES.has(v) ? (v as BackendName) : undefined;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('../worker/worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

/** The same worker file in its scoring role (it reads its name). */
function defaultScorer(): WorkerLike<ScorerRequest> {
  return new Worker(new URL('../worker/worker.ts', import.meta.url), {
    type: 'module',
    name: SCORER_NAME,
  }) as unknown as WorkerLike<ScorerRequest>;
}

const SCORE_REQUESTS = new Set<string>(['score', 'heatmap', 'embeddings']);

function isScoreRequest(req: Extract<Request, { id: number }>): req is ScoreRequest {
  return SCORE_REQUESTS.has(req.type);
}

interface Pending {
  resolve: (r: Response) => void;
  reject: (e: Error) => void;
}

export class TrainerClient {
  private readonly createWorker: () => WorkerLike;
  private readonly createScorer: (() => WorkerLike<ScorerRequest>) | null;
  private scorer: WorkerLike<ScorerRequest> | undefined;
  /** Ids of the requests in flight in the scoring worker. */
  private readonly scorerIds = new Set<number>();
  /** Bumped by every init and reset: the scoring worker answers for this config or a newer one. */
  private version = 0;
  private readonly forced: BackendName | undefined;
  private readonly visibility: VisibilitySource | null;
  private worker: WorkerLike | undefined;
  private readonly listeners = new Set<(r: Response) => void>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private config: SessionConfig | undefined;
  private info: ReadyInfo | undefined;
  private readyWaiters: { resolve: (r: ReadyInfo) => void; reject: (e: Error) => void }[] = [];
  private checkpoint: WeightsSnapshot | undefined;
  private readonly failed: { backend: BackendName; reason: string }[] = [];
  private playing = false;
  private stepsPerTick = 1;
  private resumeWhenVisible = false;
  private disposed = false;
  private snapshots: number[] = [];

  constructor(options: TrainerClientOptions = {}) {
    this.forced = options.backend;
    this.createWorker = options.createWorker ?? defaultWorker;
    this.createScorer =
      options.createScorer !== undefined
        ? options.createScorer
        : options.createWorker
          ? null
          : defaultScorer;
    this.visibility =
      options.visibility !== undefined
        ? options.visibility
        : typeof document !== 'undefined'
          ? document
          : null;
    this.visibility?.addEventListener('visibilitychange', this.onVisibility);
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
    this.send({ type: 'init', config, version: this.version, ...this.backendRequest() });
    if (fresh) this.connectScorer();
    return ready;
  }

  step(count = 1): void {
    this.send({ type: 'step', count });
  }

  play(stepsPerTick = this.stepsPerTick): void {
    this.stepsPerTick = stepsPerTick;
    this.playing = true;
    this.resumeWhenVisible = false;
    this.send({ type: 'play', stepsPerTick });
  }

  pause(): void {
    this.playing = false;
    this.resumeWhenVisible = false;
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

  evaluate(): void {
    this.send({ type: 'evaluate' });
  }

  /** `atStep`: replay with the rewind snapshot at or before that step (result.step says which). */
  async score(history: number[], candidate: number, atStep?: number): Promise<ScoreResult> {
    const r = await this.request({ type: 'score', id: 0, history, candidate, ...at(atStep) });
    if (r.type !== 'score') throw new Error(`unexpected reply ${r.type}`);
    return r.result;
  }

  async heatmap(
    history: number[],
    atStep?: number,
  ): Promise<{ candidates: number[]; weights: number[][] }> {
    const r = await this.request({ type: 'heatmap', id: 0, history, ...at(atStep) });
    if (r.type !== 'heatmap') throw new Error(`unexpected reply ${r.type}`);
    return { candidates: r.candidates, weights: r.weights };
  }

  /** Every good's vector (item ⊕ category ⊕ shop) in each model, live or at a rewind step. */
  async embeddings(atStep?: number): Promise<EmbeddingsResult> {
    const r = await this.request({ type: 'embeddings', id: 0, ...at(atStep) });
    if (r.type !== 'embeddings') throw new Error(`unexpected reply ${r.type}`);
    return { step: r.step, goods: r.goods, vectors: r.vectors };
  }

  /** The steps rewind snapshots exist for (the worker's latest 'snapshots' message; [] before). */
  get snapshotSteps(): readonly number[] {
    return this.snapshots;
  }

  async exportWeights(): Promise<WeightsSnapshot> {
    const r = await this.request({ type: 'exportWeights', id: 0 });
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
    this.visibility?.removeEventListener('visibilitychange', this.onVisibility);
    this.worker?.terminate();
    this.worker = undefined;
    this.scorer?.terminate();
    this.scorer = undefined;
    this.rejectAll(new Error('TrainerClient disposed'));
    this.listeners.clear();
  }

  private backendRequest(): Pick<Extract<Request, { type: 'init' }>, 'backend' | 'skip'> {
    if (this.failed.length === 0) return this.forced ? { backend: this.forced } : {};
    // After a failure: the next backend in the chain after the last one that failed.
    const last = this.failed[this.failed.length - 1].backend;
    const next = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(last) + 1).find(
      (b) => !this.failed.some((f) => f.backend === b),
    );
    return { ...(next ? { backend: next } : {}), skip: this.failed.map((f) => ({ ...f })) };
  }

  private spawn(): void {
    const worker = this.createWorker();
    this.worker = worker;
    worker.onmessage = (ev) => {
      if (this.worker === worker) this.receive(ev.data);
    };
    worker.onerror = (ev) => {
      if (this.worker !== worker) return;
      ev.preventDefault?.();
      this.receive({
        type: 'error',
        message: ev.message || 'the training worker crashed',
        fatal: true,
      });
    };
  }

  /**
   * A new training worker gets a channel to the scoring worker (started with the first training
   * worker and kept across restarts: it holds no state the new one cannot resend).
   */
  private connectScorer(): void {
    if (!this.worker || !this.createScorer || typeof MessageChannel === 'undefined') return;
    if (!this.scorer) {
      let scorer: WorkerLike<ScorerRequest>;
      try {
        scorer = this.createScorer();
      } catch (e) {
        this.dropScorer(`it could not start (${e instanceof Error ? e.message : String(e)})`);
        return;
      }
      this.scorer = scorer;
      scorer.onmessage = (ev) => {
        if (this.scorer === scorer) this.receiveScored(ev.data);
      };
      scorer.onerror = (ev) => {
        if (this.scorer !== scorer) return;
        ev.preventDefault?.();
        this.dropScorer(ev.message || 'it crashed');
      };
    }
    const channel = new MessageChannel();
    this.worker.postMessage({ type: 'feed', port: channel.port1 }, [channel.port1]);
    this.scorer.postMessage({ type: 'port', port: channel.port2 }, [channel.port2]);
  }

  /** A reply from the scoring worker. */
  private receiveScored(r: Response): void {
    if (r.type === 'error' && r.fatal) return this.dropScorer(r.message);
    const id = 'id' in r ? r.id : undefined;
    if (id !== undefined && this.scorerIds.delete(id)) {
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (r.type === 'error') p?.reject(new Error(r.message));
      else p?.resolve(r);
    }
    this.emit(r);
  }

  /** Without a scoring worker the training worker answers the views (between its steps). */
  private dropScorer(reason: string): void {
    this.scorer?.terminate();
    this.scorer = undefined;
    const err = new Error(`scoring worker stopped: ${reason}`);
    for (const id of this.scorerIds) {
      this.pending.get(id)?.reject(err);
      this.pending.delete(id);
    }
    this.scorerIds.clear();
    this.emit({
      type: 'notice',
      level: 'info',
      message: `The scoring worker stopped (${reason}); the training worker scores the views between its steps instead.`,
    });
  }

  private send(req: Request): void {
    if (this.disposed) return;
    if (!this.worker) {
      if (req.type === 'pause') return;
      throw new Error('TrainerClient: call init() first');
    }
    this.worker.postMessage(req);
  }

  private request(req: Extract<Request, { id: number }>): Promise<Response> {
    const id = this.nextId++;
    return new Promise<Response>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        if (this.scorer && this.worker && isScoreRequest(req)) {
          this.scorerIds.add(id);
          this.scorer.postMessage({ ...req, id, version: this.version });
        } else {
          this.send({ ...req, id });
        }
      } catch (e) {
        this.pending.delete(id);
        this.scorerIds.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  private emit(r: Response): void {
    for (const l of [...this.listeners]) l(r);
  }

  private receive(r: Response): void {
    switch (r.type) {
      case 'ready': {
        this.info = { backend: r.backend, trainSize: r.trainSize, testSize: r.testSize };
        const waiters = this.readyWaiters;
        this.readyWaiters = [];
        for (const w of waiters) w.resolve(this.info);
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
    if (id !== undefined && id !== CHECKPOINT_ID) {
      const p = this.pending.get(id);
      if (p) {
        this.pending.delete(id);
        if (r.type === 'error') p.reject(new Error(r.message));
        else p.resolve(r);
      }
    }
    this.emit(r);
  }

  /** A fatal backend failure: restart on the next backend from the last checkpoint, and say so. */
  private recover(r: Extract<Response, { type: 'error' }>): void {
    this.worker?.terminate();
    this.worker = undefined;
    // The scoring worker keeps answering from the last weights it has.
    this.rejectAll(new Error(`training backend failed: ${r.message}`), this.scorerIds);
    const failedBackend = r.backend ?? this.info?.backend.name;
    const wasPlaying = this.playing;
    this.playing = false;
    this.emit(r);
    if (failedBackend)
      this.failed.push({ backend: failedBackend, reason: `failed during training (${r.message})` });
    const canRetry =
      failedBackend !== undefined &&
      this.config !== undefined &&
      !this.disposed &&
      BACKEND_ORDER.some((b) => !this.failed.some((f) => f.backend === b));
    if (!canRetry) {
      const err = new Error(`Training stopped: ${r.message}`);
      for (const w of this.readyWaiters.splice(0)) w.reject(err);
      this.emit({
        type: 'notice',
        level: 'warning',
        message: `${err.message}. No other backend is left to try.`,
      });
      return;
    }
    const { backend: next } = this.backendRequest();
    const from = this.checkpoint
      ? ` from the weights of step ${this.checkpoint.step}`
      : ' from fresh weights';
    this.emit({
      type: 'notice',
      level: 'warning',
      message: `The ${failedBackend} backend failed (${r.message}). Restarting training on ${next ?? 'another backend'}${from}.`,
    });
    this.info = undefined;
    this.spawn();
    this.send({
      type: 'init',
      config: this.config!,
      version: this.version,
      ...this.backendRequest(),
      ...(this.checkpoint ? { weights: this.checkpoint } : {}),
    });
    this.connectScorer();
    if (wasPlaying) this.play(this.stepsPerTick);
  }

  private rejectAll(e: Error, except: ReadonlySet<number> = new Set()): void {
    for (const [id, p] of [...this.pending]) {
      if (except.has(id)) continue;
      p.reject(e);
      this.pending.delete(id);
    }
  }

  private readonly onVisibility = (): void => {
    if (!this.visibility || !this.worker) return;
    if (this.visibility.hidden) {
      if (this.playing) {
        this.pause();
        this.resumeWhenVisible = true;
      }
    } else if (this.resumeWhenVisible) {
      this.play(this.stepsPerTick);
    }
  };
}
