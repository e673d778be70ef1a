/**
 * Nothing lost on reload: the one owner of the saved session. It saves the live training state
 * (weights, Adam state, data position, asked of the worker) with the settings, history,
 * candidate and curves; on load it resumes a saved run of the same settings (or offers one of
 * other settings), and sets aside what fails its check.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionConfig, WeightsSnapshot } from '../../train/protocol';
import { goodsOf, timesOf } from '../state/historyReducer';
import type { Preset } from '../history/presets';
import type { PageActions, PageModel } from '../state/pageReducer';
import type { Curves } from '../state/types';
import type { Trainer } from '../training/useTrainer';
import type { RunsHandle } from '../runs/useRuns';
import type { RunsState } from '../runs/runsStore';
import {
  SESSION_FORMAT,
  SESSION_VERSION,
  type SavedKeptRun,
  type SavedRuns,
  type SavedSession,
} from './schema';
import { keptSignature, sameKept, SessionStore } from './store';

const SAVE_EVERY_MS = 4000;

export type SavedState =
  | { kind: 'checking' }
  | { kind: 'idle' }
  | { kind: 'resumed'; step: number; savedAt: number }
  /** A saved run of other settings, listed in the panel as run `run`. */
  | { kind: 'offer'; session: SavedSession; run: number }
  | { kind: 'setAside'; problem: string };

/** The curves up to `step`: the points a resumed run has weights for. */
export function curvesUpTo(c: Curves, step: number): Curves {
  return {
    ...c,
    loss: c.loss.filter((p) => p.step <= step),
    test: c.test.filter((p) => p.step <= step),
  };
}

/**
 * The runs panel's runs to save: all but the current one, and not a link's run never trained
 * (the link lists it again). Null before the first run is filed.
 */
export function savedRunsOf(s: RunsState): SavedRuns | null {
  if (s.current === null) return null;
  const kept = s.runs
    .filter((r) => r.id !== s.current && !(r.planned !== undefined && r.step === 0))
    .map((r): SavedKeptRun => ({
      id: r.id,
      config: r.config,
      curves: r.curves,
      step: r.step,
      ...(r.test ? { test: r.test } : {}),
      ...(r.weights ? { weights: r.weights } : {}),
      rewind: r.rewind,
      weightsDropped: r.weightsDropped,
    }));
  return { current: s.current, next: s.next, kept };
}

/** The saved history as a preset: the goods, the candidate, and the times if it kept some. */
export function savedPreset(s: Pick<SavedSession, 'history' | 'times' | 'candidate'>): Preset {
  const preset: Preset = { history: s.history, candidate: s.candidate };
  if (s.times) {
    preset.times = s.times.map((t) => t ?? NaN);
    preset.candidateTime = 0;
  }
  return preset;
}

/** The record of the page's current run at `checkpoint` (what the autosave and a session file hold). */
export function sessionOf(
  p: Pick<PageModel, 'config' | 'history' | 'candidate'>,
  curves: Curves,
  checkpoint: WeightsSnapshot,
  rewind: WeightsSnapshot[] = [],
  runs: SavedRuns | null = null,
): SavedSession {
  const times = timesOf(p.history);
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: Date.now(),
    config: p.config,
    history: goodsOf(p.history),
    ...(times ? { times: times.map((t) => (Number.isFinite(t) ? t : null)) } : {}),
    candidate: p.candidate,
    curves: curvesUpTo(curves, checkpoint.step),
    checkpoint,
    rewind: rewind.filter((w) => w.step <= checkpoint.step),
    ...(runs ? { runs } : {}),
  };
}

/** The saved current run as a kept run of the panel (a run of other settings, offered). */
function asKept(s: SavedSession, id: number): SavedKeptRun {
  const last = s.curves.test.at(-1);
  return {
    id,
    config: s.config,
    curves: curvesUpTo(s.curves, s.checkpoint.step),
    step: s.checkpoint.step,
    ...(last ? { test: { step: last.step, value: last.test } } : {}),
    weights: s.checkpoint,
    rewind: s.rewind ?? [],
    weightsDropped: false,
  };
}

