/**
 * The client's options and their defaults: real workers, a scoring worker, the hidden-tab pause,
 * the watchdog and the lifeline for the page; none of them unless asked for in tests that pass
 * their own `createWorker`.
 */
import type { BackendName, ScorerRequest } from '../protocol';
import type { ConnectionOptions } from './connection';
import type { LockManagerLike } from './lifeline';
import type { VisibilitySource } from './visibility';
import type { WatchdogTimers } from './watchdog';
import { kernelsFromSearch, scoringWorker, trainingWorker, type WorkerLike } from './workers';

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
  /**
   * The fused recurrent kernels and FusedAdam in both workers (false: the per-step path and
   * tfjs's Adam, to compare). Defaults to the page's `?kernels=off|on` for real workers; absent
   * means on, and no init says anything about it.
   */
  fusedKernels?: boolean;
}

/** Generous: a worker answers between tasks, and one task can take seconds on a slow device. */
const WATCHDOG = { intervalMs: 2000, timeoutMs: 45_000 };

function defaultLocks(): LockManagerLike | null {
  return (
    (globalThis.navigator as (Navigator & { locks?: LockManagerLike }) | undefined)?.locks ?? null
  );
}

export interface ResolvedOptions {
  backend: BackendName | undefined;
  createWorker: () => WorkerLike;
  createScorer: (() => WorkerLike<ScorerRequest>) | null;
  visibility: VisibilitySource | null;
  watchdog: ConnectionOptions['watchdog'];
  locks: LockManagerLike | null;
  fusedKernels: boolean | undefined;
}

function pageSearch(): string {
  return (globalThis.location as Location | undefined)?.search ?? '';
}

function given<T>(value: T | undefined, fallback: T): T {
  return value !== undefined ? value : fallback;
}

export function resolveOptions(options: TrainerClientOptions): ResolvedOptions {
  const real = options.createWorker === undefined;
  return {
    backend: options.backend,
    createWorker: options.createWorker ?? trainingWorker,
    createScorer: given(options.createScorer, real ? scoringWorker : null),
    visibility: given(options.visibility, typeof document !== 'undefined' ? document : null),
    watchdog: given(options.watchdog, real ? WATCHDOG : null),
    locks: given(options.locks, real ? defaultLocks() : null),
    fusedKernels: options.fusedKernels ?? (real ? kernelsFromSearch(pageSearch()) : undefined),
  };
}
