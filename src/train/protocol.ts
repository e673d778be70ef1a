/**
 * The typed message protocol between the page (main thread) and the workers. The data the
 * messages carry (settings, results, progress, snapshots, notice details) is in results.ts and
 * re-exported here, so both threads import one module. Plain data only: never tfjs.
 */
import type {
  BackendName,
  EmbeddingsResult,
  FaultKind,
  HeatmapResult,
  NoticeAction,
  NoticeDetail,
  NoticeLevel,
  Progress,
  ReadyInfo,
  ScoreResult,
  SessionConfig,
  SkippedBackend,
  TwinProbeResult,
  WeightsSnapshot,
} from './results';

export * from './results';

export interface InitRequest {
  type: 'init';
  config: SessionConfig;
  /**
   * The config version (one per init/reset, numbered by the page; without one, the worker's last
   * plus one): progress and the scoring worker carry it. A restart after a failure keeps it.
   */
  version?: number;
  /** Try this backend first (URL parameter, tests); the chain continues if it fails. */
  backend?: BackendName;
  /** Start from these weights (a restart after a failure: a checkpoint with its training state). */
  weights?: WeightsSnapshot;
  /** The rewind snapshots to keep (a restart: those up to the checkpoint's step). */
  rewind?: WeightsSnapshot[];
  /** Backends not to try. */
  skip?: SkippedBackend[];
  /**
   * The fused recurrence and FusedAdam kernels (model/recurrence.ts setFusedKernels): false takes
   * the per-step path and tfjs's Adam (`?kernels=off`, to compare); absent: on.
   */
  fusedKernels?: boolean;
}

/** New initial weights, from the given config or the current one. */
export interface ResetRequest {
  type: 'reset';
  config?: SessionConfig;
  version?: number;
}

/** `atStep`: use the rewind snapshot at or before this step instead of the live weights. */
export interface ScoreQuery {
  type: 'score';
  id: number;
  history: number[];
  candidate: number;
  atStep?: number;
  /**
   * When each history purchase happened, in days, one per entry (NaN: unknown); absent: none
   * known, every gap is unknown (BST's GAP_UNKNOWN, the truth's population average).
   */
  times?: number[];
  /** When the candidate is shown ("now"), on the clock of `times`; required with them. */
  candidateTime?: number;
}
export interface HeatmapQuery {
  type: 'heatmap';
  id: number;
  history: number[];
  atStep?: number;
}
/** Every good's vector in each model, for the embedding map. */
export interface EmbeddingsQuery {
  type: 'embeddings';
  id: number;
  atStep?: number;
}

/** The requests the scoring worker answers (the training worker answers them too, without one). */
export type ScoreRequest = ScoreQuery | HeatmapQuery | EmbeddingsQuery;

export interface ExportWeightsRequest {
  type: 'exportWeights';
  id: number;
  /** With the training state (optimizers, data position): enough to continue on another worker. */
  training?: boolean;
}

/** The bug lab's live probe of its twins on one pair (the training worker: it holds the twins). */
export interface TwinProbeQuery {
  type: 'twinProbe';
  id: number;
  history: number[];
  candidate: number;
}

/** The requests that expect a reply with their id. */
export type QueryRequest = ScoreRequest | ExportWeightsRequest | TwinProbeQuery;

/** Page → training worker. */
export type Request =
  | InitRequest
  | { type: 'step'; count: number }
  | { type: 'play'; stepsPerTick: number }
  | { type: 'pause' }
  /**
   * The reader just edited: start no training slice for `ms` (at most 500), so the scoring worker
   * and the page get the CPU while the edit's views are re-scored and drawn.
   */
  | { type: 'yield'; ms: number }
  | ResetRequest
  /** The training worker's end of a channel to the scoring worker (ScorerFeed goes through it). */
  | { type: 'feed'; port: MessagePort }
  | { type: 'evaluate' }
  /** Are you there? Answered at once with 'pong', between any two slices (the page's watchdog). */
  | { type: 'ping' }
  /** Hold this Web Lock for as long as you live (the page's lifeline); answered with 'lockHeld'. */
  | { type: 'holdLock'; name: string }
  /** Go on training with this learning rate, from where training is (a continuation, not a reset). */
  | { type: 'setLearningRate'; learningRate: number }
  | QueryRequest;

/**
 * `fatal`: the backend failed and the worker is done (`backend`: which one, when known).
 * `id`: the request that failed, if it had one.
 */
export interface ErrorResponse {
  type: 'error';
  message: string;
  fatal: boolean;
  id?: number;
  backend?: BackendName;
  /**
   * Of a fatal error: 'backend' — the device or context is gone (the next worker tries another
   * backend); 'crash' — the worker failed in a way any backend would (a bug, a stalled worker),
   * so the next worker tries the same backend first.
   */
  kind?: FaultKind;
}

/** Worker → page. */
export type Response =
  | ({ type: 'ready' } & ReadyInfo)
  | { type: 'progress'; progress: Progress }
  | { type: 'score'; id: number; result: ScoreResult }
  | ({ type: 'heatmap'; id: number } & HeatmapResult)
  | ({ type: 'embeddings'; id: number } & EmbeddingsResult)
  | { type: 'twinProbe'; id: number; result: TwinProbeResult }
  /**
   * The steps that rewind snapshots exist for (posted whenever the set changes), with the one
   * just filed: the page keeps copies, so a restarted worker gets them back.
   */
  | { type: 'snapshots'; steps: number[]; added?: WeightsSnapshot; version?: number }
  /** A reply to exportWeights, or (id === CHECKPOINT_ID) a periodic checkpoint of the last good weights. */
  /** `version`: of a checkpoint, the config version its weights belong to. */
  | { type: 'weights'; id: number; weights: WeightsSnapshot; version?: number }
  | {
      type: 'notice';
      level: NoticeLevel;
      message: string;
      detail?: NoticeDetail;
      action?: NoticeAction;
    }
  | { type: 'pong' }
  | { type: 'lockHeld'; name: string }
  | ErrorResponse;

/** The id of unsolicited 'weights' messages: the worker's periodic checkpoints. Request ids start at 1. */
export const CHECKPOINT_ID = 0;

/** The scoring worker's name (new Worker(url, { name })): the worker file takes its role from it. */
export const SCORER_NAME = 'scorer';

/**
 * Training worker → scoring worker, over a MessageChannel: the session to build, then the live
 * weights after every progress report (`rewind`: also file them as a rewind snapshot).
 */
export type ScorerFeed =
  | { type: 'session'; version: number; config: SessionConfig }
  | { type: 'weights'; version: number; weights: WeightsSnapshot; rewind: boolean };

/**
 * Page → scoring worker. `version`: the config version the reply must reflect (the worker waits
 * for that session's weights before it answers).
 */
export type ScorerRequest =
  /** `fusedKernels`: as in the training worker's init (absent: on), set before any model is built. */
  | { type: 'port'; port: MessagePort; fusedKernels?: boolean }
  | { type: 'ping' }
  | { type: 'holdLock'; name: string }
  | (ScoreRequest & { version: number });

/** The models' default settings: plain data, re-exported so the page never imports model/. */
export { DEFAULT_MODEL_SETTINGS, MODEL_NAMES } from '../model/config';
