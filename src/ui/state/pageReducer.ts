/**
 * The page's state as one reducer: the history being edited, the candidate, what is inspected,
 * the rewind step, the session config and its reset counter, speed, language and the views'
 * own choices. Training itself (progress, playing, the weights' version) is owned by the worker
 * and read from `progress`, never copied here.
 */
import { fitBudget } from '../../data/budget';
import type { Dispatch } from 'react';
import type {
  DataSource,
  ModelName,
  ModelSettings,
  SessionConfig,
  TrainSettings,
  WorldConfig,
} from '../../train/protocol';
import type { LabId } from '../../model/bugs';
import type { BstSettings } from '../../model/bstConfig';
import type { Preset } from '../history/presets';
import type { Lang } from '../text/i18n';
import { DEFAULT_COMPARE, DEFAULT_PAGE } from './defaults';
import {
  historyReducer,
  initHistory,
  setAction,
  type HistoryAction,
  type HistoryEntry,
  type HistoryState,
} from './historyReducer';
import { withBst, withLab, type PageState } from './urlState';

/** What an undo restores: the reader's inputs to the models (the purchases with their uids, the ad). */
export interface Edit {
  entries: HistoryEntry[];
  candidate: number;
}

/** How many edits Undo can take back. */
export const MAX_UNDO = 20;

export interface PageModel {
  history: HistoryState;
  candidate: number;
  /** The inputs before each of the last edits, oldest first (at most MAX_UNDO). */
  past: Edit[];
  /** uid of the purchase the activation unit shows (null: the most recent kept one). */
  inspected: number | null;
  /** Rewind: the snapshot step the views replay (null: the live weights). */
  atStep: number | null;
  config: SessionConfig;
  /**
   * Bumped by every reset intent (the Reset button, a changed setting): useTrainer sends
   * `reset(config)` to the worker when it changes.
   */
  resets: number;
  /** Training steps per worker tick while playing. */
  speed: number;
  lang: Lang;
  /** The model whose embeddings the embedding map shows. */
  mapModel: ModelName;
  /** The DIN-versus-DIEN comparison's two candidates. */
  compare: { current: number; old: number };
}

export interface ConfigPatch {
  world?: Partial<WorldConfig>;
  model?: Partial<ModelSettings>;
  train?: Partial<TrainSettings>;
  /** The bug lab's switches, replacing the current ones ([] = none). */
  bugLab?: LabId[];
  /** BST's settings, replacing the current ones (null = off; absent = as they are). */
  bst?: BstSettings | null;
}

/** The config with a settings patch applied (before the budgets). */
export function patched(config: SessionConfig, p: ConfigPatch = {}): SessionConfig {
  const world: WorldConfig = { ...config.world, ...p.world };
  // A timeless world has no timeSignal field (a link's tsig=0 reads the same way).
  if (!world.timeSignal) delete world.timeSignal;
  const next = {
    world,
    model: { ...config.model, ...p.model },
    train: { ...config.train, ...p.train },
  };
  const bst = p.bst === undefined ? config.bst : (p.bst ?? undefined);
  return withData(withBst(withLab(next, p.bugLab ?? config.bugLab ?? []), bst), config.data);
}

/** The config on `data` (absent: the toy world). The page's copy never holds the world itself. */
export function withData<C extends SessionConfig>(config: C, data: DataSource | undefined): C {
  const rest = { ...config };
  delete rest.data;
  if (!data) return rest;
  return { ...rest, data: { kind: data.kind, id: data.id, name: data.name } };
}

export type PageAction =
  | { type: 'history'; action: HistoryAction }
  | { type: 'preset'; preset: Preset }
  | { type: 'candidate'; good: number }
  /** Take back the last edit of the history or the candidate. */
  | { type: 'undo' }
  | { type: 'inspect'; uid: number | null }
  | { type: 'rewind'; step: number | null }
  /** New initial weights, with the config changed by `patch` if given. */
  | { type: 'reset'; patch?: ConfigPatch }
  /** A kept run resumed: its config, from its own weights (no reset, no new weights). */
  | { type: 'resume'; config: SessionConfig }
  /** A learning rate taken while training goes on (the NaN guard's way out): no reset. */
  | { type: 'learningRate'; learningRate: number }
  | { type: 'speed'; speed: number }
  | { type: 'lang'; lang: Lang }
  | { type: 'mapModel'; model: ModelName }
  | { type: 'compare'; current?: number; old?: number }
  /**
   * Train on an imported file (or back on the toy world: data null): a new run, whose history,
   * candidate and comparison start from goods of that catalogue (ids of the other one mean nothing).
   */
  | {
      type: 'data';
      data: DataSource | null;
      start: Preset;
      compare: { current: number; old: number };
    };

export function initPage(s: PageState): PageModel {
  return {
    history: initHistory(s.history),
    candidate: s.candidate,
    past: [],
    inspected: null,
    atStep: null,
    config: withBst(
      withLab({ world: s.world, model: s.model, train: s.train }, s.bugLab ?? []),
      s.bst,
    ),
    resets: 0,
    speed: s.speed,
    lang: s.lang,
    mapModel: 'dien',
    compare: DEFAULT_COMPARE,
  };
}

