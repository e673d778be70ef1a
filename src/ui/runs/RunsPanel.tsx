/**
 * The lab notebook: every run with what differs from the one before, its step and test metrics,
 * checkboxes for the overlay and the side-by-side table, Resume / Train / Duplicate / Delete,
 * the memory budget, and "Repeat over 3 seeds".
 */
import { memo } from 'react';
import { fmt } from '../common/format';
import { useLang, useText } from '../text/TextContext';
import { keptBytes } from './budget';
import { metricRows } from './metricRows';
import { runColor } from './colors';
import { MAX_SELECTED, previousRun, resumable, type Run } from './runsStore';
import { settingsDiff } from './settingsDiff';
import { RUNS_STRINGS } from './strings';
import { SeedRepeat, type RunsProps } from './SeedRepeat';
import './runs.css';

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export const RunsPanel = memo(function RunsPanel({ runs, step, version, ready }: RunsProps) {
  const w = useText(RUNS_STRINGS);
  const lang = useLang();
  const { state } = runs;
  const used = state.runs.reduce((a, r) => a + keptBytes(r), 0);
  const full = state.selected.length >= MAX_SELECTED;
  const name = (r: Run) => w.runName(r.id);
  const dropped = state.dropped.flatMap((d) => {
    const r = state.runs.find((x) => x.id === d.id);
    const n = r ? name(r) : w.runName(d.id);
    return [
      ...(d.snapshots > 0 ? [w.droppedSnapshots(n, d.snapshots)] : []),
      ...(d.weights ? [w.droppedWeights(n)] : []),
    ];
  });
  return (
    <section className="runs" aria-labelledby="runs-h">
      <h3 id="runs-h">{w.heading}</h3>
      <p className="caption">{w.intro}</p>
      <p className="hint">
        {w.selectedCount(state.selected.length, MAX_SELECTED)} ·{' '}
        {w.budget(mb(used), mb(state.budget))}
      </p>
      <p role="status" className="runs-dropped">
        {dropped.length > 0 ? w.dropped(dropped.join('; ')) : ''}
      </p>
      <ol className="runs-list">
        {state.runs.map((r) => {
          const prev = previousRun(state, r);
          const diff = prev ? settingsDiff(prev.config, r.config, lang) : [];
          const selected = state.selected.includes(r.id);
          const current = r.id === state.current;
          return (
            <li key={r.id} className={current ? 'run current' : 'run'}>
              <div className="run-head">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={selected}
                    disabled={!selected && full}
                    aria-label={w.select(name(r))}
                    onChange={(e) => runs.select(r.id, e.target.checked)}
                  />
                  {selected && (
                    <span
                      className="run-swatch"
                      style={{
                        background: current ? 'transparent' : runColor(state.selected, r.id),
                      }}
                      aria-hidden="true"
                    />
                  )}
                  <strong>{name(r)}</strong>
                </label>
                <span className="run-state">
                  {current
                    ? w.currentAt(r.step)
                    : r.version === null
                      ? w.notTrained
                      : w.stepOf(r.step)}
                </span>
              </div>
              <p className="run-diff">
                {!prev ? w.first : diff.length === 0 ? w.same : w.differs(diff)}
              </p>
              {r.test ? (
                <table className="run-metrics">
                  <caption>{w.testAt(r.test.step)}</caption>
                  <thead>
                    <tr>
                      <td />
                      <th scope="col">AUC</th>
                      <th scope="col">GAUC</th>
                      <th scope="col">{w.logloss}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {metricRows(r.test).map(({ model: m, metrics: v }) => (
                      <tr key={m}>
                        <th scope="row">{w.model[m]}</th>
                        <td className="num">{fmt(v?.auc, 4)}</td>
                        <td className="num">{fmt(v?.gauc, 4)}</td>
                        <td className="num">{fmt(v?.logloss, 4)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="hint">{w.noTest}</p>
              )}
              {r.weightsDropped && <p className="hint">{w.noWeights}</p>}
              <div className="run-actions">
                {resumable(state, r) && (
                  <button
                    type="button"
                    disabled={!ready}
                    aria-label={w.resumeOf(name(r))}
                    onClick={() => runs.resume(r.id)}
                  >
                    {w.resume}
                  </button>
                )}
                {r.planned !== undefined && r.version === null && (
                  <button
                    type="button"
                    disabled={!ready}
                    aria-label={w.trainOf(name(r), r.planned)}
                    onClick={() => runs.train(r.id)}
                  >
                    {w.train}
                  </button>
                )}
                <button
                  type="button"
                  disabled={!ready}
                  aria-label={w.duplicateOf(name(r))}
                  onClick={() => runs.duplicate(r.id)}
                >
                  {w.duplicate}
                </button>
                {!current && (
                  <button
                    type="button"
                    aria-label={w.delOf(name(r))}
                    onClick={() => runs.remove(r.id)}
                  >
                    {w.del}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <p className="hint">{w.duplicateNote}</p>
      <SeedRepeat runs={runs} step={step} version={version} ready={ready} />
    </section>
  );
});
