/**
 * The lines the training charts draw, for the current run and each overlaid kept run alike: a
 * loss line per model (DIEN's target loss, comparable with the others) and the auxiliary loss,
 * and a test-AUC line per model.
 */
import type { ModelName } from '../../train/protocol';
import { MODELS } from '../common/palette';
import type { Curves } from '../state/types';
import { targetLoss } from './shownMetrics';

export interface Series {
  model: ModelName | 'aux';
  points: [number, number][];
  /** A selected run drawn over the current one: its colour and name (model by dash). */
  run?: { key: number; label: string; color: string };
}

/** The loss lines of one run; the current run's also get the auxiliary loss. */
export function lossSeries(curves: Curves, alpha: number, run?: Series['run']): Series[] {
  const lines: Series[] = MODELS.map((m) => ({
    model: m,
    ...(run ? { run } : {}),
    points: curves.loss.map((p): [number, number] => [
      p.step,
      m === 'dien' ? targetLoss(p.loss.dien, p.aux, alpha) : p.loss[m],
    ]),
  }));
  if (!run) lines.push({ model: 'aux', points: curves.loss.map((p) => [p.step, p.aux]) });
  return lines;
}

export function aucSeries(curves: Curves, run?: Series['run']): Series[] {
  return MODELS.map((m) => ({
    model: m,
    ...(run ? { run } : {}),
    points: curves.test.map((p): [number, number] => [p.step, p.test[m].auc]),
  }));
}
