/** The selected runs side by side in the results' form: one row per run and model. */
import { fmt } from '../common/format';
import { MODELS } from '../common/palette';
import { ScrollRegion } from '../common/ScrollRegion';
import { useText } from '../text/TextContext';
import type { EvalMetrics, ModelName } from '../../train/protocol';
import { RUNS_STRINGS } from './strings';
import './runs.css';

export interface RunRow {
  id: number;
  label: string;
  color: string;
  test?: { step: number; value: Record<ModelName, EvalMetrics> };
}

export function RunsTable({ runs }: { runs: RunRow[] }) {
  const w = useText(RUNS_STRINGS);
  if (runs.length === 0) return null;
  return (
    <ScrollRegion label={w.selectedTable}>
      <table className="runs-table">
        <caption>{w.selectedTable}</caption>
        <thead>
          <tr>
            <th scope="col">{w.run}</th>
            <th scope="col">{w.step}</th>
            {MODELS.map((m) => (
              <th scope="col" key={m} colSpan={3}>
                {w.model[m]}
              </th>
            ))}
          </tr>
          <tr>
            <td />
            <td />
            {MODELS.map((m) =>
              ['AUC', 'GAUC', w.logloss].map((k) => (
                <th scope="col" key={`${m}-${k}`} className="sub">
                  {k}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <span className="run-swatch" style={{ background: r.color }} aria-hidden="true" />
                {r.label}
              </th>
              <td className="num">{r.test ? r.test.step : '–'}</td>
              {MODELS.map((m) => {
                const v = r.test?.value[m];
                return [v?.auc, v?.gauc, v?.logloss].map((x, i) => (
                  <td className="num" key={`${m}-${i}`}>
                    {x === undefined ? '–' : fmt(x, 4)}
                  </td>
                ));
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
