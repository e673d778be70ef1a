/** The page's shared shapes: what a score means to the views, the curves, the notices. */
import type {
  EvalMetrics,
  ModelName,
  ScoreResult,
  NoticeAction,
  NoticeDetail,
} from '../../train/protocol';

/**
 * The config version before the first progress message (the client numbers its versions from 1):
 * what is fitted then belongs to the weights of the first init.
 */
export const NO_VERSION = 0;

export interface Scored {
  /** uid of each history entry, aligned with result.history. */
  uids: number[];
  result: ScoreResult;
}

export interface LossPoint {
  step: number;
  loss: Record<ModelName, number>;
  aux: number;
  /** BST's loss at this step, when the run trains it (absent in curves saved before BST's were kept). */
  bst?: number;
}

export interface TestPoint {
  step: number;
  test: Record<ModelName, EvalMetrics>;
  /** BST's test metrics at this step, when the run trains it (absent as `bst` above). */
  bst?: EvalMetrics;
}

export interface Curves {
  /** The config version (Progress.version) these points belong to: a new one starts afresh. */
  version: number;
  loss: LossPoint[];
  test: TestPoint[];
}

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  /** English, as sent; `detail`, when there is one, is worded in the reader's language. */
  message: string;
  detail?: NoticeDetail;
  action?: NoticeAction;
}
