/// <reference lib="webworker" />
/**
 * The training worker (a module Web Worker): the only place tfjs runs in the page.
 * Selects the backend on the first init, then hands every request to the WorkerController.
 */
import { selectBackend, watchBackendLoss } from './backends';
import { WorkerController } from './controller';
import type { Request, Response } from './protocol';
import { TrainingSession } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(r: Response): void {
  scope.postMessage(r);
}

const controller = new WorkerController({
  post,
  createSession: (config) => TrainingSession.create(config),
  selectBackend: async (req) => {
    const info = await selectBackend(req.backend, req.skip);
    watchBackendLoss((reason) => controller.backendLost(reason));
    return info;
  },
  // setTimeout (not a MessageChannel hop): timer tasks run after pending messages, so a
  // Pause or a Score from the page is handled between two slices of training.
  schedule: (fn) => setTimeout(fn, 0),
});

scope.onmessage = (ev: MessageEvent<Request>) => {
  void controller.handle(ev.data);
};

// Nothing fails silently: stray errors reach the page as (non-fatal) error messages.
scope.addEventListener('unhandledrejection', (ev) => {
  ev.preventDefault();
  controller.fail(ev.reason);
});
