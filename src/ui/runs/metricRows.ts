/** A run's last evaluation as table rows: the three models, then BST's when the run trained it. */
import type { EvalMetrics, ModelName } from '../../train/protocol';
import { MODELS } from '../common/palette';

export type RunModel = ModelName | 'bst';

export interface RunTest {
  step: number;
  value: Record<ModelName, EvalMetrics>;
  bst?: EvalMetrics;
}

export function metricRows(
  test: RunTest | undefined,
): { model: RunModel; metrics?: EvalMetrics }[] {
  if (!test) return MODELS.map((model) => ({ model }));
  const rows: { model: RunModel; metrics?: EvalMetrics }[] = MODELS.map((model) => ({
    model,
    metrics: test.value[model],
  }));
  if (test.bst) rows.push({ model: 'bst', metrics: test.bst });
  return rows;
}
