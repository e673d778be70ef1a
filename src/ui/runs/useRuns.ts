/**
 * The one owner of the lab notebook: files a new run when training starts under a new config
 * version, follows the current run's curves and metrics, files the weights a reset or resume
 * kept, and drives Resume, Train (a linked run), Duplicate and "Repeat over 3 seeds".
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { KeptRun } from '../../train/page/client';
import { INITIAL } from '../state/initial';
import { readRunsParam } from './runsParam';
import { RUNS_STRINGS } from './strings';
import type { Notices } from '../common/useNotices';
import type { PageActions, PageModel } from '../state/pageReducer';
import type { Trainer } from '../training/useTrainer';
import { initRuns, runsReducer, type RunsAction, type RunsState } from './runsStore';
import {
  Cancelled,
  progressWhere,
  repeatSeeds,
  REPEAT_STEPS,
  seedSummary,
  type SeedResult,
  type SeedSummary,
} from './seeds';

export interface Repeat {
  /** While running: which seed (1-based) of how many, and the step goal. */
  running: { index: number; of: number; steps: number; version: number | null } | null;
  /** The last finished repeat. */
  done: { seeds: number[]; steps: number; summary: SeedSummary } | null;
  cancelled: boolean;
}

export interface RunsHandle {
  state: RunsState;
  select: (id: number, on: boolean) => void;
  remove: (id: number) => void;
  resume: (id: number) => void;
  duplicate: (id: number) => void;
  /** Train a run listed from a link to its step count. */
  train: (id: number) => void;
  repeat: Repeat;
  startRepeat: (steps: number) => void;
  cancelRepeat: () => void;
  /**
   * Saved runs come back (the autosave, a session file): runsStore.ts's 'restore'; `replaced`:
   * the weights of the run a resume replaced, filed when they come (a run that trained stays).
   */
  restore: (
    saved: Omit<Extract<RunsAction, { type: 'restore' }>, 'type'>,
    replaced?: { version: number; kept: Promise<KeptRun> },
  ) => void;
}

const IDLE: Repeat = { running: null, done: null, cancelled: false };

