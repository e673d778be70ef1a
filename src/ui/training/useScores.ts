/**
 * Scores the current (history, candidate) whenever it changes, and again as training moves the
 * weights (at most every `trainingIntervalMs`; the heatmap every 4×). Keeps the previous edit's
 * score for the ghosts. Each request runs in its own latest-wins loop, so edits and training
 * progress never queue up behind each other.
 */
import { useEffect, useRef, useState } from 'react';
import type { ScoreTimes } from '../../train/page/client';
import type { HeatmapResult, ScoreResult } from '../../train/protocol';
import { LatestWins } from '../common/latestWins';
import type { Scored } from '../state/types';
import { heatmapKey, scoreKey, type Wanted } from './scoreKeys';
import type { Trainer } from './useTrainer';

/** Edits wait this long, so a burst of edits (a drag, key repeat) becomes one request. */
const EDIT_DELAY_MS = 16;

/** What a score also depends on: the purchases' times (the heatmap, DIN's alone, does not). */
type WantedTimed = Wanted & { times?: number[] };

const timedKey = (w: WantedTimed) => `${scoreKey(w)}|${w.times?.join() ?? ''}`;

/** The query's times: the entries' (NaN: unknown), the candidate shown at 0 (their origin). */
const whenOf = (times: number[] | undefined): ScoreTimes | undefined =>
  times ? { times, candidateTime: 0 } : undefined;

export interface ScoreOptions {
  /** Re-score while training at most this often (ms). */
  trainingIntervalMs?: number;
  /**
   * Each history entry's time in days relative to the candidate's moment (0; NaN: unknown), as
   * historyReducer's timesOf gives them; absent: none known.
   */
  times?: number[];
}

export interface Scores {
  current: Scored | null;
  previous: Scored | null;
  heatmap: HeatmapResult | null;
  heatmapError: string | null;
}

export function useScores(
  trainer: Trainer,
  history: number[],
  uids: number[],
  candidate: number,
  atStep: number | null = null,
  { trainingIntervalMs = 400, times }: ScoreOptions = {},
): Scores {
  const { client, ready, progress } = trainer;
  const [current, setCurrent] = useState<Scored | null>(null);
  const [previous, setPrevious] = useState<Scored | null>(null);
  const [heatmap, setHeatmap] = useState<HeatmapResult | null>(null);
  const [heatmapError, setHeatmapError] = useState<string | null>(null);
  const want = useRef<WantedTimed>({ history, uids, candidate, atStep, times });
  const loops = useRef<{
    score: LatestWins<WantedTimed, ScoreResult>;
    heat: LatestWins<Wanted, HeatmapResult>;
  } | null>(null);

  // One pair of loops per client, both reading the newest wanted state from `want`.
  useEffect(() => {
    if (!client || !ready) return;
    let shown: Scored | null = null;
    const score = new LatestWins<WantedTimed, ScoreResult>({
      wanted: () => want.current,
      key: timedKey,
      request: (w) => client.score(w.history, w.candidate, w.atStep ?? undefined, whenOf(w.times)),
      onResult: (result, sent) => {
        const scored = { uids: sent.uids, result };
        // A new candidate or new entries: the score shown until now becomes the ghost.
        if (
          shown &&
          (shown.result.candidate !== result.candidate || shown.uids.join() !== sent.uids.join())
        )
          setPrevious(shown);
        shown = scored;
        setCurrent(scored);
      },
      // A failed score (e.g. during a reset) is sent again by the next edit or progress tick.
    });
    const heat = new LatestWins<Wanted, HeatmapResult>({
      wanted: () => want.current,
      key: heatmapKey,
      request: (w) => client.heatmap(w.history, w.atStep ?? undefined),
      onResult: (h) => {
        setHeatmap(h);
        setHeatmapError(null);
      },
      onError: (message) => setHeatmapError(message),
    });
    loops.current = { score, heat };
    score.trigger();
    heat.trigger();
    return () => {
      score.dispose();
      heat.dispose();
      loops.current = null;
    };
  }, [client, ready]);

  // Edits: score almost at once. The heatmap follows the history and the rewind step only.
  const wanted: WantedTimed = { history, uids, candidate, atStep, times };
  const editKey = timedKey(wanted);
  const heatKey = heatmapKey(wanted);
  useEffect(() => {
    want.current = { history, uids, candidate, atStep, times };
    // Training waits a moment so the edit's views come back first (no-op before the worker starts).
    client?.yieldToEdit();
    const t = setTimeout(() => loops.current?.score.trigger(), EDIT_DELAY_MS);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- editKey captures history, uids, candidate, atStep and times
  }, [editKey]);
  useEffect(() => {
    // `want` is already up to date: a new heatKey always comes with a new editKey (effect above).
    const t = setTimeout(() => loops.current?.heat.trigger(), EDIT_DELAY_MS);
    return () => clearTimeout(t);
  }, [heatKey]);

  // Training progress: re-score, throttled, so the bars follow the weights as they learn. Every
  // progress message counts (not only a changed step): a reset at step 0 brings new weights too.
  useEffect(() => {
    const l = loops.current;
    if (!l) return;
    const now = performance.now();
    const t = setTimeout(
      () => loops.current?.score.trigger(),
      Math.max(0, trainingIntervalMs - (now - l.score.lastFinished)),
    );
    const th = setTimeout(
      () => loops.current?.heat.trigger(),
      Math.max(0, 4 * trainingIntervalMs - (now - l.heat.lastFinished)),
    );
    return () => {
      clearTimeout(t);
      clearTimeout(th);
    };
  }, [progress, trainingIntervalMs]);

  return { current, previous, heatmap, heatmapError };
}
