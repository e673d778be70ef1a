/**
 * The lines the training charts draw, for the current run and each overlaid kept run alike: a
 * loss line per model (DIEN's target loss, comparable with the others) and the auxiliary loss,
 * and a test-AUC line per model; BST's pair only for a run whose curves carry it.
 */
import type { ModelName } from '../../train/protocol';
import { MODEL_COLOR, MODEL_DASH, MODELS, OKABE_ITO } from '../common/palette';
import type { Curves } from '../state/types';
import { targetLoss } from './shownMetrics';

export type SeriesModel = ModelName | 'bst' | 'aux';

export interface Series {
  model: SeriesModel;
  points: [number, number][];
  /** A selected run drawn over the current one: its colour and name (model by dash). */
  run?: { key: number; label: string; color: string };
}

/** BST in the green of its card; dash-dot, unlike the three models' dashes and the dotted aux. */
export const BST_COLOR = OKABE_ITO.green;
export const BST_DASH = '8 3 2 3';
export const AUX_COLOR = '#767676';
const AUX_DASH = '1 3';

export function seriesColor(model: SeriesModel): string {
  return model === 'aux' ? AUX_COLOR : model === 'bst' ? BST_COLOR : MODEL_COLOR[model];
}

export function seriesDash(model: SeriesModel): string {
  return model === 'aux' ? AUX_DASH : model === 'bst' ? BST_DASH : MODEL_DASH[model];
}

/** The run trained BST: some point of its curves carries BST's numbers. */
export function curvesHaveBst(curves: Curves): boolean {
  return curves.loss.some((p) => p.bst !== undefined) || curves.test.some((p) => !!p.bst);
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
  if (curvesHaveBst(curves))
    lines.push({
      model: 'bst',
      ...(run ? { run } : {}),
      // A point without BST's loss is a gap in its line, not a zero.
      points: curves.loss.map((p): [number, number] => [p.step, p.bst ?? NaN]),
    });
  if (!run) lines.push({ model: 'aux', points: curves.loss.map((p) => [p.step, p.aux]) });
  return lines;
}

export function aucSeries(curves: Curves, run?: Series['run']): Series[] {
  const lines: Series[] = MODELS.map((m) => ({
    model: m,
    ...(run ? { run } : {}),
    points: curves.test.map((p): [number, number] => [p.step, p.test[m].auc]),
  }));
  if (curvesHaveBst(curves))
    lines.push({
      model: 'bst',
      ...(run ? { run } : {}),
      points: curves.test.map((p): [number, number] => [p.step, p.bst?.auc ?? NaN]),
    });
  return lines;
}
