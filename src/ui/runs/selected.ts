/** The selected runs as the curves and the results table draw them. */
import type { OverlayRun } from '../training/TrainingCurves';
import type { Lang } from '../text/i18n';
import { runColor } from './colors';
import type { RunRow } from './RunsTable';
import type { RunsState } from './runsStore';
import { RUNS_STRINGS } from './strings';
import type { PageState } from '../state/urlState';
import { writeRunsParam } from './runsParam';

/** The link's `runs` value: the selected runs' settings over the page's, with their steps. */
export function runsParamOf(s: RunsState, base: PageState): string {
  const picked = s.selected.map((id) => s.runs.find((r) => r.id === id)).filter((r) => !!r);
  return writeRunsParam(
    picked.map((r) => ({
      config: r.config,
      steps: r.version === null ? (r.planned ?? 0) : r.step,
    })),
    base,
  );
}

export function selectedRuns(s: RunsState, lang: Lang): { overlay: OverlayRun[]; rows: RunRow[] } {
  const w = RUNS_STRINGS[lang];
  const picked = s.selected
    .map((id) => s.runs.find((r) => r.id === id))
    .filter((r) => r !== undefined);
  const rows = picked.map((r) => ({
    id: r.id,
    label: w.runName(r.id),
    // The current run is drawn in the models' own colours, not a run colour.
    color: r.id === s.current ? null : runColor(s.selected, r.id),
    test: r.test,
  }));
  // The current run is drawn as it always is; only kept runs are overlaid.
  const overlay = picked
    .filter((r) => r.id !== s.current && r.curves.loss.length + r.curves.test.length > 0)
    .map((r) => ({
      key: r.id,
      label: w.runName(r.id),
      color: runColor(s.selected, r.id),
      curves: r.curves,
    }));
  return { overlay, rows };
}
