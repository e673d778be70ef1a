/** The selected runs side by side in the results' form: one row group per run, a row per model. */
import { fmt } from '../common/format';
import { ScrollRegion } from '../common/ScrollRegion';
import { useText } from '../text/TextContext';
import { metricRows, type RunTest } from './metricRows';
import { RUNS_STRINGS } from './strings';
import './runs.css';

export interface RunRow {
  id: number;
  label: string;
  /** null: the current run (drawn in the models' colours). */
  color: string | null;
  test?: RunTest;
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
            <th scope="col">{w.modelCol}</th>
            <th scope="col">{w.step}</th>
            <th scope="col">AUC</th>
            <th scope="col">GAUC</th>
            <th scope="col">{w.logloss}</th>
          </tr>
        </thead>
        {runs.map((r) => (
          // One row group per run: its name spans its models' rows (BST's too, if it trained it).
          <tbody key={r.id}>
            {metricRows(r.test).map(({ model: m, metrics: v }, i, all) => (
              <tr key={m}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={all.length}>
                    <span
                      className={r.color ? 'run-swatch' : 'run-swatch now'}
                      style={{ background: r.color ?? 'transparent' }}
                      aria-hidden="true"
                    />
                    {r.label}
                  </th>
                )}
                <th scope="row">{w.model[m]}</th>
                <td className="num">{r.test ? r.test.step : '–'}</td>
                {[v?.auc, v?.gauc, v?.logloss].map((x, k) => (
                  <td className="num" key={k}>
                    {x === undefined ? '–' : fmt(x, 4)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </ScrollRegion>
  );
}
