/**
 * A worker request that follows the page: sent shortly after `key` changes, again (throttled) when
 * `tick` changes (training progress), in a latest-wins loop: at most one request in flight, the
 * newest wanted state sent when it lands, a reply to an outdated key dropped.
 */
import { useEffect, useRef, useState } from 'react';
import { LatestWins } from './latestWins';

/**
 * These are the secondary views (comparison, embedding map): waiting a little longer than the
 * primary re-score (16 ms, useScores) queues them behind it in the worker, so an edit's attention
 * bars and cards come back first.
 */
const SECONDARY_DELAY_MS = 120;

export interface Requested<T> {
  value: T | null;
  error: string | null;
}

interface Latest<T> {
  key: string;
  request: () => Promise<T>;
  onResult?: (value: T, key: string) => void;
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
  const latest = useRef<Latest<T>>({ key, request, onResult });
  const loop = useRef<LatestWins<Latest<T>, T> | null>(null);

  useEffect(() => {
    latest.current = { key, request, onResult };
  });

  useEffect(() => {
    if (!enabled) return;
    const l = new LatestWins<Latest<T>, T>({
      wanted: () => latest.current,
      key: (w) => w.key,
      request: (w) => w.request(),
      onResult: (value, sent) => {
        latest.current.onResult?.(value, sent.key);
        setState({ value, error: null });
      },
      // A request that fails during a reset is simply sent again by the next tick.
      onError: (error) => setState((s) => ({ ...s, error })),
    });
    loop.current = l;
    l.trigger();
    return () => {
      l.dispose();
      loop.current = null;
    };
  }, [enabled]);

  // A new key: soon.
  useEffect(() => {
    const t = setTimeout(() => loop.current?.trigger(), SECONDARY_DELAY_MS);
    return () => clearTimeout(t);
  }, [key]);

  // Progress: throttled.
  useEffect(() => {
    const last = loop.current?.lastFinished ?? 0;
    const wait = Math.max(0, intervalMs - (performance.now() - last));
    const t = setTimeout(() => loop.current?.trigger(), wait);
    return () => clearTimeout(t);
  }, [tick, intervalMs]);

  return state;
}
