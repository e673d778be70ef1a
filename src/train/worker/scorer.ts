/**
 * The scoring worker's logic (no tfjs, no worker globals: Node tests drive it with a fake
 * session). It answers the views' requests — score, heatmap, embeddings — with the newest weights
 * the training worker has fed it, so an edit never waits for a training step in progress: the
 * training worker runs one step at a time without interruption, and a step can take longer than
 * the whole edit-to-view budget.
 *
 * Consistency: every request names the config version the page expects. A request for a version
 * this worker has not seen yet waits until the training worker has sent that session and its
 * first weights, so a reply never mixes an old model with a new setting.
 */
import { errorText } from '../../lib/errorText';
import { scoreTimesOf } from './answers';
import { SnapshotStore } from './snapshots';
import type {
  BackendInfo,
  Response,
  ScoreRequest,
  ScorerFeed,
  SessionConfig,
  WeightsSnapshot,
} from '../protocol';
import type { TrainingSessionLike } from './session';

/** What the scorer needs of a session: a ViewInspector (inspector.ts), or a fake in tests. */
export type ScoringSessionLike = Pick<
  TrainingSessionLike,
  'score' | 'heatmap' | 'embeddingMap' | 'importWeights' | 'dispose'
>;

export interface ScorerOptions {
  post: (r: Response) => void;
  createSession: (c: SessionConfig) => ScoringSessionLike;
  /** Start this worker's tfjs backend (a small CPU-side one: these are single-row forward passes). */
  selectBackend: () => Promise<BackendInfo>;
  /** Rewind snapshots (must match the training worker's store: default 32 kept, every 20 steps). */
  snapshots?: SnapshotStore;
}

type Versioned = ScoreRequest & { version: number };

const RANK: Record<ScoreRequest['type'], number> = { score: 0, heatmap: 1, embeddings: 2 };

export class ScorerController {
  private readonly opts: ScorerOptions;
  private readonly backend: Promise<BackendInfo | undefined>;
  private dead = false;

  private version = -1;
  private config: SessionConfig | undefined;
  private session: ScoringSessionLike | undefined;
  private live: WeightsSnapshot | undefined;
  /** The weights the session holds now (imports only when a request needs others). */
  private loaded: WeightsSnapshot | undefined;
  private readonly rewind: SnapshotStore;

  private readonly waiting: Versioned[] = [];
  private running = false;

  constructor(opts: ScorerOptions) {
    this.opts = opts;
    this.rewind = opts.snapshots ?? new SnapshotStore();
    this.backend = opts.selectBackend().catch((e: unknown) => {
      this.dead = true;
      opts.post({
        type: 'error',
        message: `The scoring worker has no backend: ${errorText(e)}`,
        fatal: true,
      });
      return undefined;
    });
  }

  /** The config version and step of the live weights (tests, diagnostics). */
  get state(): { version: number; liveStep: number | undefined; snapshots: number[] } {
    return { version: this.version, liveStep: this.live?.step, snapshots: this.rewind.steps() };
  }

  /** A message from the training worker. */
  feed(m: ScorerFeed): void {
    if (m.version < this.version) return; // from before the page's latest reset
    if (m.type === 'session') {
      // One version, one config: the page numbers every init/reset, and a training worker
      // restarted after a failure resends the same version with the same config.
      const changed = m.version !== this.version;
      // A (re)started training worker refills its rewind store from scratch; so does this one.
      this.rewind.clear();
      if (changed) {
        this.version = m.version;
        this.config = m.config;
        this.session?.dispose();
        this.session = undefined;
        this.live = undefined;
        this.loaded = undefined;
      }
    } else {
      if (m.version !== this.version) return; // weights before their session: cannot happen
      this.live = m.weights;
      if (m.rewind) this.rewind.add(m.weights);
    }
    this.pump();
  }

  /** A request from the page. */
  handle(req: Versioned): void {
    if (this.dead) {
      this.opts.post({
        type: 'error',
        message: 'The scoring worker has no backend.',
        fatal: false,
        id: req.id,
      });
      return;
    }
    this.waiting.push(req);
    this.pump();
  }

  /** Answer every waiting request whose session and weights are here. */
  private pump(): void {
    if (this.running) return;
    this.running = true;
    void this.drain().finally(() => {
      this.running = false;
      if (this.answerable()) this.pump();
    });
  }

  /**
   * The next request to answer: a score before a heatmap before embeddings (the card and the bars
   * an edit changes come first), in arrival order within a kind; none until its session is here.
   */
  private next(): number {
    if (this.dead || this.live === undefined) return -1;
    let best = -1;
    this.waiting.forEach((r, i) => {
      if (r.version > this.version) return;
      if (best < 0 || RANK[r.type] < RANK[this.waiting[best].type]) best = i;
    });
    return best;
  }

  private answerable(): boolean {
    return this.next() >= 0;
  }

  private async drain(): Promise<void> {
    if (!(await this.backend)) {
      for (const req of this.waiting.splice(0)) this.handle(req);
      return;
    }
    for (let i = this.next(); i >= 0; i = this.next()) {
      const [req] = this.waiting.splice(i, 1);
      try {
        this.opts.post(await this.answer(req));
      } catch (e) {
        this.opts.post({ type: 'error', message: errorText(e), fatal: false, id: req.id });
      }
    }
  }

  /** The live weights, or the rewind snapshot at or before `atStep` when that is older. */
  private weightsFor(atStep: number | undefined): WeightsSnapshot {
    const live = this.live!;
    if (atStep === undefined) return live;
    const snap = this.rewind.at(atStep);
    return snap && snap.step < live.step ? snap : live;
  }

  private async answer(req: Versioned): Promise<Response> {
    this.session ??= this.opts.createSession(this.config!);
    const weights = this.weightsFor(req.atStep);
    if (this.loaded !== weights) {
      this.loaded = undefined;
      this.session.importWeights(weights);
      this.loaded = weights;
    }
    const s = this.session;
    switch (req.type) {
      case 'score': {
        const result = await s.score(req.history, req.candidate, scoreTimesOf(req));
        return { type: 'score', id: req.id, result };
      }
      case 'heatmap': {
        const r = await s.heatmap(req.history);
        return { type: 'heatmap', id: req.id, candidates: r.candidates, weights: r.weights };
      }
      case 'embeddings':
        return { type: 'embeddings', id: req.id, step: weights.step, ...(await s.embeddingMap()) };
      default: {
        const unknown: never = req;
        throw new Error(`Unknown request ${JSON.stringify(unknown)}`);
      }
    }
  }
}
