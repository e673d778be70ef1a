/// <reference lib="webworker" />
/**
 * The engine's module Web Worker: the only place tfjs runs in the page. One file, two roles
 * (the page names the worker): the training worker selects the best backend and hands every
 * request to the WorkerController; the scoring worker ("scorer") answers the views' requests from
 * the weights the training worker feeds it over a MessageChannel, so an edit never waits for a
 * training step.
 */
import { errorText } from '../../lib/errorText';
import { selectBackend, watchBackendLoss } from './backends';
import { WorkerController } from './controller';
import {
  SCORER_NAME,
  type Request,
  type Response,
  type ScorerFeed,
  type ScorerRequest,
} from '../protocol';
import { ViewInspector } from './inspector';
import { ScorerController } from './scorer';
import { TrainingSession } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(r: Response): void {
  scope.postMessage(r);
}

function startTrainer(): void {
  const controller = new WorkerController({
    post,
    createSession: (config) => TrainingSession.create(config),
    selectBackend: async (req) => {
      const info = await selectBackend(req.backend, req.skip);
      watchBackendLoss((reason) => controller.backendLost(reason));
      return info;
    },
    // setTimeout (not a MessageChannel hop): timer tasks run after pending messages, so a
    // Pause from the page is handled between two slices of training.
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
}

function startScorer(): void {
  const controller = new ScorerController({
    post,
    // Forward passes only: the models and the world's truth, no data set and no optimizers.
    createSession: (config) => ViewInspector.create(config),
    // Single-row forward passes: a CPU-side backend answers in milliseconds, with no GPU
    // round trip and no contention with the training worker's device queue.
    selectBackend: () =>
      selectBackend('wasm', [
        { backend: 'webgpu', reason: 'the scoring worker runs on the CPU' },
        { backend: 'webgl', reason: 'the scoring worker runs on the CPU' },
      ]),
  });
  let feed: MessagePort | undefined;
  scope.onmessage = (ev: MessageEvent<ScorerRequest>) => {
    const req = ev.data;
    if (req.type === 'port') {
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
}

if (scope.name === SCORER_NAME) startScorer();
else startTrainer();
