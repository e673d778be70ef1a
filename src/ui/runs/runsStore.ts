/**
 * The lab notebook as a pure reducer: every run (settings, curves, final metrics, and, once
 * replaced, its weights with training state and rewind snapshots), which one trains now, which
 * are selected for the overlay. A run is tied to the client's config versions: a progress of a
 * version no run has is a new run (a reset), a resume gives the kept run a new version.
 */
import type { EvalMetrics, ModelName, SessionConfig, WeightsSnapshot } from '../../train/protocol';
import type { Curves } from '../state/types';
import { fitRuns, RUNS_BUDGET_BYTES, type Drop } from './budget';

export const MAX_SELECTED = 6;
/** A saved run's version: none of this page's (the client numbers from 1), so no progress is its. */
export const RESTORED_VERSION = -1;

export interface Run {
  /** Also its name: Run 1, Run 2… (never reused after a delete). */
  id: number;
  config: SessionConfig;
  /**
   * The config version it last trained under (null: listed from a link, never trained;
   * RESTORED_VERSION: trained on an earlier page, brought back by the autosave or a file).
   */
  version: number | null;
  curves: Curves;
  step: number;
  /** The last test evaluation, with its step. */
  test?: { step: number; value: Record<ModelName, EvalMetrics>; bst?: EvalMetrics };
  /** Kept when another run replaced it: with the training state, so it can resume. */
  weights?: WeightsSnapshot;
  rewind: WeightsSnapshot[];
  /** The budget took its weights: listed, not resumable. */
  weightsDropped: boolean;
  /** From a link: train to this step to reproduce it. */
  planned?: number;
}

export interface RunsState {
  runs: Run[];
  next: number;
  /** The run training now. */
  current: number | null;
  selected: number[];
  /** What the budget dropped last (the page says it). */
  dropped: Drop[];
  budget: number;
}

export type RunsAction =
  /** Progress of a config version: a new run, unless a run already has that version. */
  | { type: 'started'; version: number; config: SessionConfig }
  | {
      type: 'track';
      version: number;
      curves: Curves;
      step: number;
      test?: Run['test'];
    }
  /** The weights a reset or resume exported of the run it replaced. */
  | { type: 'kept'; version: number; weights: WeightsSnapshot; rewind: WeightsSnapshot[] }
  | { type: 'resumed'; id: number; version: number }
  /** A planned run (from a link) starts training under this version. */
  | { type: 'training'; id: number; version: number }
  | { type: 'select'; id: number; on: boolean }
  | { type: 'delete'; id: number }
  | { type: 'plan'; runs: { config: SessionConfig; steps: number }[] }
  /**
   * Saved runs come back (a reload, a session file): listed under their own numbers, with
   * `current` the run training now under `version` when the saved current run was resumed.
   */
  | {
      type: 'restore';
      runs: RestoredRun[];
      next: number;
      current?: {
        id: number;
        version: number;
        config: SessionConfig;
        curves: Curves;
        step: number;
      };
      /** Start fresh: none of the page's own runs stay either. */
      replace?: boolean;
    };

/** A saved kept run: a run without the page's own bookkeeping. */
export type RestoredRun = Omit<Run, 'version' | 'planned'>;

export function initRuns(budget = RUNS_BUDGET_BYTES): RunsState {
  return { runs: [], next: 1, current: null, selected: [], dropped: [], budget };
}

const EMPTY = (version: number): Curves => ({ version, loss: [], test: [] });

function fresh(id: number, config: SessionConfig, version: number | null): Run {
  return {
    id,
    config,
    version,
    curves: EMPTY(version ?? -1),
    step: 0,
    rewind: [],
    weightsDropped: false,
  };
}

function update(s: RunsState, id: number, f: (r: Run) => Run): RunsState {
  return { ...s, runs: s.runs.map((r) => (r.id === id ? f(r) : r)) };
}

/** Keep the kept runs within the budget and note what went. */
function withinBudget(s: RunsState): RunsState {
  const { runs, dropped } = fitRuns(s.runs, s.budget, s.current);
  if (dropped.length === 0) return s;
  const gone = new Set(dropped.filter((d) => d.weights).map((d) => d.id));
  return {
    ...s,
    runs: runs.map((r) => (gone.has(r.id) ? { ...r, weightsDropped: true } : r)),
    dropped,
  };
}

