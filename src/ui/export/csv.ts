/**
 * The curves as CSV, one row per (step, model, metric): the tidy long form that pandas, R and
 * spreadsheets pivot as they like. Only numbers and fixed identifiers are written, so no field
 * needs quoting. Metrics: `loss` (training loss as recorded: DIEN's is target + α·aux),
 * `aux_loss` (DIEN only), `test_auc`, `test_gauc`, `test_logloss`.
 */
import type { ModelName } from '../../train/protocol';
import type { Curves } from '../state/types';

const MODELS: readonly ModelName[] = ['base', 'din', 'dien'];

const num = (x: number) => (Number.isFinite(x) ? String(x) : '');

export function curvesCsv(curves: Curves): string {
  const rows: string[] = ['step,model,metric,value'];
  for (const p of curves.loss) {
    for (const m of MODELS) rows.push(`${p.step},${m},loss,${num(p.loss[m])}`);
    rows.push(`${p.step},dien,aux_loss,${num(p.aux)}`);
  }
  for (const p of curves.test)
    for (const m of MODELS) {
      const t = p.test[m];
      rows.push(`${p.step},${m},test_auc,${num(t.auc)}`);
      rows.push(`${p.step},${m},test_gauc,${num(t.gauc)}`);
      rows.push(`${p.step},${m},test_logloss,${num(t.logloss)}`);
    }
  return rows.join('\n') + '\n';
}
