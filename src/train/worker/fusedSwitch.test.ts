/**
 * The page's kernels switch (`?kernels=off`) in the workers: an init with fusedKernels: false
 * builds its models on the per-step path (the recurrence runs no fused kernel) and says so in
 * 'ready'; absent, the fused kernels run; the scoring worker takes the switch from its 'port'.
 * Real tfjs on the cpu backend with the page's kernels installed; a fake session otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { createGru, runStates } from '../../model/gru';
import { FUSED_GRU_FORWARD } from '../../model/kernels/names';
import { ParamStore } from '../../model/params';
import { fusedKernelsEnabled, setFusedKernels } from '../../model/recurrence';
import { DEFAULT_WORLD } from '../../world/simulator';
import type { Request, Response, ScorerRequest, SessionConfig } from '../protocol';
import { useNodeBackend } from './nodeBackend';
import type { TrainingSessionLike } from './session';
import { wireScorer, wireTrainer, type ScopeLike } from './wiring';

class FakeScope<Req> implements ScopeLike<Req> {
  posted: Response[] = [];
  onmessage: ((ev: MessageEvent<Req>) => void) | null = null;
  postMessage(r: Response): void {
    this.posted.push(r);
  }
  addEventListener(): void {}
  send(req: Req): void {
    this.onmessage?.({ data: req } as MessageEvent<Req>);
  }
}

const CONFIG: SessionConfig = {
  world: DEFAULT_WORLD,
  model: DEFAULT_MODEL_SETTINGS,
  train: { batchSize: 4, learningRate: 0.01, seed: 1, evalEvery: 0 },
};

/** The kernels one GRU recurrence over a tiny masked batch runs, as a model built now would. */
async function recurrenceKernels(): Promise<string[]> {
  const g = createGru(new ParamStore(3), 'g', 3, 4);
  const x = tf.randomUniform([2, 5, 3], -1, 1, 'float32', 4) as tf.Tensor3D;
  const mask = tf.tensor2d([
    [1, 1, 1, 0, 0],
    [1, 1, 1, 1, 1],
  ]);
  const prof = await tf.profile(() => runStates(g, x, mask, 'gru'));
  tf.dispose([x, mask, g.W, g.U, g.b]);
  return prof.kernels.map((k) => k.name);
}

/** A training worker whose session, when built, records the path its recurrence takes. */
async function initWith(fusedKernels: boolean | undefined) {
  const scope = new FakeScope<Request>();
  let built: string[] | undefined;
  wireTrainer(scope, {
    createSession: () => session(() => recurrenceKernels().then((k) => (built = k))),
    selectBackend: async () => ({ name: 'cpu', label: 'CPU', fallbackReasons: [] }),
    watchBackendLoss: () => undefined,
  });
  scope.send({
    type: 'init',
    config: CONFIG,
    ...(fusedKernels === undefined ? {} : { fusedKernels }),
  });
  await expect
    .poll(() => built !== undefined && scope.posted.some((r) => r.type === 'ready'))
    .toBe(true);
  return { ready: scope.posted.find((r) => r.type === 'ready'), kernels: built! };
}

function session(build: () => Promise<unknown>): TrainingSessionLike {
  void build();
  const nan = { base: NaN, din: NaN, dien: NaN };
  const m = { auc: 0.5, gauc: 0.5, logloss: 0.7 };
  return {
    trainSize: 10,
    testSize: 2,
    counters: { step: 0, epoch: 0, samplesSeen: 0 },
    step: () => undefined,
    readLosses: async () => ({ loss: nan, auxLoss: NaN }),
    evaluate: async () => ({ base: m, din: m, dien: m }),
    score: async () => {
      throw new Error('not used');
    },
    heatmap: async () => ({ candidates: [], weights: [] }),
    embeddingMap: async () => ({ goods: [], vectors: { base: [], din: [], dien: [] } }),
    exportWeights: async () => ({ step: 0, tensors: { base: [], din: [], dien: [] } }),
    importWeights: () => undefined,
    dispose: () => undefined,
  };
}

describe('the fused kernels switch in the workers', () => {
  beforeAll(() => useNodeBackend('cpu'));
  afterAll(() => setFusedKernels(true));

  it('an init with fusedKernels: false builds on the per-step path and says so', async () => {
    const off = await initWith(false);
    expect(off.kernels).not.toContain(FUSED_GRU_FORWARD);
    expect(off.kernels.length).toBeGreaterThan(10); // the per-step loop: many small kernels
    expect(off.ready).toMatchObject({
      fusedKernels: { on: false, active: false, recurrence: false },
    });
  });

  it('absent, the next worker runs the fused kernels again', async () => {
    setFusedKernels(false); // what the last init left behind
    const on = await initWith(undefined);
    expect(on.kernels).toContain(FUSED_GRU_FORWARD);
    expect(on.ready).toMatchObject({ fusedKernels: { on: true, active: true, recurrence: true } });
  });

  it("the scoring worker takes the switch from its 'port', before it builds its models", async () => {
    const scope = new FakeScope<ScorerRequest>();
    let builtWith: boolean | undefined;
    wireScorer(scope, {
      createSession: () => {
        builtWith = fusedKernelsEnabled();
        return { ...session(async () => undefined), score: async () => ({ step: 0 }) as never };
      },
      selectBackend: async () => ({ name: 'cpu', label: 'CPU', fallbackReasons: [] }),
    });
    const channel = new MessageChannel();
    scope.send({ type: 'port', port: channel.port2, fusedKernels: false });
    expect(fusedKernelsEnabled()).toBe(false);
    const weights = { step: 0, tensors: { base: [], din: [], dien: [] } };
    channel.port1.postMessage({ type: 'session', version: 1, config: CONFIG });
    channel.port1.postMessage({ type: 'weights', version: 1, weights, rewind: false });
    scope.send({ type: 'score', id: 1, history: [1], candidate: 2, version: 1 });
    await expect.poll(() => scope.posted.some((r) => r.type === 'score')).toBe(true);
    expect(builtWith).toBe(false);
    // A port without the field (a page without the switch): on.
    const second = new MessageChannel();
    scope.send({ type: 'port', port: second.port2 });
    expect(fusedKernelsEnabled()).toBe(true);
    for (const p of [channel.port1, second.port1, second.port2]) p.close();
  });
});