export function runsReducer(s: RunsState, a: RunsAction): RunsState {
  switch (a.type) {
    case 'started': {
      // Versions only grow: progress of one no newer than a run's is that run's, or stale (the
      // first progress of a page's blank run, arriving after a restore replaced it).
      if (s.runs.some((r) => r.version !== null && r.version >= a.version)) return s;
      const run = fresh(s.next, a.config, a.version);
      return { ...s, runs: [...s.runs, run], next: s.next + 1, current: run.id, dropped: [] };
    }
    case 'track': {
      const run = s.runs.find((r) => r.version === a.version);
      if (!run) return s;
      if (run.curves === a.curves && run.step === a.step && run.test === a.test) return s;
      return update(s, run.id, (r) => ({
        ...r,
        curves: a.curves,
        step: a.step,
        test: a.test ?? r.test,
      }));
    }
    case 'kept': {
      // Its version is an old one (the client numbered a new one as it asked), so the run is no
      // longer training, even when the new version's first progress has not arrived yet.
      const run = s.runs.find((r) => r.version === a.version);
      if (!run) return s;
      const kept = update(s, run.id, (r) => ({
        ...r,
        weights: a.weights,
        rewind: a.rewind,
        weightsDropped: false,
      }));
      return withinBudget({ ...kept, dropped: [] });
    }
    case 'resumed':
    case 'training': {
      if (!s.runs.some((r) => r.id === a.id)) return s;
      // Its weights are the worker's now; the page keeps them again when it is replaced.
      const next = update(s, a.id, (r) => ({
        ...r,
        version: a.version,
        weights: undefined,
        rewind: [],
        curves: { ...r.curves, version: a.version },
      }));
      return { ...next, current: a.id, dropped: [] };
    }
    case 'select': {
      const has = s.selected.includes(a.id);
      if (a.on === has) return s;
      if (a.on && s.selected.length >= MAX_SELECTED) return s;
      return {
        ...s,
        selected: a.on ? [...s.selected, a.id] : s.selected.filter((x) => x !== a.id),
      };
    }
    case 'delete':
      if (a.id === s.current) return s;
      return {
        ...s,
        runs: s.runs.filter((r) => r.id !== a.id),
        selected: s.selected.filter((x) => x !== a.id),
      };
    case 'restore':
      return restore(s, a);
    case 'plan': {
      const runs = a.runs.map((r, i) => ({
        ...fresh(s.next + i, r.config, null),
        planned: r.steps,
      }));
      return { ...s, runs: [...s.runs, ...runs], next: s.next + runs.length };
    }
  }
}

const sameConfig = (a: SessionConfig, b: SessionConfig) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The saved runs under their own numbers, then the page's own that still mean something,
 * renumbered after them: a run that trained here (the one being replaced too, when it has
 * steps), and a link's planned run unless a saved run is that very run (then the saved one
 * takes its place in the selection).
 */
function restore(s: RunsState, a: Extract<RunsAction, { type: 'restore' }>): RunsState {
  const restored: Run[] = a.runs.map((r) => ({ ...r, version: RESTORED_VERSION }));
  if (a.current)
    restored.push({
      ...fresh(a.current.id, a.current.config, a.current.version),
      curves: a.current.curves,
      step: a.current.step,
    });
  const replaced = (r: Run) => a.current && r.id === s.current && r.step === 0;
  const planTaken = new Map<number, number>();
  const own = s.runs.filter((r) => {
    if (a.replace || replaced(r)) return false;
    if (r.planned === undefined || r.version !== null) return true;
    const same = a.runs.find((k) => sameConfig(k.config, r.config) && k.step === r.planned);
    if (same) planTaken.set(r.id, same.id);
    return !same;
  });
  let next = Math.max(a.next, ...restored.map((r) => r.id + 1));
  const renumber = new Map<number, number>();
  for (const r of own) renumber.set(r.id, next++);
  const idOf = (id: number) => planTaken.get(id) ?? renumber.get(id);
  const selected = [...new Set(s.selected.map(idOf).filter((id) => id !== undefined))];
  const current = a.current
    ? a.current.id
    : s.current === null
      ? null
      : (renumber.get(s.current) ?? null);
  const runs = [...restored, ...own.map((r) => ({ ...r, id: renumber.get(r.id)! }))].sort(
    (x, y) => x.id - y.id,
  );
  return withinBudget({ ...s, runs, next, current, selected, dropped: [] });
}

/** Whether a run can go on training from its own weights. */
export function resumable(s: RunsState, r: Run): boolean {
  return r.id !== s.current && r.weights?.training !== undefined;
}

/** The run listed before `r` (what its diff is against), if any. */
export function previousRun(s: RunsState, r: Run): Run | undefined {
  const i = s.runs.findIndex((x) => x.id === r.id);
  return i > 0 ? s.runs[i - 1] : undefined;
}
