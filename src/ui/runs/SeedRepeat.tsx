/** "Repeat over 3 seeds": the current settings for seeds s, s+1, s+2, then mean ± std. */
import { useState } from 'react';
import { fmt } from '../common/format';
import { MODELS } from '../common/palette';
import { useText } from '../text/TextContext';
import { METRICS, REPEAT_STEPS } from './seeds';
import { RUNS_STRINGS } from './strings';
import type { RunsHandle } from './useRuns';

const STEPS = [50, 100, 300, 600, 1000];

/** What the runs panel and its seed repeat both read. */
export interface RunsProps {
  runs: RunsHandle;
  /** The current run's step (the default step count of a repeat). */
  step: number;
  /** The config version of `step` (a seed's run counts only its own steps). */
  version: number;
  ready: boolean;
}

export function SeedRepeat({ runs, step, version, ready }: RunsProps) {
  const w = useText(RUNS_STRINGS);
  const s = w.seeds;
  const [chosen, setChosen] = useState<number | null>(null);
  // The current step count by default, so the repeat matches the run on screen.
  const steps = chosen ?? (step > 0 ? step : REPEAT_STEPS);
  const options = STEPS.includes(steps) ? STEPS : [...STEPS, steps].sort((a, b) => a - b);
  const { running, done, cancelled } = runs.repeat;
  return (
    <div className="seed-repeat">
      <h4>{s.heading}</h4>
      <div className="seed-controls">
        <label>
          <span>{s.steps}</span>
          <select
            value={steps}
            disabled={running !== null}
            onChange={(e) => setChosen(Number(e.target.value))}
          >
            {options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button type="button" onClick={runs.cancelRepeat}>
            {s.cancel}
          </button>
        ) : (
          <button type="button" disabled={!ready} onClick={() => runs.startRepeat(steps)}>
            {s.start(steps)}
          </button>
        )}
      </div>
      <p role="status" className="seed-progress">
        {running
          ? s.progress(
              running.index,
              running.of,
              running.version === version ? Math.min(step, running.steps) : 0,
              running.steps,
            )
          : cancelled
            ? s.cancelled
            : ''}
      </p>
      {done && (
        <>
          <table className="seed-table">
            <caption>{s.caption(done.seeds, done.steps)}</caption>
            <thead>
              <tr>
                <th scope="col">{w.modelCol}</th>
                <th scope="col">AUC</th>
                <th scope="col">GAUC</th>
                <th scope="col">{w.logloss}</th>
              </tr>
            </thead>
            <tbody>
              {MODELS.map((m) => (
                <tr key={m}>
                  <th scope="row">{w.model[m]}</th>
                  {METRICS.map((k) => (
                    <td className="num" key={k}>
                      {fmt(done.summary[m][k].mean, 4)} ± {fmt(done.summary[m][k].std, 4)}
                    </td>
                  ))}
                </tr>
              ))}
              {done.summary.bst && (
                <tr>
                  <th scope="row">BST</th>
                  {METRICS.map((k) => (
                    <td className="num" key={k}>
                      {fmt(done.summary.bst?.[k].mean, 4)} ± {fmt(done.summary.bst?.[k].std, 4)}
                    </td>
                  ))}
                </tr>
              )}
            </tbody>
          </table>
          <p className="hint">{s.note}</p>
        </>
      )}
    </div>
  );
}