export function useRuns(
  trainer: Trainer,
  page: Pick<PageModel, 'config' | 'speed'>,
  act: PageActions,
  say?: Notices['say'],
): RunsHandle {
  // The runs a copied link names: listed, to be trained again (runsParam.ts).
  const [linked] = useState(() =>
    readRunsParam(new URLSearchParams(window.location.search).get('runs'), INITIAL.state),
  );
  const [state, dispatch] = useReducer(runsReducer, undefined, () =>
    linked.runs.length > 0
      ? runsReducer(initRuns(), { type: 'plan', runs: linked.runs })
      : initRuns(),
  );
  useEffect(() => {
    if (linked.bad.length > 0)
      say?.('warning', RUNS_STRINGS[INITIAL.state.lang].badLink(linked.bad));
  }, [linked, say]);
  const { client, progress, curves, kept, adoptCurves } = trainer;
  const config = useRef(page.config);
  useEffect(() => {
    config.current = page.config;
  });
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const version = progress?.version;
  useEffect(() => {
    if (version !== undefined) dispatch({ type: 'started', version, config: config.current });
  }, [version]);

  useEffect(() => {
    if (!progress || curves.version !== progress.version) return;
    const test =
      progress.test && progress.testStep !== undefined
        ? {
            step: progress.testStep,
            value: progress.test,
            ...(progress.bstTest ? { bst: progress.bstTest } : {}),
          }
        : undefined;
    dispatch({ type: 'track', version: progress.version, curves, step: progress.step, test });
  }, [progress, curves]);

  useEffect(() => {
    if (kept) dispatch({ type: 'kept', ...kept });
  }, [kept]);

  const resume = useCallback(
    (id: number) => {
      const run = stateRef.current.runs.find((r) => r.id === id);
      if (!client || !run?.weights) return;
      const old = client.configVersion;
      client.resume(run.config, run.weights, run.rewind).then(
        (k) => dispatch({ type: 'kept', version: old, ...k }),
        () => undefined,
      );
      const v = client.configVersion;
      dispatch({ type: 'resumed', id, version: v });
      adoptCurves({ ...run.curves, version: v });
      act.resume(run.config);
    },
    [client, act, adoptCurves],
  );

  // A run from a link: its settings, new weights, trained to its step count.
  const train = useCallback(
    (id: number) => {
      const run = stateRef.current.runs.find((r) => r.id === id);
      if (!client || !run || run.planned === undefined) return;
      const steps = run.planned;
      const before = client.configVersion;
      act.reset(run.config);
      const ctl = new AbortController();
      void progressWhere(client, (p) => p.version > before, ctl.signal).then(
        (p) => {
          dispatch({ type: 'training', id, version: p.version });
          client.step(steps);
        },
        () => undefined,
      );
    },
    [client, act],
  );

  const duplicate = useCallback(
    (id: number) => {
      const run = stateRef.current.runs.find((r) => r.id === id);
      if (!run) return;
      act.reset({ ...run.config, train: { ...run.config.train, seed: run.config.train.seed + 1 } });
    },
    [act],
  );

  const [repeat, setRepeat] = useState<Repeat>(IDLE);
  const abort = useRef<AbortController | null>(null);
  const cancelRepeat = useCallback(() => {
    abort.current?.abort();
    client?.pause();
  }, [client]);
  const startRepeat = useCallback(
    (steps: number = REPEAT_STEPS) => {
      if (!client || abort.current) return;
      const ctl = new AbortController();
      abort.current = ctl;
      const seeds = repeatSeeds(config.current.train.seed);
      const run = async () => {
        const results: SeedResult[] = [];
        for (const [i, seed] of seeds.entries()) {
          setRepeat((r) => ({
            ...r,
            running: { index: i + 1, of: seeds.length, steps, version: null },
          }));
          const before = client.configVersion;
          act.reset({ train: { seed } });
          const started = await progressWhere(client, (p) => p.version > before, ctl.signal);
          const v = started.version;
          setRepeat((r) => ({ ...r, running: r.running && { ...r.running, version: v } }));
          client.step(steps);
          await progressWhere(
            client,
            (p) => p.version === v && p.step >= steps && !p.playing,
            ctl.signal,
          );
          client.evaluate();
          const end = await progressWhere(
            client,
            (p) => p.version === v && p.testStep === p.step && p.test !== undefined,
            ctl.signal,
          );
          const bst = end.bstTest ? { bst: end.bstTest } : {};
          results.push({ seed, step: end.step, test: end.test!, ...bst });
        }
        return { seeds, steps, summary: seedSummary(results) };
      };
      run()
        .then(
          (done) => setRepeat({ running: null, done, cancelled: false }),
          (e: unknown) =>
            setRepeat((r) => ({ ...r, running: null, cancelled: e instanceof Cancelled })),
        )
        .finally(() => {
          abort.current = null;
        });
    },
    [client, act],
  );
  useEffect(() => () => abort.current?.abort(), []);

  return {
    state,
    select: useCallback((id: number, on: boolean) => dispatch({ type: 'select', id, on }), []),
    remove: useCallback((id: number) => dispatch({ type: 'delete', id }), []),
    resume,
    duplicate,
    train,
    repeat,
    startRepeat,
    cancelRepeat,
    restore: useCallback(
      (
        saved: Omit<Extract<RunsAction, { type: 'restore' }>, 'type'>,
        replaced?: { version: number; kept: Promise<KeptRun> },
      ) => {
        dispatch({ type: 'restore', ...saved });
        replaced?.kept.then(
          (k) => dispatch({ type: 'kept', version: replaced.version, ...k }),
          () => undefined,
        );
      },
      [],
    ),
  };
}
