/**
 * Where the training worker's weights go besides the models: the last good weights (restored by
 * the NaN guard, posted to the page as a checkpoint for a restart on another backend), the rewind
 * snapshots, and the scoring worker's feed (the live weights after every report).
 */
import {
  CHECKPOINT_ID,
  type Response,
  type ScorerFeed,
  type SessionConfig,
  type WeightsSnapshot,
} from '../protocol';
import { allFinite } from './divergence';
import { backendWork } from './failure';
import { SnapshotStore } from './snapshots';

/** What checkpoints need of a session. */
export interface Exportable {
  readonly counters: { step: number };
  exportWeights(): Promise<WeightsSnapshot>;
  /** Weights and training state (optimizers, data position); exportWeights where missing. */
  exportState?(): Promise<WeightsSnapshot>;
  importWeights(s: WeightsSnapshot): void | Promise<void>;
}

/**
 * The weights the views read: what rewind and the scoring worker keep. BST's come along (its view
 * replays and is scored like the others'); the bug lab's twins do not (their probe is live only).
 */
export function weightsOnly({ step, tensors, bst }: WeightsSnapshot): WeightsSnapshot {
  return bst ? { step, tensors, bst } : { step, tensors };
}

export interface CheckpointOptions {
  post: (r: Response) => void;
  now: () => number;
  /** Keep a snapshot of good weights (and post it as a checkpoint) at most this often (ms). */
  intervalMs: number;
  rewind: SnapshotStore;
  /** The config version the weights belong to (the scoring worker matches it). */
  version: () => number;
}

export class Checkpoints {
  private lastGood: WeightsSnapshot | undefined;
  private lastAt = -Infinity;
  private feed: ((m: ScorerFeed) => void) | undefined;

  constructor(private readonly opts: CheckpointOptions) {}

  get rewind(): SnapshotStore {
    return this.opts.rewind;
  }

  /** The last weights that were all finite. */
  get good(): WeightsSnapshot | undefined {
    return this.lastGood;
  }

  /** A new session: nothing kept from the old one. */
  clear(): void {
    this.lastGood = undefined;
    this.lastAt = -Infinity;
    this.opts.rewind.clear();
  }

  /** Rewind snapshots a restarted worker got back from the page. */
  restoreRewind(list: readonly WeightsSnapshot[]): void {
    this.opts.rewind.restore(list.map(weightsOnly));
    this.opts.post({
      type: 'snapshots',
      steps: this.opts.rewind.steps(),
      version: this.opts.version(),
    });
  }

  /** A checkpoint is due by time (one is also due whenever a rewind snapshot is). */
  timeDue(): boolean {
    return this.opts.now() - this.lastAt >= this.opts.intervalMs;
  }

  rewindDue(step: number): boolean {
    return this.opts.rewind.due(step);
  }

  get feeding(): boolean {
    return this.feed !== undefined;
  }

  /**
   * Feed a scoring worker from now on. With a session running it gets the config, the rewind
   * snapshots and (by the caller) the live weights at once.
   */
  connect(feed: (m: ScorerFeed) => void, config: SessionConfig | undefined): void {
    this.feed = feed;
    if (!config) return;
    this.sendSession(config);
    for (const weights of this.opts.rewind.all()) this.send(weights, true);
  }

  sendSession(config: SessionConfig): void {
    this.feed?.({ type: 'session', version: this.opts.version(), config });
  }

  /** Weights for the scoring worker (`rewind`: also filed as a rewind snapshot there). */
  send(weights: WeightsSnapshot, rewind = false): void {
    this.feed?.({ type: 'weights', version: this.opts.version(), weights, rewind });
  }

  /**
   * Keep the session's whole training state as the last good one (if finite), post it as a
   * checkpoint, and file its weights as a rewind snapshot when one is due. False: not finite.
   */
  async take(session: Exportable): Promise<boolean> {
    const state = await backendWork(() =>
      session.exportState ? session.exportState() : session.exportWeights(),
    );
    this.lastAt = this.opts.now();
    if (!allFinite(state)) return false;
    this.lastGood = state;
    this.opts.post({
      type: 'weights',
      id: CHECKPOINT_ID,
      weights: state,
      version: this.opts.version(),
    });
    const weights = weightsOnly(state);
    const rewind = this.opts.rewind.due(weights.step);
    if (rewind) {
      this.opts.rewind.add(weights);
      this.opts.post({
        type: 'snapshots',
        steps: this.opts.rewind.steps(),
        added: weights,
        version: this.opts.version(),
      });
    }
    this.send(weights, rewind);
    return true;
  }

  /** Send the live weights to the scoring worker (nothing to do without one). */
  async publishLive(session: Exportable): Promise<void> {
    if (!this.feed) return;
    const weights = await backendWork(() => session.exportWeights());
    this.send(weights);
  }

  /**
   * Runs `fn` with the rewind snapshot at or before `step` loaded, then puts the live weights
   * back: replaying an earlier step never disturbs training, which goes on from the latest.
   */
  async replay<S extends Exportable, T>(
    session: S,
    step: number | undefined,
    fn: (s: S) => Promise<T>,
  ): Promise<T> {
    const snap = step === undefined ? undefined : this.opts.rewind.at(step);
    if (!snap || snap.step >= session.counters.step) return fn(session);
    const live = await backendWork(() => session.exportWeights());
    await backendWork(() => session.importWeights(snap));
    try {
      return await fn(session);
    } finally {
      await backendWork(() => session.importWeights(live));
    }
  }
}
