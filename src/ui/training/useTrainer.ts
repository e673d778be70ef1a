/**
 * The page's one connection to training: owns the TrainerClient (created after first paint, so
 * the worker and tfjs never delay it) and keeps the progress history for the curves.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { TrainerClient } from '../../train/page/client';
import type { BackendInfo, BackendName, Progress, SessionConfig } from '../../train/protocol';
import type { Curves, Notice } from '../state/types';

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
