/**
 * The page's one connection to training: owns the TrainerClient (created after first paint, so
 * the worker and tfjs never delay it), keeps the progress history for the curves, and scores
 * the current history/candidate with "one request in flight, latest wins" so edits and training
 * progress never queue up behind each other.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { TrainerClient } from '../../train/page/client';
import type {
  BackendInfo,
  BackendName,
  EvalMetrics,
  ModelName,
  Progress,
  ScoreResult,
  SessionConfig,
} from '../../train/protocol';

export interface LossPoint {
  step: number;
  loss: Record<ModelName, number>;
  aux: number;
}

export interface TestPoint {
  step: number;
  test: Record<ModelName, EvalMetrics>;
}

export interface Curves {
  loss: LossPoint[];
  test: TestPoint[];
}

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** Keep the curves cheap to draw on long runs: past this many points, thin to every other. */
const MAX_POINTS = 1500;

function thin<T>(xs: T[]): T[] {
  return xs.length > MAX_POINTS ? xs.filter((_, i) => i % 2 === 0 || i === xs.length - 1) : xs;
}

export interface Trainer {
  client: TrainerClient | null;
  ready: boolean;
  backend: BackendInfo | null;
  trainSize: number;
  progress: Progress | null;
  /** Steps the worker keeps rewind snapshots for (oldest first). */
  snapshots: number[];
  curves: Curves;
  notices: Notice[];
  dismiss: (id: number) => void;
  say: (level: Notice['level'], message: string) => void;
}

let noticeId = 0;

export function useTrainer(config: SessionConfig, backend: BackendName | undefined): Trainer {
  const [client, setClient] = useState<TrainerClient | null>(null);
  const [ready, setReady] = useState(false);
  const [backendInfo, setBackendInfo] = useState<BackendInfo | null>(null);
  const [trainSize, setTrainSize] = useState(0);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [snapshots, setSnapshots] = useState<number[]>([]);
  const [curves, setCurves] = useState<Curves>({ loss: [], test: [] });
  const [notices, setNotices] = useState<Notice[]>([]);
  const configRef = useRef(config);
  const appliedConfig = useRef<string>('');

  const say = useCallback((level: Notice['level'], message: string) => {
    noticeId += 1;
    const id = noticeId;
    // Repeated messages (e.g. the same warning each tick) replace the old copy instead of piling up.
    setNotices((ns) => [
      ...ns.filter((n) => n.message !== message).slice(-4),
      { id, level, message },
    ]);
  }, []);
  const dismiss = useCallback(
    (id: number) => setNotices((ns) => ns.filter((n) => n.id !== id)),
    [],
  );

  useEffect(() => {
    configRef.current = config;
  }, [config]);

  // Created in an effect: effects run after the first paint, so the page shows before the worker
  // (and its tfjs download) starts.
  useEffect(() => {
    let c: TrainerClient;
    try {
      c = new TrainerClient({ backend });
    } catch (err) {
      queueMicrotask(() => say('error', `The training engine could not start: ${String(err)}`));
      return;
    }
    const unsubscribe = c.subscribe((r) => {
      switch (r.type) {
        case 'ready':
          setBackendInfo(r.backend);
          setTrainSize(r.trainSize);
          setReady(true);
          break;
        case 'progress': {
          const p = r.progress;
          setProgress(p);
          setCurves((prev) => {
            const last = prev.loss[prev.loss.length - 1];
            // A step count that goes back means a reset: start fresh curves.
            const base = last && p.step < last.step ? { loss: [], test: [] } : prev;
            let loss = base.loss;
            if (
              p.step > 0 &&
              Number.isFinite(p.loss.base) &&
              (!last || p.step !== last.step || base !== prev)
            ) {
              loss = thin([...base.loss, { step: p.step, loss: p.loss, aux: p.auxLoss }]);
            }
            let test = base.test;
            const lastTest = test[test.length - 1];
            if (p.test && p.testStep !== undefined && (!lastTest || lastTest.step !== p.testStep)) {
              test = thin([...test, { step: p.testStep, test: p.test }]);
            }
            return loss === prev.loss && test === prev.test ? prev : { loss, test };
          });
          break;
        }
        case 'snapshots':
          setSnapshots(r.steps);
          break;
        case 'notice':
          say(r.level, r.message);
          break;
        case 'error':
          // A failed score/heatmap request rejects its own promise and is shown by its view.
          if (r.id !== undefined && !r.fatal) break;
          say(r.fatal ? 'error' : 'warning', r.message);
          break;
        default:
          break;
      }
    });
    appliedConfig.current = JSON.stringify(configRef.current);
    c.init(configRef.current);
    setClient(c);
    return () => {
      unsubscribe();
      c.dispose();
      setClient(null);
      setReady(false);
    };
  }, [backend, say]);

  // A changed world/model/train setting means new weights: reset the worker with it.
  useEffect(() => {
    if (!client) return;
    const key = JSON.stringify(config);
    if (key === appliedConfig.current) return;
    appliedConfig.current = key;
    setCurves({ loss: [], test: [] });
    client.reset(config);
  }, [client, config]);

  return {
    client,
    ready,
    backend: backendInfo,
    trainSize,
    progress,
    snapshots,
    curves,
    notices,
    dismiss,
    say,
  };
}

