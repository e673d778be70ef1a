/**
 * What the engine and the page exchange, as data: settings, results, progress, snapshots and
 * what a notice says. protocol.ts (the messages) re-exports all of it; plain data only, never
 * tfjs.
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
import type { LabId, TwinKey } from '../model/bugs';
import type { ImportedWorld } from '../data/import/types';
import type { BstInternals, BstSettings } from '../model/bstConfig';

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
  LabId,
  TwinKey,
  BstInternals,
  BstSettings,
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
  /**
   * The bug lab's switches: each trains bugged twins of the models it changes next to the
   * correct ones, on the same mini-batches from the same initial weights. Absent = none.
   */
  bugLab?: LabId[];
  /** BST trained as a fourth model in the same lockstep, with these settings. Absent = off. */
  bst?: BstSettings;
  /** Train on the reader's imported log instead of the toy world. Absent = the toy world. */
  data?: DataSource;
}

/**
 * An imported data set, named by the hash of its file and caps. The page's state (URL, saves,
 * runs) holds only the name; the client puts the world itself in every config it sends a worker
 * (init, reset, resume, restart: train/page/datasets.ts), so the engine never depends on page storage. With it,
 * `world` settings other than the seed do not apply (the seed still draws the negatives).
 */
export interface DataSource {
  kind: 'imported';
  id: string;
  /** The file's name, for the page to show. */
  name: string;
  /** Present in the worker's config, absent in the page's. */
  world?: ImportedWorld;
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
  /**
   * The world's truth for the kept history. Absent on an imported data set: a real log has no
   * ground truth, so the views hide true CTR, relevance and the Bayes ceiling and say why.
   */
  truth?: Truth;
  base: BaseInternals;
  din: DinInternals;
  dien: DienInternals;
  /** BST's, when the session trains it. */
  bst?: BstInternals;
}

/**
 * The bug lab's live probe of one twin on the reader's (history, candidate): the signature each
 * bug leaves, next to the correct model's value.
 */
export interface TwinProbe {
  /** The CTR with the kept history padded to each of `lengths` slots (L = none, T, 2T). */
  lengths: number[];
  correct: number[];
  bugged: number[];
  /** DIN twins: the sum of DIN's attention weights over the kept history. */
  weightSum?: { correct: number; bugged: number };
  /**
   * DIEN twins: at the kept behavior the correct model finds least relevant (smallest a_t, after
   * the first), each model's a_t there and how far its interest state moved, ‖h'_t − h'_{t−1}‖.
   */
  quietest?: {
    position: number;
    correctA: number;
    buggedA: number;
    correctMove: number;
    buggedMove: number;
  };
}

export interface TwinProbeResult {
  step: number;
  probes: Partial<Record<TwinKey, TwinProbe>>;
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
  /** The bug lab's twins on the same (correct) test set, at `testStep`. */
  twinTest?: Partial<Record<TwinKey, EvalMetrics>>;
  /** BST's test metrics at `testStep`, when the session trains it. */
  bstTest?: EvalMetrics;
  playing: boolean;
  /**
   * Steady wall time per training step on this backend (steps and loss readback, warm-up left
   * out, recent steps only); absent until measured.
   */
  msPerStep?: number;
}

export interface BackendInfo {
  name: BackendName;
  /** Human label, e.g. "WebGPU (software adapter)" or "WebGL — no WebGPU adapter". */
  label: string;
  /** Why earlier backends in the chain were skipped. */
  fallbackReasons: string[];
  /** The chosen backend is a software emulator here (forced, or nothing else worked). */
  software?: boolean;
  /** GPU backends left unused because they are only software emulators here (chain order). */
  declinedSoftware?: BackendName[];
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
  /** The bug lab's twins' losses (total, as `loss`), when it has any. */
  twinLoss?: Partial<Record<TwinKey, number>>;
  /** BST's loss, when the session trains it. */
  bstLoss?: number;
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
  /**
   * The world's Bayes-optimal test AUC (the true CTRs' AUC on this test set: the ceiling of the
   * AUC chart) and the test set's classes (the AUC's noise); absent from a session without them.
   */
  bayesAuc?: number;
  testPositives?: number;
  testNegatives?: number;
  /**
   * The fused recurrent kernels: `on`, the switch as the init set it; `active`, whether this
   * backend runs them (fusedKernelsActive(): webgl has none); `recurrence`, whether the
   * recurrence itself runs fused at this config's size (recurrence.ts's MAX_FUSED_H: wasm runs a
   * larger H per step, which is faster there). Absent from a worker without them.
   */
  fusedKernels?: { on: boolean; active: boolean; recurrence?: boolean };
}

/** A backend not to try, with the reason to show (it failed in an earlier worker). */
export interface SkippedBackend {
  backend: BackendName;
  reason: string;
}

/** Named float arrays, one per tfjs variable (shape kept for safety). */
export interface WeightsSnapshot {
  step: number;
  tensors: Record<ModelName, NamedValues[]>;
  /**
   * What training needs to continue exactly from `step`, beyond the weights (checkpoints only;
   * rewind snapshots and the scoring worker's copies go without).
   */
  training?: TrainingState;
  /** The bug lab's twins' weights, when the session has any. */
  twins?: Partial<Record<TwinKey, NamedValues[]>>;
  /** BST's weights, when the session trains it. */
  bst?: NamedValues[];
}

/** Adam's state per model, the data iterator's position and the counters of a checkpoint. */
export interface TrainingState {
  optimizer: Record<ModelName, OptimizerState>;
  data: IteratorState;
  /** The twins' Adam states, and the position of the bugged data stream if one is read. */
  twins?: { optimizer: Partial<Record<TwinKey, OptimizerState>>; data?: IteratorState };
  /** BST's Adam state, when the session trains it. */
  bst?: OptimizerState;
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
