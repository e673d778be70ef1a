/**
 * What the worker's controller, reporter and checkpoints need of a training session: the real
 * TrainingSession (session.ts) and the fakes in their tests both fit it.
 */
import type { RowTimes } from '../../data/batch';
import type { TestCeiling } from './bayesAuc';
import type {
  Counters,
  EmbeddingMap,
  EvalMetrics,
  HeatmapResult,
  LossReading,
  ModelName,
  ScoreResult,
  TwinKey,
  TwinProbeResult,
  WeightsSnapshot,
} from '../protocol';

export interface TestResult {
  test: Record<ModelName, EvalMetrics>;
  twinTest?: Partial<Record<TwinKey, EvalMetrics>>;
  bstTest?: EvalMetrics;
}

/** The part of TrainingSession the worker controller uses (a fake in its tests). */
export interface TrainingSessionLike {
  readonly trainSize: number;
  readonly testSize: number;
  /** The test set's Bayes-optimal AUC and classes (a fake session may have none). */
  readonly ceiling?: TestCeiling;
  readonly counters: Counters;
  step(): void;
  readLosses(): Promise<LossReading>;
  evaluate(): Promise<Record<ModelName, EvalMetrics>>;
  /** The test metrics with the bug lab's twins' (a session without twins may lack it). */
  evaluateAll?(): Promise<TestResult>;
  /** `when`: the purchases' and the candidate's times (NaN: unknown), if the page knows any. */
  score(history: number[], candidate: number, when?: RowTimes): Promise<ScoreResult>;
  heatmap(history: number[]): Promise<HeatmapResult>;
  embeddingMap(): Promise<EmbeddingMap>;
  /** The bug lab's live probe (a session without twins answers with none). */
  probeTwins?(history: number[], candidate: number): Promise<TwinProbeResult>;
  exportWeights(): Promise<WeightsSnapshot>;
  /** The weights with everything training needs to continue exactly from here (checkpoints). */
  exportState?(): Promise<WeightsSnapshot>;
  /** Go on training with another learning rate (optimizer state kept). */
  setLearningRate?(learningRate: number): void;
  /** The weights and step; with `training`, also the optimizers and the data position. */
  importWeights(s: WeightsSnapshot): void | Promise<void>;
  dispose(): void;
}
