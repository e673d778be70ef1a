/**
 * The NaN guard against the real TrainingSession (cpu), not a fake: a checkpoint holds the whole
 * training state, restoring it continues bit for bit, and a divergence — from a weight or from
 * an optimizer moment — is recovered from for good.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import type { ModelTrainer } from '../../model/trainer';
import { useCpu } from '../../model/testing';
import { DEFAULT_WORLD } from '../../world/simulator';
import type { Progress, Response, SessionConfig, WeightsSnapshot } from '../protocol';
import { WorkerController } from './controller';
import { useNodeBackend } from './nodeBackend';
import { TrainingSession } from './session';

const CONFIG: SessionConfig = {
  world: { ...DEFAULT_WORLD, seed: 2, shoppers: 40, minHistory: 4, maxHistory: 8 },
  model: { ...DEFAULT_MODEL_SETTINGS, T: 6, embDim: 3, hidden: [6], attentionHidden: [6] },
  train: { batchSize: 16, learningRate: 0.01, seed: 1, evalEvery: 0 },
};

async function losses(s: TrainingSession, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s.step();
    const r = await s.readLosses();
    out.push(r.loss.base, r.loss.din, r.loss.dien, r.auxLoss);
  }
  return out;
}

/** Every number of a snapshot, flattened (weights, moments, data position, step). */
function numbers(s: WeightsSnapshot): number[] {
  const out: number[] = [s.step];
  for (const m of ['base', 'din', 'dien'] as const) {
    for (const t of s.tensors[m]) out.push(...t.values);
    const o = s.training?.optimizer[m];
    if (o) {
      out.push(o.iterations);
      for (const t of o.moments) out.push(...t.values);
    }
  }
  const d = s.training?.data;
  if (d) out.push(d.orderRng, d.pos, d.seen);
  return out;
}

/** Adam's first moment of one DIN variable, reached through the session's private parts. */
function dinMoment(s: TrainingSession): tf.Variable {
  const trainer = (s as unknown as { trainers: Record<string, ModelTrainer> }).trainers.din;
  const adam = (
    trainer as unknown as { optimizer: { accumulatedFirstMoment: { variable: tf.Variable }[] } }
  ).optimizer;
  return adam.accumulatedFirstMoment[0].variable;
}

function poison(v: tf.Variable): void {
  tf.tidy(() => v.assign(tf.fill(v.shape, NaN)));
}

describe.each(['cpu', 'wasm'])('training state checkpoints (real session, %s)', (backend) => {
  beforeAll(() => useNodeBackend(backend));
  afterAll(useCpu);

  it('restoring a checkpoint continues exactly: same losses, same state, in the same or a new session', async () => {
    const a = TrainingSession.create(CONFIG);
    await losses(a, 7);
    const at7 = await a.exportState();
    const after = await losses(a, 5);
    const end = numbers(await a.exportState());

    await a.importWeights(at7);
    expect(numbers(await a.exportState())).toEqual(numbers(at7));
    expect(a.counters).toMatchObject({ step: 7, samplesSeen: 7 * 16 });
    expect(await losses(a, 5)).toEqual(after);
    expect(numbers(await a.exportState())).toEqual(end);

    // A restarted worker builds a new session and restores the checkpoint into it.
    const b = TrainingSession.create(CONFIG);
    await b.importWeights(at7);
    expect(await losses(b, 5)).toEqual(after);
    expect(numbers(await b.exportState())).toEqual(end);
    a.dispose();
    b.dispose();
  });
});