export interface HeatmapData {
  candidates: number[];
  weights: number[][];
}

export interface Scored {
  /** uid of each history entry, aligned with result.history. */
  uids: number[];
  result: ScoreResult;
}

/**
 * Scores the current (history, candidate) whenever it changes, and again as training moves the
 * weights (at most every `trainingIntervalMs`). Keeps the previous edit's score for the ghosts.
 */
export function useScores(
  trainer: Trainer,
  history: number[],
  uids: number[],
  candidate: number,
  /** Replay at this rewind step (null: the live weights). */
  atStep: number | null = null,
  trainingIntervalMs = 400,
): {
  current: Scored | null;
  previous: Scored | null;
  heatmap: HeatmapData | null;
  heatmapError: string | null;
} {
  const { client, ready, progress } = trainer;
  const [current, setCurrent] = useState<Scored | null>(null);
  const [previous, setPrevious] = useState<Scored | null>(null);
  const [heatmap, setHeatmap] = useState<HeatmapData | null>(null);
  const [heatmapError, setHeatmapError] = useState<string | null>(null);
  const want = useRef({ history, uids, candidate, atStep });
  const pumps = useRef<{
    score: () => void;
    heat: () => void;
    lastScore: () => number;
    lastHeat: () => number;
  } | null>(null);

  // The request loops live in one effect per client: each keeps at most one request in flight
  // and, when it returns, sends the newest wanted state if anything changed meanwhile.
  useEffect(() => {
    if (!client || !ready) return;
    let alive = true;
    let currentScored: Scored | null = null;
    const loop = <T>(
      request: (w: typeof want.current) => Promise<T>,
      accept: (w: typeof want.current, r: T) => void,
      fail: (message: string) => void = () => {},
    ) => {
      let inFlight = false;
      let dirty = false;
      let last = 0;
      const run = (): void => {
        if (!alive) return;
        if (inFlight) {
          dirty = true;
          return;
        }
        inFlight = true;
        dirty = false;
        const req = want.current;
        request(req)
          .then((r) => {
            if (alive) accept(req, r);
          })
          .catch((err: unknown) => {
            // A failed request (e.g. during a reset) is retried by the next edit or progress tick.
            if (alive) fail(err instanceof Error ? err.message : String(err));
          })
          .finally(() => {
            inFlight = false;
            last = performance.now();
            if (dirty) run();
          });
      };
      return { run, last: () => last };
    };
    const sameEntries = (a: typeof want.current, b: typeof want.current) =>
      a.uids.join() === b.uids.join() &&
      a.history.join() === b.history.join() &&
      a.atStep === b.atStep;
    const score = loop(
      (w) => client.score(w.history, w.candidate, w.atStep ?? undefined),
      (req, result) => {
        const latest = want.current;
        if (latest.candidate !== req.candidate || !sameEntries(latest, req)) return; // a newer edit is on its way
        const scored = { uids: req.uids, result };
        const prev = currentScored;
        if (
          prev &&
          (prev.result.candidate !== result.candidate || prev.uids.join() !== req.uids.join())
        )
          setPrevious(prev);
        currentScored = scored;
        setCurrent(scored);
      },
    );
    const heat = loop(
      (w) => client.heatmap(w.history, w.atStep ?? undefined),
      (req, h) => {
        if (sameEntries(want.current, req)) {
          setHeatmap(h);
          setHeatmapError(null);
        }
      },
      setHeatmapError,
    );
    pumps.current = {
      score: score.run,
      heat: heat.run,
      lastScore: score.last,
      lastHeat: heat.last,
    };
    score.run();
    heat.run();
    return () => {
      alive = false;
      pumps.current = null;
    };
  }, [client, ready]);

  // Edits: score almost at once (the short timer merges a burst of edits into one request).
  const editKey = `${uids.join()}|${history.join()}|${candidate}|${atStep}`;
  useEffect(() => {
    want.current = { history, uids, candidate, atStep };
    // Training waits a moment so the edit's views come back first (no-op before the worker starts).
    client?.yieldToEdit();
    const t = setTimeout(() => {
      pumps.current?.score();
      pumps.current?.heat();
    }, 16);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- editKey captures history, uids and candidate
  }, [editKey]);

  // Training progress: re-score, throttled, so the bars follow the weights as they learn. Every
  // progress message counts (not only a changed step): a reset at step 0 brings new weights too.
  useEffect(() => {
    const p = pumps.current;
    if (!p) return;
    const t = setTimeout(
      () => pumps.current?.score(),
      Math.max(0, trainingIntervalMs - (performance.now() - p.lastScore())),
    );
    const th = setTimeout(
      () => pumps.current?.heat(),
      Math.max(0, 4 * trainingIntervalMs - (performance.now() - p.lastHeat())),
    );
    return () => {
      clearTimeout(t);
      clearTimeout(th);
    };
  }, [progress, trainingIntervalMs]);

  return { current, previous, heatmap, heatmapError };
}
