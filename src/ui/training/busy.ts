/**
 * What the engine is busy with, for the line under the training buttons: a pure function of the
 * page's view of training, so every phase is tested (busy.test.ts).
 */
import type { BackendName, Progress } from '../../train/protocol';

/** Steps the reader asked for and has not all seen yet. */
export interface StepRequest {
  /** The step shown when they were asked for. */
  from: number;
  /** The step that completes them (Infinity for Play). */
  to: number;
  /** Asked for by the Epoch button: show how far the epoch is. */
  epoch: boolean;
  /** The config version it was asked under (a reset ends it). */
  version: number;
}

export type BusyPhase =
  | { kind: 'starting' }
  | { kind: 'switching'; to: BackendName | undefined }
  | { kind: 'evaluating' }
  | { kind: 'compiling'; backend: BackendName }
  | { kind: 'epoch'; done: number; total: number }
  | null;

const GPU: readonly BackendName[] = ['webgpu', 'webgl'];

export function busyPhase(s: {
  ready: boolean;
  switching: boolean;
  choice: BackendName | undefined;
  backend: BackendName | undefined;
  progress: Progress | null;
  request: StepRequest | null;
  /** The running worker has timed a step (its programs are compiled). */
  measured: boolean;
}): BusyPhase {
  if (s.switching) return { kind: 'switching', to: s.choice };
  if (!s.ready || s.backend === undefined) return { kind: 'starting' };
  if (!s.progress) return { kind: 'evaluating' };
  const r = s.request;
  if (!r || s.progress.step >= r.to) return null;
  const step = s.progress.step;
  // Until a worker has timed a step, a GPU backend is still compiling its programs (tfjs keeps
  // them for the worker's later sessions, so a reset does not compile again).
  if (
    step === r.from &&
    GPU.includes(s.backend) &&
    !s.measured &&
    s.progress.msPerStep === undefined
  )
    return { kind: 'compiling', backend: s.backend };
  if (r.epoch) return { kind: 'epoch', done: Math.max(0, step - r.from), total: r.to - r.from };
  return null;
}

/**
 * The request still open at this progress (null once its last step is shown, it stopped, or a
 * reset came): derived on every render, so it needs no state of its own beyond the request.
 */
export function stillOpen(r: StepRequest | null, progress: Progress | null): StepRequest | null {
  if (!r || !progress) return r;
  if (progress.version !== r.version || progress.step >= r.to) return null;
  // Play ended (a pause, a divergence): nothing more is coming for this request.
  if (r.to === Infinity && !progress.playing && progress.step > r.from) return null;
  return r;
}
