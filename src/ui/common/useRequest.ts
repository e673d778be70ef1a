/**
 * A worker request that follows the page: sent shortly after `key` changes, again (throttled) when
 * `tick` changes (training progress), with at most one request in flight — when it returns, the
 * newest wanted state is sent if anything changed meanwhile. A reply to an outdated key is dropped.
 */
import { useEffect, useRef, useState } from 'react';

const SECONDARY_DELAY_MS = 120;

export interface Requested<T> {
  value: T | null;
  error: string | null;
}

export function useRequest<T>(
  enabled: boolean,
  key: string,
  request: () => Promise<T>,
  tick: unknown,
  intervalMs: number,
  onResult?: (value: T, key: string) => void,
): Requested<T> {
  const [state, setState] = useState<Requested<T>>({ value: null, error: null });
  const latest = useRef({ key, request, onResult });
  const flight = useRef({ inFlight: false, dirty: false, last: 0, alive: true });

  useEffect(() => {
    latest.current = { key, request, onResult };
  });

  const runRef = useRef<() => void>(() => {});
  useEffect(() => {
    const f = { inFlight: false, dirty: false, last: 0, alive: true };
    flight.current = f;
    if (!enabled) return;
    const run = (): void => {
      if (!f.alive) return;
      if (f.inFlight) {
        f.dirty = true;
        return;
      }
      f.inFlight = true;
      f.dirty = false;
      const { key: k, request: req } = latest.current;
      req()
        .then((value) => {
          if (!f.alive || latest.current.key !== k) return;
          latest.current.onResult?.(value, k);
          setState({ value, error: null });
        })
        .catch((err: unknown) => {
          // A request that fails during a reset is simply sent again by the next tick.
          if (f.alive)
            setState((s) => ({ ...s, error: String(err instanceof Error ? err.message : err) }));
        })
        .finally(() => {
          f.inFlight = false;
          f.last = performance.now();
          if (f.dirty) run();
        });
    };
    runRef.current = run;
    run();
    return () => {
      f.alive = false;
      runRef.current = () => {};
    };
  }, [enabled]);

  // A new key: soon. These are the secondary views (comparison, embedding map): waiting a little
  // longer than the primary re-score (16 ms, useTrainer) queues them behind it in the worker, so
  // an edit's attention bars and cards come back first.
  useEffect(() => {
    const t = setTimeout(() => runRef.current(), SECONDARY_DELAY_MS);
    return () => clearTimeout(t);
  }, [key]);

  // Progress: throttled.
  useEffect(() => {
    const wait = Math.max(0, intervalMs - (performance.now() - flight.current.last));
    const t = setTimeout(() => runRef.current(), wait);
    return () => clearTimeout(t);
  }, [tick, intervalMs]);

  return state;
}
