/**
 * A big model's evaluation runs in chunks with a macrotask between them, so the worker answers
 * the page's watchdog meanwhile (a single long task would read as a stuck worker). Real session,
 * cpu backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { useCpu } from '../../model/testing';
import { DEFAULT_WORLD } from '../../world/simulator';
import type { Response, SessionConfig } from '../protocol';
import { WorkerController } from './controller';
import { TrainingSession } from './session';

const BIG: SessionConfig = {
  world: { ...DEFAULT_WORLD, seed: 2, shoppers: 40, minHistory: 4, maxHistory: 8 },
  model: { ...DEFAULT_MODEL_SETTINGS, T: 100, embDim: 32 },
  train: { batchSize: 4, learningRate: 0.005, seed: 1, evalEvery: 0 },
};

describe('a big model stays responsive', () => {
  beforeAll(useCpu);

  it('answers a ping between evaluation chunks, before the evaluation ends', async () => {
    const posted: Response[] = [];
    const ctl = new WorkerController({
      post: (r) => posted.push(r),
      createSession: (c) => TrainingSession.create(c),
      selectBackend: async () => ({ name: 'cpu', label: 'CPU', fallbackReasons: [] }),
    });
    await ctl.handle({ type: 'init', config: BIG });
    const before = posted.length;
    const evaluated = ctl.handle({ type: 'evaluate' });
    setTimeout(() => void ctl.handle({ type: 'ping' }), 0);
    await evaluated;
    const after = posted.slice(before).map((r) => r.type);
    expect(after).toContain('pong');
    expect(after.indexOf('pong')).toBeLessThan(after.lastIndexOf('progress'));
  }, 120_000);
});
