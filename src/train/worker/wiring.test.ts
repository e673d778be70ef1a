/**
 * The workers' wiring to their scope: a lost device reaches the page as a fatal backend fault,
 * the watchdog's ping is answered even while an init is still running, stray rejections are
 * reported. A fake scope and session stand in for `self` and tfjs.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { DEFAULT_WORLD } from '../../world/simulator';
import type { Request, Response, ScorerRequest, SessionConfig } from '../protocol';
import type { TrainingSessionLike } from './session';
import { wireScorer, wireTrainer, type ScopeLike } from './wiring';

class FakeScope<Req> implements ScopeLike<Req> {
  posted: Response[] = [];
  onmessage: ((ev: MessageEvent<Req>) => void) | null = null;
  rejection: ((ev: { reason: unknown; preventDefault(): void }) => void) | undefined;
  postMessage(r: Response): void {
    this.posted.push(r);
  }
  addEventListener(
    _: 'unhandledrejection',
    l: (ev: { reason: unknown; preventDefault(): void }) => void,
  ): void {
    this.rejection = l;
  }
  send(req: Req): void {
    this.onmessage?.({ data: req } as MessageEvent<Req>);
  }
}

const nan = { base: NaN, din: NaN, dien: NaN };
const metrics = { auc: 0.5, gauc: 0.5, logloss: 0.7 };

function fakeSession(): TrainingSessionLike {
  return {
    trainSize: 10,
    testSize: 2,
    counters: { step: 0, epoch: 0, samplesSeen: 0 },
    step: () => undefined,
    readLosses: async () => ({ loss: nan, auxLoss: NaN }),
    evaluate: async () => ({ base: metrics, din: metrics, dien: metrics }),
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

const CONFIG: SessionConfig = {
  world: DEFAULT_WORLD,
  model: DEFAULT_MODEL_SETTINGS,
  train: { batchSize: 16, learningRate: 0.01, seed: 1, evalEvery: 0 },
};
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('wireTrainer', () => {
  it('turns a lost device into a fatal backend fault for the page', async () => {
    const scope = new FakeScope<Request>();
    let onLost: ((reason: string) => void) | undefined;
    wireTrainer(scope, {
      createSession: fakeSession,
      selectBackend: async () => ({ name: 'webgpu', label: 'WebGPU', fallbackReasons: [] }),
      watchBackendLoss: (cb) => (onLost = cb),
    });
    scope.send({ type: 'init', config: CONFIG });
    await settle();
    expect(scope.posted[0]).toMatchObject({ type: 'ready' });
    expect(onLost).toBeDefined();
    onLost!('WebGPU device lost: gone');
    expect(scope.posted.at(-1)).toEqual({
      type: 'error',
      message: 'WebGPU device lost: gone',
      fatal: true,
      backend: 'webgpu',
      kind: 'backend',
    });
  });

  it("answers the watchdog's ping at once, even while the init is still selecting a backend", async () => {
    const scope = new FakeScope<Request>();
    wireTrainer(scope, {
      createSession: fakeSession,
      selectBackend: () => new Promise(() => undefined), // never resolves
      watchBackendLoss: () => undefined,
    });
    scope.send({ type: 'init', config: CONFIG });
    scope.send({ type: 'ping' });
    await settle();
    expect(scope.posted).toEqual([{ type: 'pong' }]);
  });

  it('reports a stray rejection as a non-fatal error', () => {
    const scope = new FakeScope<Request>();
    wireTrainer(scope, {
      createSession: fakeSession,
      selectBackend: async () => ({ name: 'cpu', label: 'CPU', fallbackReasons: [] }),
      watchBackendLoss: () => undefined,
    });
    let prevented = false;
    scope.rejection!({ reason: new Error('oops'), preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(scope.posted).toEqual([{ type: 'error', message: 'oops', fatal: false }]);
  });
});

describe('wireScorer', () => {
  it('answers a ping at once', () => {
    const scope = new FakeScope<ScorerRequest>();
    wireScorer(scope, {
      createSession: () => {
        throw new Error('not used');
      },
      selectBackend: () => new Promise(() => undefined),
    });
    scope.send({ type: 'ping' });
    expect(scope.posted).toEqual([{ type: 'pong' }]);
  });
});