const sameConfig = (a: SessionConfig, b: SessionConfig) => JSON.stringify(a) === JSON.stringify(b);

export function useAutosave(
  trainer: Trainer,
  page: Pick<PageModel, 'config' | 'history' | 'candidate'>,
  act: PageActions,
  onNotSaved: (reason: string) => void,
  runs: Pick<RunsHandle, 'state' | 'restore' | 'resume'>,
) {
  const store = useRef<SessionStore | null>(null);
  store.current ??= new SessionStore();
  const [saved, setSaved] = useState<SavedState>({ kind: 'checking' });
  const { client, ready, adoptCurves } = trainer;
  const runsState = runs.state;
  const { restore } = runs;
  const latest = useRef({ page, curves: trainer.curves, progress: trainer.progress, runsState });
  /** The config version and step of this page's last save (or of the run it resumed). */
  const savedStep = useRef<{ version: number; step: number } | null>(null);
  /** The kept runs as the last save wrote them (or as they were restored). */
  const savedKept = useRef<SavedKeptRun[]>([]);
  useEffect(() => {
    latest.current = { page, curves: trainer.curves, progress: trainer.progress, runsState };
  });

  const resume = useCallback(
    (s: SavedSession) => {
      if (!client) return;
      act.resume(s.config);
      act.preset(savedPreset(s));
      const own = latest.current.runsState;
      const old = client.configVersion;
      const kept = client.resume(s.config, s.checkpoint, s.rewind ?? []);
      const version = client.configVersion;
      const curves = { ...curvesUpTo(s.curves, s.checkpoint.step), version };
      adoptCurves(curves);
      restore(
        {
          runs: s.runs?.kept ?? [],
          next: s.runs?.next ?? own.next,
          current: {
            id: s.runs?.current ?? own.current ?? own.next,
            version,
            config: s.config,
            curves,
            step: s.checkpoint.step,
          },
        },
        // The run being replaced: at step 0 on a load (dropped), kept when a file is opened later.
        { version: old, kept },
      );
      savedKept.current = s.runs?.kept ?? [];
      savedStep.current = { version, step: s.checkpoint.step };
      setSaved({ kind: 'resumed', step: s.checkpoint.step, savedAt: s.savedAt });
    },
    [client, act, adoptCurves, restore],
  );

  /**
   * A saved run of other settings than the link's: its kept runs and itself join the panel at
   * once (resumable there; the next save keeps them), and the notice offers to resume it.
   */
  const offer = useCallback(
    (s: SavedSession) => {
      const own = latest.current.runsState;
      const id = s.runs?.current ?? own.next;
      const kept = [...(s.runs?.kept ?? []), asKept(s, id)];
      restore({ runs: kept, next: Math.max(s.runs?.next ?? 0, id + 1) });
      setSaved({ kind: 'offer', session: s, run: id });
    },
    [restore],
  );

  // Once, when the engine is up and its first run has reported (so that run's first progress
  // cannot arrive after a resume replaced it): what is saved?
  const looked = useRef(false);
  const reported = trainer.progress !== null;
  useEffect(() => {
    if (!ready || !client || !reported || looked.current) return;
    looked.current = true;
    void store.current!.load().then((r) => {
      if (r.kind === 'session') {
        if (sameConfig(r.session.config, latest.current.page.config)) resume(r.session);
        else offer(r.session);
      } else if (r.kind === 'setAside') setSaved({ kind: 'setAside', problem: r.problem });
      else {
        if (r.kind === 'unavailable') onNotSaved(r.reason);
        setSaved({ kind: 'idle' });
      }
    });
  }, [ready, client, reported, resume, offer, onNotSaved]);

  // Saving: the live state, asked of the worker when training has moved since the last save —
  // every few seconds while playing, half a second after manual steps settle, and when the tab
  // is hidden (a closing tab cannot wait for the worker's answer, so the steady saves matter) —
  // or when the kept runs changed (one kept, deleted, thinned or its weights dropped).
  const failed = useRef(false);
  const saving = useRef(false);
  /** A save asked for while one was under way: run it when that one ends. */
  const again = useRef(false);
  // Bumped when the saved run is forgotten: a save already under way must not write it back.
  const forgotten = useRef(0);
  // Saving starts once the saved run is known; a run offered but not taken is replaced by the
  // first save of this page's own training (its runs joined the panel, so they are saved too).
  const active = saved.kind !== 'checking';
  const saveLater = useRef<() => void>(() => undefined);
  const save = useCallback(() => {
    const { progress, runsState: rs } = latest.current;
    if (!client || !active || !progress || failed.current) return;
    if (saving.current) {
      again.current = true;
      return;
    }
    const runsNow = savedRunsOf(rs);
    const runsMoved = !sameKept(runsNow?.kept ?? [], savedKept.current);
    const at = { version: progress.version, step: progress.step };
    const last = savedStep.current;
    if (last && last.version === at.version && last.step === at.step && !runsMoved) return;
    if (progress.step === 0 && !(runsMoved && (runsNow?.kept.length ?? 0) > 0)) {
      // A reset or a new setting with no runs to keep: the saved run is no longer the current
      // one, and a reload must not bring it back.
      if (last !== null && last.version !== at.version) {
        forgotten.current++;
        savedKept.current = [];
        void store.current!.clear();
      }
      if (last !== null) savedStep.current = at;
      return;
    }
    saving.current = true;
    const generation = forgotten.current;
    void client
      .exportState()
      .then(async (checkpoint) => {
        if (generation !== forgotten.current) return;
        const { page: p, curves, runsState } = latest.current;
        const runsAt = savedRunsOf(runsState);
        const rewind = client.rewindCopies(checkpoint.step);
        const r = await store.current!.save(sessionOf(p, curves, checkpoint, rewind, runsAt));
        if (r.ok) {
          savedStep.current = { version: at.version, step: checkpoint.step };
          savedKept.current = runsAt?.kept ?? [];
          // An offered run stays offered until training here has moved (it is listed in Runs).
          setSaved((x) => (x.kind === 'offer' && checkpoint.step > 0 ? { kind: 'idle' } : x));
        } else {
          failed.current = true;
          onNotSaved(r.reason);
        }
      })
      .catch(() => undefined) // a worker being replaced: the next save will do
      .finally(() => {
        saving.current = false;
        if (again.current) {
          again.current = false;
          setTimeout(() => saveLater.current(), 0);
        }
      });
  }, [client, active, onNotSaved]);
  useEffect(() => {
    saveLater.current = save;
  }, [save]);

  const playing = trainer.progress?.playing ?? false;
  const step = trainer.progress?.step;
  useEffect(() => {
    if (!active) return;
    const timer = playing ? setInterval(save, SAVE_EVERY_MS) : setTimeout(save, 500);
    return () => (playing ? clearInterval(timer) : clearTimeout(timer));
  }, [active, playing, step, save]);

  // The kept runs change rarely (and hold the most bytes): saved half a second after they settle.
  const keptKey = useMemo(() => keptSignature(savedRunsOf(runsState)?.kept ?? []), [runsState]);
  useEffect(() => {
    if (!active || keptKey === keptSignature(savedKept.current)) return;
    const timer = setTimeout(save, 500);
    return () => clearTimeout(timer);
  }, [active, keptKey, save]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') save();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => document.removeEventListener('visibilitychange', onHide);
  }, [save]);

  const startFresh = useCallback(() => {
    forgotten.current++;
    savedKept.current = [];
    void store.current!.clear();
    setSaved({ kind: 'idle' });
    // Nothing of the saved notebook stays: the panel keeps only the run the reset starts.
    restore({ runs: [], next: latest.current.runsState.next, replace: true });
    act.reset();
  }, [act, restore]);

  const { resume: resumeRun } = runs;
  const resumeOffered = useCallback(() => {
    if (saved.kind !== 'offer') return;
    const s = saved.session;
    resumeRun(saved.run);
    act.preset(savedPreset(s));
    setSaved({ kind: 'resumed', step: s.checkpoint.step, savedAt: s.savedAt });
  }, [saved, resumeRun, act]);

  return { saved, startFresh, resumeOffered, open: resume };
}
