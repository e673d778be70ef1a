/** The page's shared shapes: what a score means to the views, the curves, the notices. */
import type { EvalMetrics, ModelName, ScoreResult } from '../../train/protocol';

export interface Scored {
  /** uid of each history entry, aligned with result.history. */
  uids: number[];
  result: ScoreResult;
}

export interface LossPoint {
  step: number;
  loss: Record<ModelName, number>;
  aux: number;
}

export interface TestPoint {
  step: number;
  test: Record<ModelName, EvalMetrics>;
}

export interface Curves {
  loss: LossPoint[];
  test: TestPoint[];
}

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}
