/// <reference lib="webworker" />
/**
 * The engine's module Web Worker: the only place tfjs runs in the page. One file, two roles
 * (the page names the worker): the training worker selects the best backend and hands every
 * request to the WorkerController; the scoring worker ("scorer") answers the views' requests from
 * the weights the training worker feeds it over a MessageChannel, so an edit never waits for a
 * training step. wiring.ts connects each role to the scope.
 */
import { SCORER_NAME, type Request, type ScorerRequest } from '../protocol';
import { selectBackend, watchBackendLoss } from './backends';
import { ViewInspector } from './inspector';
import { TrainingSession } from './session';
import { wireScorer, wireTrainer, type ScopeLike } from './wiring';

const scope = self as unknown as DedicatedWorkerGlobalScope;

if (scope.name === SCORER_NAME) {
  wireScorer(scope as unknown as ScopeLike<ScorerRequest>, {
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
} else {
  wireTrainer(scope as unknown as ScopeLike<Request>, {
    createSession: (config) => TrainingSession.create(config),
    selectBackend,
    watchBackendLoss,
  });
}
