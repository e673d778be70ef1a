/**
 * tf.memory().numTensors stays flat after warm-up: the real TrainingSession on the cpu backend,
 * driven through the WorkerController (steps, readbacks, evaluations, checkpoints, scores).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { DEFAULT_WORLD } from '../../world/simulator';
import { WorkerController } from './controller';
import type { Progress, Response, SessionConfig } from '../protocol';
import { TrainingSession } from './session';

const CONFIG: SessionConfig = {
  world: { ...DEFAULT_WORLD, seed: 2, shoppers: 40, minHistory: 4, maxHistory: 8 },
  model: { ...DEFAULT_MODEL_SETTINGS, T: 6, embDim: 3, hidden: [6], attentionHidden: [6] },
  train: { batchSize: 16, learningRate: 0.01, seed: 1, evalEvery: 25 },
};

describe('tensor count', () => {
  it('is flat over hundreds of steps with readbacks, evaluations, checkpoints and scores', async () => {
    await tf.setBackend('cpu');
    await tf.ready();
    const posted: Response[] = [];
    const ctl = new WorkerController({
      post: (r) => posted.push(r),
      createSession: (c) => TrainingSession.create(c),
      selectBackend: async () => ({ name: 'cpu', label: 'CPU', fallbackReasons: [] }),
      checkpointIntervalMs: 0,
      progressIntervalMs: 0,
    });
    await ctl.handle({ type: 'init', config: CONFIG });
    const lastStep = () =>
      (posted.filter((r) => r.type === 'progress').at(-1) as { progress: Progress }).progress.step;
    const run = async (n: number) => {
      const target = lastStep() + n;
      await ctl.handle({ type: 'step', count: n });
      while (lastStep() < target) await new Promise((r) => setTimeout(r, 0));
      await ctl.handle({ type: 'score', id: 1, history: [1, 2, 3], candidate: 4 });
    };
    await run(50); // warm-up
    const after = tf.memory().numTensors;
    await run(250);
    expect(posted.some((r) => r.type === 'error')).toBe(false);
    expect(lastStep()).toBe(300);
    expect(tf.memory().numTensors).toBe(after);
  });
});
