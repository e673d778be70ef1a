/**
 * Which loss and test metrics belong on screen: live, the latest ones; rewound to a step, the
 * training loss of the last recorded step at or before it and the last test evaluation at or
 * before it, each with its own step. Nothing shown while rewound comes from after the step.
 * BST, trained in the same lockstep, is read from the same progress or the same curve points.
 */
import type { EvalMetrics, ModelName, Progress } from '../../train/protocol';
import type { Curves } from '../state/types';

export interface Stepped<T> {
  step: number;
  value: T;
}

export interface LossAt {
  /** Per model; DIEN's is its total, target + α·aux (as the worker reads it). */
  loss: Record<ModelName, number>;
  aux: number;
  /** BST's, when the run trains it (and, rewound, when its curves kept it). */
  bst?: number;
}

/** The test metrics of one evaluation: the three models', and BST's as `bst` beside them. */
export interface TestAt extends Stepped<Record<ModelName, EvalMetrics>> {
  bst?: EvalMetrics;
}

export interface ShownMetrics {
  /** The step the views replay, or null when live. */
  at: number | null;
  loss?: Stepped<LossAt>;
  test?: TestAt;
}

/** The rewind snapshot a replay at `atStep` uses: the last one at or before it (the worker's rule). */
export function replayedStep(snapshots: readonly number[], atStep: number | null): number | null {
  if (atStep === null) return null;
  let best: number | null = null;
  for (const s of snapshots) if (s <= atStep && (best === null || s > best)) best = s;
  return best ?? atStep;
}

function lastAtOrBefore<P extends { step: number }>(
  points: readonly P[],
  step: number,
): P | undefined {
  let found: P | undefined;
  for (const p of points) if (p.step <= step && (!found || p.step >= found.step)) found = p;
  return found;
}

export function shownMetrics(
  curves: Curves,
  progress: Progress | null,
  at: number | null,
): ShownMetrics {
  if (at === null) {
    if (!progress) return { at };
    const finite = Number.isFinite(progress.loss.base);
    const bstLoss = progress.bstLoss;
    return {
      at,
      loss: finite
        ? {
            step: progress.step,
            value: {
              loss: progress.loss,
              aux: progress.auxLoss,
              ...(bstLoss !== undefined && Number.isFinite(bstLoss) ? { bst: bstLoss } : {}),
            },
          }
        : undefined,
      test:
        progress.test && progress.testStep !== undefined
          ? {
              step: progress.testStep,
              value: progress.test,
              ...(progress.bstTest ? { bst: progress.bstTest } : {}),
            }
          : undefined,
    };
  }
  // Curves of other weights (a reset not yet reported) say nothing about this replay.
  if (progress && curves.version !== progress.version) return { at };
  const l = lastAtOrBefore(curves.loss, at);
  const t = lastAtOrBefore(curves.test, at);
  return {
    at,
    loss: l
      ? {
          step: l.step,
          value: { loss: l.loss, aux: l.aux, ...(l.bst !== undefined ? { bst: l.bst } : {}) },
        }
      : undefined,
    test: t ? { step: t.step, value: t.test, ...(t.bst ? { bst: t.bst } : {}) } : undefined,
  };
}

/** DIEN's target loss, comparable with Base's and DIN's: total − α·aux. */
export function targetLoss(total: number, aux: number, alpha: number): number {
  return alpha === 0 ? total : total - alpha * aux;
}