/** What of the page goes into the link (the backend is the link's own, never changed here). */
export function urlStateOf(page: PageModel, backend: PageState['backend']): PageState {
  // An imported file's goods mean nothing in a link (whoever opens it has not the file, and
  // a reload reads the link before the kept file): the link keeps the toy shop's defaults.
  const file = page.config.data !== undefined;
  return {
    history: file ? DEFAULT_PAGE.history : page.history.entries.map((e) => e.good),
    candidate: file ? DEFAULT_PAGE.candidate : page.candidate,
    ...withData(page.config, undefined),
    speed: page.speed,
    lang: page.lang,
    backend,
  };
}

/**
 * The state after an edit of the inputs, with the inputs before it on the undo stack. An edit
 * that changes nothing is no undo step (the same state comes back).
 */
function edited(state: PageModel, history: HistoryState, candidate: number): PageModel {
  if (history.entries === state.history.entries && candidate === state.candidate) return state;
  const before: Edit = { entries: state.history.entries, candidate: state.candidate };
  return { ...state, history, candidate, past: [...state.past, before].slice(-MAX_UNDO) };
}

export function pageReducer(state: PageModel, action: PageAction): PageModel {
  switch (action.type) {
    case 'history':
      return edited(state, historyReducer(state.history, action.action), state.candidate);
    case 'preset':
      return edited(
        state,
        historyReducer(state.history, setAction(action.preset)),
        action.preset.candidate,
      );
    case 'candidate':
      return edited(state, state.history, action.good);
    case 'undo': {
      const last = state.past[state.past.length - 1];
      if (!last) return state;
      return {
        ...state,
        history: { ...state.history, entries: last.entries },
        candidate: last.candidate,
        past: state.past.slice(0, -1),
      };
    }
    case 'inspect':
      return action.uid === state.inspected ? state : { ...state, inspected: action.uid };
    case 'rewind':
      return action.step === state.atStep ? state : { ...state, atStep: action.step };
    case 'reset': {
      return {
        ...state,
        // Within the resource budgets (the panel says what a cap changed).
        config: fitBudget(patched(state.config, action.patch)).settings,
        resets: state.resets + 1,
        // New weights: the rewind snapshots are gone with the old ones.
        atStep: null,
      };
    }
    case 'resume': {
      const next = { ...state, config: action.config, atStep: null };
      if (action.config.data?.id === state.config.data?.id) return next;
      // A run of other data: the history's goods mean nothing there. The toy shop's lesson, or an
      // empty history on a file (whose users the presets offer); a saved session sets its own.
      const toy = action.config.data === undefined;
      return {
        ...next,
        history: historyReducer(state.history, {
          type: 'set',
          goods: toy ? DEFAULT_PAGE.history : [],
        }),
        candidate: toy ? DEFAULT_PAGE.candidate : 1,
        past: [],
        inspected: null,
        compare: toy ? DEFAULT_COMPARE : { current: 1, old: 2 },
      };
    }
    case 'learningRate': {
      const train = { ...state.config.train, learningRate: action.learningRate };
      return { ...state, config: { ...state.config, train } };
    }
    case 'speed':
      return { ...state, speed: action.speed };
    case 'lang':
      return { ...state, lang: action.lang };
    case 'mapModel':
      return { ...state, mapModel: action.model };
    case 'data':
      return {
        ...state,
        config: withData(state.config, action.data ?? undefined),
        history: historyReducer(state.history, setAction(action.start)),
        candidate: action.start.candidate,
        past: [],
        inspected: null,
        atStep: null,
        resets: state.resets + 1,
        compare: action.compare,
      };
    case 'compare':
      return {
        ...state,
        compare: {
          current: action.current ?? state.compare.current,
          old: action.old ?? state.compare.old,
        },
      };
  }
}

/** Stable callbacks for the views (made once per dispatch, so memoised views keep them). */
export function pageActions(dispatch: Dispatch<PageAction>) {
  return {
    history: (action: HistoryAction) => dispatch({ type: 'history', action }),
    addGood: (good: number) => dispatch({ type: 'history', action: { type: 'add', good } }),
    preset: (preset: Preset) => dispatch({ type: 'preset', preset }),
    candidate: (good: number) => dispatch({ type: 'candidate', good }),
    undo: () => dispatch({ type: 'undo' }),
    inspect: (uid: number | null) => dispatch({ type: 'inspect', uid }),
    rewind: (step: number | null) => dispatch({ type: 'rewind', step }),
    reset: (patch?: ConfigPatch) => dispatch({ type: 'reset', patch }),
    resume: (config: SessionConfig) => dispatch({ type: 'resume', config }),
    speed: (speed: number) => dispatch({ type: 'speed', speed }),
    learningRate: (learningRate: number) => dispatch({ type: 'learningRate', learningRate }),
    lang: (lang: Lang) => dispatch({ type: 'lang', lang }),
    mapModel: (model: ModelName) => dispatch({ type: 'mapModel', model }),
    compareCurrent: (good: number) => dispatch({ type: 'compare', current: good }),
    compareOld: (good: number) => dispatch({ type: 'compare', old: good }),
    data: (data: DataSource | null, start: Preset, compare: { current: number; old: number }) =>
      dispatch({ type: 'data', data, start, compare }),
  };
}

export type PageActions = ReturnType<typeof pageActions>;
