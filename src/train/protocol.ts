/**
 * The typed message protocol between the page (main thread) and the training worker.
 * Plain data only: this module is imported by both sides and must never import tfjs.
 */
import type { WorldConfig, Truth } from '../world/types';
import type { IteratorState } from '../data/types';
import type {
  NamedValues,
  OptimizerState,
  ModelName,
  ModelSettings,
  BaseInternals,
  DinInternals,
  DienInternals,
} from '../model/config';

export type {
  IteratorState,
  NamedValues,
  OptimizerState,
  ModelName,
  ModelSettings,
  BaseInternals,
  DinInternals,
  DienInternals,
  WorldConfig,
  Truth,
};

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface TrainSettings {
  batchSize: number;
  learningRate: number;
  /** Seed of the model initialisation and of batch order (the world has its own seed). */
  seed: number;
  /** Evaluate on the test set every this many steps. */
  evalEvery: number;
}

export interface SessionConfig {
  world: WorldConfig;
  model: ModelSettings;
  train: TrainSettings;
}

export interface EvalMetrics {
  auc: number;
  gauc: number;
  logloss: number;
}

export interface ScoreResult {
  /** The training step whose weights produced this result (earlier than now when rewound). */
  step: number;
  /** The history as given, and the indices of the behaviors the model keeps (the most recent T). */
  history: number[];
  kept: number[];
  candidate: number;
  /** The world's truth for the kept history. */
  truth: Truth;
  base: BaseInternals;
  din: DinInternals;
  dien: DienInternals;
}

/** Where training is: the one source of `playing`, the counters and the config version. */
export interface Progress extends Counters, LossReading {
  /**
   * The config version these weights belong to (from the page's init/reset): a new version means
   * new weights, the one signal the page uses for "training restarted".
   */
  version: number;
  /** Latest test metrics, when evaluated. */
  test?: Record<ModelName, EvalMetrics>;
  /** Step at which `test` was computed. */
  testStep?: number;
  playing: boolean;
}

export interface BackendInfo {
  name: BackendName;
  /** Human label, e.g. "WebGPU (software adapter)" or "WebGL — no WebGPU adapter". */
  label: string;
  /** Why earlier backends in the chain were skipped. */
  fallbackReasons: string[];
}

/** Step, epoch and samples seen: where training is. */
export interface Counters {
  step: number;
  epoch: number;
  samplesSeen: number;
}

/** One readback of the latest step's losses. */
export interface LossReading {
  /** Per model (DIEN: target + α·aux); NaN before the first step. */
  loss: Record<ModelName, number>;
  /** DIEN's auxiliary loss alone; NaN before the first step. */
  auxLoss: number;
}

/** DIN's weight of every good as the candidate against the kept history: weights[c][j]. */
export interface HeatmapResult {
  candidates: number[];
  weights: number[][];
}

/** Every good's vector (item ⊕ category ⊕ shop) in each model. */
export interface EmbeddingMap {
  goods: number[];
  vectors: Record<ModelName, number[][]>;
}

/** An embedding map and the step of the weights it was read from. */
export interface EmbeddingsResult extends EmbeddingMap {
  step: number;
}

/** What a worker says once its session is built. */
export interface ReadyInfo {
  backend: BackendInfo;
  trainSize: number;
  testSize: number;
}

/** A backend not to try, with the reason to show (it failed in an earlier worker). */
export interface SkippedBackend {
  backend: BackendName;
  reason: string;
}

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
}

/** The requests that expect a reply with their id. */
export type QueryRequest = ScoreRequest | ExportWeightsRequest;

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

export type FaultKind = 'backend' | 'crash';

export type NoticeLevel = 'info' | 'warning';

/**
 * What a notice says, as data: the page words it in the reader's language (the English
 * `message` beside it is the fallback and what tests and logs read). `reason` is the browser's or
 * tfjs' own text and stays as it came.
 */
export type NoticeDetail =
  | {
      code: 'diverged';
      step: number;
      models: ModelName[];
      restoredStep?: number;
      learningRate?: number;
    }
  | {
      code: 'restarting';
      /** True: the same backend again (a crash); false: the next one (a backend fault). */
      same: boolean;
      failed: BackendName;
      next?: BackendName;
      reason: string;
      fromStep?: number;
      /** The steps after fromStep up to this one were lost. */
      lostUpTo?: number;
    }
  | { code: 'stopped'; reason: string }
  | { code: 'scorerStopped'; reason: string; restarting: boolean };

/** A way out a notice offers the reader (a button beside it). */
export interface NoticeAction {
  /** Continue training from the restored step with this learning rate (not a reset). */
  type: 'lowerLearningRate';
  learningRate: number;
  fromStep: number;
}

/** Worker → page. */
export type Response =
  | ({ type: 'ready' } & ReadyInfo)
  | { type: 'progress'; progress: Progress }
  | { type: 'score'; id: number; result: ScoreResult }
  | ({ type: 'heatmap'; id: number } & HeatmapResult)
  | ({ type: 'embeddings'; id: number } & EmbeddingsResult)
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

/** Named float arrays, one per tfjs variable (shape kept for safety). */
export interface WeightsSnapshot {
  step: number;
  tensors: Record<ModelName, NamedValues[]>;
  /**
   * What training needs to continue exactly from `step`, beyond the weights (checkpoints only;
   * rewind snapshots and the scoring worker's copies go without).
   */
  training?: TrainingState;
}

/** Adam's state per model, the data iterator's position and the counters of a checkpoint. */
export interface TrainingState {
  optimizer: Record<ModelName, OptimizerState>;
  data: IteratorState;
}

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
  | { type: 'port'; port: MessagePort }
  | { type: 'ping' }
  | { type: 'holdLock'; name: string }
  | (ScoreRequest & { version: number });

/** The models' default settings: plain data, re-exported so the page never imports model/. */
export { DEFAULT_MODEL_SETTINGS, MODEL_NAMES } from '../model/config';
