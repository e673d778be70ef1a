/**
 * How each worker role is wired to its global scope: messages in, messages out, device loss,
 * stray errors. Written against a small scope interface so tests drive it with a fake one (and
 * fail if the device-loss listener is ever disconnected); worker.ts passes the real `self`.
 */
import { errorText } from '../../lib/errorText';
import type {
  BackendInfo,
  BackendName,
  Request,
  Response,
  ScorerFeed,
  ScorerRequest,
} from '../protocol';
import type { SkipBackend } from '../backendChain';
import {
  fusedKernelsActive,
  fusedKernelsEnabled,
  fusedTakesH,
  setFusedKernels,
} from '../../model/recurrence';
import { WorkerController, type ControllerOptions } from './controller';
import type { FusedSwitch } from './controllerOptions';
import { ScorerController, type ScorerOptions } from './scorer';

/** The part of navigator.locks a worker uses to hold its lifeline. */
export interface LocksLike {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
}

function defaultLocks(): LocksLike | undefined {
  return (globalThis.navigator as (Navigator & { locks?: LocksLike }) | undefined)?.locks;
}

/** Hold the page's lifeline lock until this worker is gone (released by the browser then). */
function holdLock(name: string, post: (r: Response) => void, locks = defaultLocks()): void {
  if (!locks) return;
  void locks.request(name, () => {
    post({ type: 'lockHeld', name });
    return new Promise(() => undefined);
  });
}

/** The fused kernels' switch of this worker's tfjs (both roles: each has its own module state). */
export const FUSED_SWITCH: FusedSwitch = {
  set: setFusedKernels,
  enabled: fusedKernelsEnabled,
  active: fusedKernelsActive,
  takesH: fusedTakesH,
};

/** What the wiring needs of a DedicatedWorkerGlobalScope. */
export interface ScopeLike<Req> {
  postMessage(r: Response): void;
  onmessage: ((ev: MessageEvent<Req>) => void) | null;
  addEventListener(
    type: 'unhandledrejection',
    listener: (ev: { reason: unknown; preventDefault(): void }) => void,
  ): void;
}

export interface TrainerDeps {
  createSession: ControllerOptions['createSession'];
  selectBackend: (forced?: BackendName, skip?: readonly SkipBackend[]) => Promise<BackendInfo>;
  /** Calls back when the active GPU backend loses its device or context (backends.ts). */
  watchBackendLoss: (onLost: (reason: string) => void) => void;
  locks?: LocksLike;
  /** Default: FUSED_SWITCH. */
  kernels?: FusedSwitch;
}

export function wireTrainer(scope: ScopeLike<Request>, deps: TrainerDeps): WorkerController {
  const post = (r: Response) => scope.postMessage(r);
  const controller: WorkerController = new WorkerController({
    post,
    createSession: deps.createSession,
    selectBackend: async (req) => {
      const info = await deps.selectBackend(req.backend, req.skip);
      deps.watchBackendLoss((reason) => controller.backendLost(reason));
      return info;
    },
    // setTimeout (not a MessageChannel hop): timer tasks run after pending messages, so a
    // Pause from the page is handled between two slices of training.
    schedule: (fn) => setTimeout(fn, 0),
    kernels: deps.kernels ?? FUSED_SWITCH,
  });
  scope.onmessage = (ev) => {
    if (ev.data.type === 'holdLock') return holdLock(ev.data.name, post, deps.locks);
    void controller.handle(ev.data);
  };
  // Nothing fails silently: stray errors reach the page as (non-fatal) error messages.
  scope.addEventListener('unhandledrejection', (ev) => {
    ev.preventDefault();
    controller.fail(ev.reason);
  });
  return controller;
}

export interface ScorerDeps {
  createSession: ScorerOptions['createSession'];
  selectBackend: ScorerOptions['selectBackend'];
  locks?: LocksLike;
  /** Default: FUSED_SWITCH. */
  kernels?: FusedSwitch;
}

export function wireScorer(scope: ScopeLike<ScorerRequest>, deps: ScorerDeps): ScorerController {
  const post = (r: Response) => scope.postMessage(r);
  const controller = new ScorerController({
    post,
    createSession: deps.createSession,
    selectBackend: deps.selectBackend,
  });
  let feed: MessagePort | undefined;
  scope.onmessage = (ev) => {
    const req = ev.data;
    if (req.type === 'ping') return post({ type: 'pong' });
    if (req.type === 'holdLock') return holdLock(req.name, post, deps.locks);
    if (req.type === 'port') {
      // The page's init for this worker: the switch is set before the session (built at the
      // first request) exists, as the training worker sets it from its init.
      (deps.kernels ?? FUSED_SWITCH).set(req.fusedKernels !== false);
      // A restarted training worker comes with a new channel.
      feed?.close();
      feed = req.port;
      feed.onmessage = (m: MessageEvent<ScorerFeed>) => controller.feed(m.data);
      return;
    }
    controller.handle(req);
  };
  scope.addEventListener('unhandledrejection', (ev) => {
    ev.preventDefault();
    post({ type: 'error', message: errorText(ev.reason), fatal: false });
  });
  return controller;
}
