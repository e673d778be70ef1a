/**
 * How the page starts the engine's workers, and what the client needs of one (a fake in tests).
 * One worker file, two roles: the scoring worker is the same file started under SCORER_NAME.
 */
import {
  BACKEND_ORDER,
  SCORER_NAME,
  type BackendName,
  type Request,
  type Response,
  type ScorerRequest,
} from '../protocol';

export interface WorkerLike<Req = Request> {
  postMessage(message: Req, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<Response>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
}

export function trainingWorker(): WorkerLike {
  return new Worker(new URL('../worker/worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

export function scoringWorker(): WorkerLike<ScorerRequest> {
  return new Worker(new URL('../worker/worker.ts', import.meta.url), {
    type: 'module',
    name: SCORER_NAME,
  }) as unknown as WorkerLike<ScorerRequest>;
}

const BACKEND_NAMES = new Set<string>(BACKEND_ORDER);

/** `?kernels=off` → false, `?kernels=on` → true (the fused kernels' switch); else undefined (on). */
export function kernelsFromSearch(search: string): boolean | undefined {
  const v = new URLSearchParams(search).get('kernels');
  return v === 'off' ? false : v === 'on' ? true : undefined;
}

/** `?backend=wasm` → 'wasm' (the backend to try first); anything else → undefined. */
export function backendFromSearch(search: string): BackendName | undefined {
  const v = new URLSearchParams(search).get('backend');
  return v !== null && BACKEND_NAMES.has(v) ? (v as BackendName) : undefined;
}