describe('NaN guard (real session through the controller, cpu)', () => {
  beforeAll(useCpu);

  async function setup() {
    const posted: Response[] = [];
    let session: TrainingSession | undefined;
    const ctl = new WorkerController({
      post: (r) => posted.push(r),
      createSession: (c) => (session = TrainingSession.create(c)),
      selectBackend: async () => ({ name: 'cpu', label: 'CPU', fallbackReasons: [] }),
      checkpointIntervalMs: 0,
      progressIntervalMs: 0,
    });
    await ctl.handle({ type: 'init', config: CONFIG });
    const progress = () =>
      posted.filter((r): r is { type: 'progress'; progress: Progress } => r.type === 'progress');
    /** Step ×n and wait for its last progress (or for the guard's notice and progress). */
    const run = async (n: number) => {
      const before = posted.length;
      const start = progress().at(-1)!.progress.step;
      await ctl.handle({ type: 'step', count: n });
      for (let k = 0; k < 10_000; k++) {
        const fresh = posted.slice(before);
        const notice = fresh.findIndex((r) => r.type === 'notice');
        if (notice >= 0 && fresh.slice(notice).some((r) => r.type === 'progress')) return;
        if (fresh.some((r) => r.type === 'progress' && r.progress.step === start + n)) return;
        await new Promise((r) => setTimeout(r, 0));
      }
      throw new Error(`no progress to step ${start + n}`);
    };
    const checkpoints = () =>
      posted.filter(
        (r): r is { type: 'weights'; id: number; weights: WeightsSnapshot } =>
          r.type === 'weights' && r.id === 0,
      );
    return { ctl, posted, progress, run, checkpoints, session: () => session! };
  }

  for (const where of ['a weight', 'an optimizer moment'] as const) {
    it(`NaN in ${where}: restores the whole checkpoint, offers a lower rate, and trains on finite`, async () => {
      const t = await setup();
      await t.run(20);
      const lastGood = t.checkpoints().at(-1)!.weights;
      expect(lastGood.training).toBeDefined();
      const s = t.session();
      if (where === 'a weight') poison(s.models.din.params.trainable()[0]);
      else poison(dinMoment(s));
      await t.run(3);
      const notice = t.posted.find((r) => r.type === 'notice');
      expect(notice).toMatchObject({
        level: 'warning',
        action: { type: 'lowerLearningRate', learningRate: 0.001 },
      });
      const restoredStep = (notice as { action: { fromStep: number } }).action.fromStep;
      const good = t
        .checkpoints()
        .filter((c) => c.weights.step === restoredStep)
        .at(-1)!;
      // The state after recovery is the checkpoint's, bit for bit (moments and data included).
      expect(numbers(await s.exportState())).toEqual(numbers(good.weights));
      const shown = t.progress().at(-1)!.progress;
      expect(shown).toMatchObject({ step: restoredStep, samplesSeen: restoredStep * 16 });
      expect(shown.testStep).toBe(restoredStep);

      // The way out: a lower learning rate, and training goes on from there, finite.
      await t.ctl.handle({ type: 'setLearningRate', learningRate: 0.001 });
      const notices = t.posted.filter((r) => r.type === 'notice').length;
      await t.run(10);
      const after = t.progress().filter((p) => p.progress.step > restoredStep);
      expect(after.at(-1)!.progress.step).toBe(restoredStep + 10);
      for (const p of after) {
        for (const m of ['base', 'din', 'dien'] as const)
          expect(Number.isFinite(p.progress.loss[m])).toBe(true);
      }
      expect(t.posted.filter((r) => r.type === 'notice')).toHaveLength(notices);
      const state = await s.exportState();
      expect(numbers(state).every(Number.isFinite)).toBe(true);
      s.dispose();
    });
  }

  it('a checkpoint with a non-finite optimizer moment is not kept as good', async () => {
    const t = await setup();
    await t.run(5);
    const before = t.checkpoints().length;
    poison(dinMoment(t.session()));
    // A forced evaluation takes a checkpoint when one is due: it must refuse this state.
    await t.ctl.handle({ type: 'evaluate' });
    expect(t.checkpoints().slice(before)).toHaveLength(0);
    expect(t.posted.some((r) => r.type === 'error')).toBe(false);
    t.session().dispose();
  });
});
