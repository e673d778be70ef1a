/**
 * Nothing lost on reload: the one owner of the saved session. It saves the live training state
 * (weights, Adam state, data position, asked of the worker) with the settings, history,
 * candidate and curves; on load it resumes a saved run of the same settings (or offers one of
 * other settings), and sets aside what fails its check.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionConfig, WeightsSnapshot } from '../../train/protocol';
import { goodsOf } from '../state/historyReducer';
import type { PageActions, PageModel } from '../state/pageReducer';
import type { Curves } from '../state/types';
import type { Trainer } from '../training/useTrainer';
import { SESSION_FORMAT, SESSION_VERSION, type SavedSession } from './schema';
import { SessionStore } from './store';

const SAVE_EVERY_MS = 4000;

export type SavedState =
  | { kind: 'checking' }
  | { kind: 'idle' }
  | { kind: 'resumed'; step: number; savedAt: number }
  | { kind: 'offer'; session: SavedSession }
  | { kind: 'setAside'; problem: string };

/** The curves up to `step`: the points a resumed run has weights for. */
export function curvesUpTo(c: Curves, step: number): Curves {
  return {
    ...c,
    loss: c.loss.filter((p) => p.step <= step),
    test: c.test.filter((p) => p.step <= step),
  };
}

/** The record of the page's current run at `checkpoint` (what the autosave and a session file hold). */
export function sessionOf(
  p: Pick<PageModel, 'config' | 'history' | 'candidate'>,
  curves: Curves,
  checkpoint: WeightsSnapshot,
): SavedSession {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: Date.now(),
    config: p.config,
    history: goodsOf(p.history),
    candidate: p.candidate,
    curves: curvesUpTo(curves, checkpoint.step),
    checkpoint,
  };
}

const sameConfig = (a: SessionConfig, b: SessionConfig) => JSON.stringify(a) === JSON.stringify(b);

export function useAutosave(
  trainer: Trainer,
  page: Pick<PageModel, 'config' | 'history' | 'candidate'>,
  act: PageActions,
  onNotSaved: (reason: string) => void,
) {
  const store = useRef<SessionStore | null>(null);
  store.current ??= new SessionStore();
  const [saved, setSaved] = useState<SavedState>({ kind: 'checking' });
  const { client, ready, adoptCurves } = trainer;
  const latest = useRef({ page, curves: trainer.curves, progress: trainer.progress });
  /** The config version and step of this page's last save (or of the run it resumed). */
  const savedStep = useRef<{ version: number; step: number } | null>(null);
  useEffect(() => {
    latest.current = { page, curves: trainer.curves, progress: trainer.progress };
  });

  const resume = useCallback(
    (s: SavedSession) => {
      if (!client) return;
      act.resume(s.config);
      act.preset({ history: s.history, candidate: s.candidate });
      client.resume(s.config, s.checkpoint).catch(() => undefined);
      adoptCurves({ ...curvesUpTo(s.curves, s.checkpoint.step), version: client.configVersion });
      savedStep.current = { version: client.configVersion, step: s.checkpoint.step };
      setSaved({ kind: 'resumed', step: s.checkpoint.step, savedAt: s.savedAt });
    },
    [client, act, adoptCurves],
  );

  // Once, when the engine is up: what is saved?
  const looked = useRef(false);
  useEffect(() => {
    if (!ready || !client || looked.current) return;
    looked.current = true;
    void store.current!.load().then((r) => {
      if (r.kind === 'session') {
        if (sameConfig(r.session.config, latest.current.page.config)) resume(r.session);
        else setSaved({ kind: 'offer', session: r.session });
      } else if (r.kind === 'setAside') setSaved({ kind: 'setAside', problem: r.problem });
      else {
        if (r.kind === 'unavailable') onNotSaved(r.reason);
        setSaved({ kind: 'idle' });
      }
    });
  }, [ready, client, resume, onNotSaved]);

  // Saving: the live state, asked of the worker when training has moved since the last save —
  // every few seconds while playing, half a second after manual steps settle, and when the tab
  // is hidden (a closing tab cannot wait for the worker's answer, so the steady saves matter).
  const failed = useRef(false);
  const saving = useRef(false);
  // Bumped when the saved run is forgotten: a save already under way must not write it back.
  const forgotten = useRef(0);
  // Saving starts once the saved run is known; a run offered but not taken is replaced by the
  // first save of this page's own training (the reader chose to train here instead).
  const active = saved.kind !== 'checking';
  const save = useCallback(() => {
    const progress = latest.current.progress;
    if (!client || !active || !progress || failed.current || saving.current) return;
    const at = { version: progress.version, step: progress.step };
    const last = savedStep.current;
    if (last && last.version === at.version && last.step === at.step) return;
    if (progress.step === 0) {
      // A reset or a new setting: the saved run is no longer the current one, and a reload must
      // not bring it back (the runs panel keeps it for this page's life).
      if (last !== null && last.version !== at.version) {
        forgotten.current++;
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
        const { page: p, curves } = latest.current;
        const r = await store.current!.save(sessionOf(p, curves, checkpoint));
        if (r.ok) {
          savedStep.current = { version: at.version, step: checkpoint.step };
          setSaved((x) => (x.kind === 'offer' ? { kind: 'idle' } : x));
        } else {
          failed.current = true;
          onNotSaved(r.reason);
        }
      })
      .catch(() => undefined) // a worker being replaced: the next save will do
      .finally(() => {
        saving.current = false;
      });
  }, [client, active, onNotSaved]);

  const playing = trainer.progress?.playing ?? false;
  const step = trainer.progress?.step;
  useEffect(() => {
    if (!active) return;
    const timer = playing ? setInterval(save, SAVE_EVERY_MS) : setTimeout(save, 500);
    return () => (playing ? clearInterval(timer) : clearTimeout(timer));
  }, [active, playing, step, save]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') save();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => document.removeEventListener('visibilitychange', onHide);
  }, [save]);

  const startFresh = useCallback(() => {
    forgotten.current++;
    void store.current!.clear();
    setSaved({ kind: 'idle' });
    act.reset();
  }, [act]);

  const resumeOffered = useCallback(() => {
    if (saved.kind === 'offer') resume(saved.session);
  }, [saved, resume]);

  return { saved, startFresh, resumeOffered, open: resume };
}
