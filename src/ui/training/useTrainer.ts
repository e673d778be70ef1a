/**
 * The page's one connection to training: owns the TrainerClient (created after first paint, so
 * the worker and tfjs never delay it), sends it the page's reset intents, and keeps the progress
 * history for the curves. `progress` is the one source of playing, the counters and the weights'
 * config version.
 */
import { useEffect, useRef, useState } from 'react';
import { TrainerClient, type KeptRun } from '../../train/page/client';
import type { Notices } from '../common/useNotices';
import type { BackendName, Progress, ReadyInfo, SessionConfig } from '../../train/protocol';
import { errorText } from '../../lib/errorText';
import { NO_VERSION, type Curves } from '../state/types';
import { addProgress, NO_CURVES } from './curves';
import { readyInfo } from '../../train/page/client';

export interface Trainer {
  client: TrainerClient | null;
  /** What the worker said when its session was built (backend, data sizes); null before. */
  info: ReadyInfo | null;
  ready: boolean;
  progress: Progress | null;
  /** progress.version: the config version of the weights on screen (NO_VERSION before any progress). */
  version: number;
  /** Steps the worker keeps rewind snapshots for (oldest first). */
  snapshots: number[];
  curves: Curves;
  /** The last run a reset replaced, with its config version (the runs panel files it). */
  kept: KeptOf | null;
  /** A resumed run continues its own curves (`curves.version`: the version it resumes under). */
  adoptCurves: (curves: Curves) => void;
}

export interface KeptOf extends KeptRun {
  version: number;
}

export function useTrainer(
  config: SessionConfig,
  /** The page's reset counter: each new value sends `reset(config)` to the worker. */
  resets: number,
  backend: BackendName | undefined,
  say: Notices['say'],
): Trainer {
  const [client, setClient] = useState<TrainerClient | null>(null);
  const [info, setInfo] = useState<ReadyInfo | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [snapshots, setSnapshots] = useState<number[]>([]);
  const [curves, setCurves] = useState<Curves>(NO_CURVES);
  const [kept, setKept] = useState<KeptOf | null>(null);
  const latest = useRef({ config, resets });
  // The reset counter the worker's weights already reflect (an init counts as applying it).
  const appliedResets = useRef(resets);

  useEffect(() => {
    latest.current = { config, resets };
  });

  // Created in an effect: effects run after the first paint, so the page shows before the worker
  // (and its tfjs download) starts.
  useEffect(() => {
    let c: TrainerClient;
    try {
      c = new TrainerClient({ backend });
    } catch (err) {
      queueMicrotask(() => say('error', `The training engine could not start: ${errorText(err)}`));
      return;
    }
    const unsubscribe = c.subscribe((r) => {
      switch (r.type) {
        case 'ready':
          setInfo(readyInfo(r));
          break;
        case 'progress':
          setProgress(r.progress);
          setCurves((prev) => addProgress(prev, r.progress));
          break;
        case 'snapshots':
          setSnapshots(r.steps);
          break;
        case 'notice':
          say(r.level, r.message, { detail: r.detail, action: r.action });
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
    appliedResets.current = latest.current.resets;
    c.init(latest.current.config);
    setClient(c);
    return () => {
      unsubscribe();
      c.dispose();
      setClient(null);
      setInfo(null);
    };
  }, [backend, say]);

  // The one place a reset reaches the worker: the Reset button and every setting change bump
  // the page's counter. The new weights show up as a new progress.version.
  useEffect(() => {
    if (!client || resets === appliedResets.current) return;
    appliedResets.current = resets;
    const version = client.configVersion;
    client.resetKeeping(latest.current.config).then(
      (k) => setKept({ ...k, version }),
      // The old run stays listed with its curves; only resuming it is lost.
      () => undefined,
    );
  }, [client, resets]);

  return {
    client,
    info,
    ready: info !== null,
    progress,
    version: progress?.version ?? NO_VERSION,
    snapshots,
    curves,
    kept,
    adoptCurves: setCurves,
  };
}
