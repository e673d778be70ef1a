import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { useCpu } from '../../model/testing';
import { DEFAULT_WORLD } from '../../world/simulator';
import type { SessionConfig } from '../protocol';
import { TrainingSession } from './session';
import { checkedLab } from './twins';

beforeAll(useCpu);

const CONFIG: SessionConfig = {
  world: { ...DEFAULT_WORLD, shoppers: 40, seed: 4 },
  model: { ...DEFAULT_MODEL_SETTINGS, T: 6, embDim: 3, hidden: [8], attentionHidden: [6] },
  train: { batchSize: 16, learningRate: 0.01, seed: 4, evalEvery: 0 },
};
const withLab = (bugLab: SessionConfig['bugLab'], model = {}): SessionConfig => ({
  ...CONFIG,
  model: { ...CONFIG.model, ...model },
  bugLab,
});

async function losses(s: TrainingSession, steps: number) {
  const out = [];
  for (let i = 0; i < steps; i++) {
    s.step();
    out.push(await s.readLosses());
  }
  return out;
}

describe('the bug lab’s twins', () => {
  it('read the correct models’ batches from their initial weights: a bug that changes nothing here trains identically', async () => {
    // With α = 0 the auxiliary loss is not in the loss either way, so "aux loss dropped" is no
    // change at all: the twin must follow the correct DIEN exactly, step for step.
    const s = TrainingSession.create(withLab(['auxDropped'], { auxWeight: 0 }));
    const start = await s.exportWeights();
    expect(start.twins?.['auxDropped|dien']).toEqual(start.tensors.dien);
    for (const r of await losses(s, 4)) {
      expect(r.twinLoss?.['auxDropped|dien']).toBe(r.loss.dien);
    }
    const all = await s.evaluateAll();
    expect(all.twinTest?.['auxDropped|dien']).toEqual(all.test.dien);
    s.dispose();
  });

  it('differ from the correct models by their bug, and only the models it changes get one', async () => {
    const s = TrainingSession.create(withLab(['paddingLeak', 'invertedAugru']));
    const [r] = await losses(s, 1);
    expect(Object.keys(r.twinLoss ?? {})).toEqual([
      'paddingLeak|base',
      'paddingLeak|din',
      'invertedAugru|dien',
    ]);
    // Step one's loss is the initial weights' on batch one: padding leaks into it (short
    // histories exist at T = 6), the inverted gate changes DIEN's state.
    expect(r.twinLoss?.['paddingLeak|din']).not.toBe(r.loss.din);
    expect(r.twinLoss?.['invertedAugru|dien']).not.toBe(r.loss.dien);
    const { test, twinTest } = await s.evaluateAll();
    expect(twinTest?.['paddingLeak|base']?.auc).not.toBe(test.base.auc);
    expect(Number.isFinite(twinTest?.['invertedAugru|dien']?.auc)).toBe(true);
    s.dispose();
  });

  it('the negatives bug reads its own stream, paired with the correct one', async () => {
    const s = TrainingSession.create(withLab(['negativesEqualPositive']));
    const [r] = await losses(s, 1);
    expect(Object.keys(r.twinLoss ?? {})).toHaveLength(3);
    const state = await s.exportState();
    expect(state.training?.twins?.data).toEqual(state.training?.data);
    s.dispose();
  });

  it('resume exactly from a checkpoint, twins included', async () => {
    const config = withLab(['paddingLeak']);
    const a = TrainingSession.create(config);
    await losses(a, 3);
    const state = await a.exportState();
    const ahead = await losses(a, 3);
    const b = TrainingSession.create(config);
    await b.importWeights(state);
    const resumed = await losses(b, 3);
    expect(resumed.map((r) => r.twinLoss)).toEqual(ahead.map((r) => r.twinLoss));
    expect(resumed.map((r) => r.loss)).toEqual(ahead.map((r) => r.loss));
    // A checkpoint of a session without the twins cannot resume one with them.
    const plain = TrainingSession.create(CONFIG);
    const noTwins = await plain.exportState();
    await expect(b.importWeights(noTwins)).rejects.toThrow(/no weights for the bugged twins/);
    [a, b, plain].forEach((s) => s.dispose());
  });

  it('the live probe shows each bug’s signature on one history', async () => {
    const s = TrainingSession.create(withLab(['paddingLeak', 'invertedAugru']));
    await losses(s, 3);
    const history = [3, 7, 12, 20];
    const r = await s.probeTwins(history, 5);
    expect(r.step).toBe(3);
    const pad = r.probes['paddingLeak|din']!;
    expect(pad.lengths).toEqual([4, 6, 12]);
    // Masked padding: the correct DIN scores the same however many slots pad the history…
    for (const c of pad.correct) expect(c).toBeCloseTo(pad.correct[0], 6);
    // …the leaking one does not, and its unpadded CTR is what the views show for it.
    expect(Math.abs(pad.bugged[2] - pad.bugged[0])).toBeGreaterThan(1e-4);
    expect(pad.correct[0]).toBeCloseTo((await s.score(history, 5)).din.ctr, 6);
    expect(pad.weightSum?.correct).toBeCloseTo(
      (await s.score(history, 5)).din.weights.reduce((a, b) => a + b, 0),
      6,
    );
    // The inverted gate: where a_t is smallest the paper's cell hardly moves, the inverted one does.
    const q = r.probes['invertedAugru|dien']!.quietest!;
    expect(q.position).toBeGreaterThanOrEqual(1);
    expect(q.buggedMove).toBeGreaterThan(2 * q.correctMove);
    s.dispose();
  });

  it('softmax weights sum to 1 in the probe', async () => {
    const s = TrainingSession.create(withLab(['scaledSoftmax']));
    const r = await s.probeTwins([3, 7, 12], 5);
    expect(r.probes['scaledSoftmax|din']!.weightSum!.bugged).toBeCloseTo(1, 5);
    s.dispose();
  });

  it('refuse switches that are unknown, repeated, too many, or need other settings', () => {
    expect(() => checkedLab(withLab(['nope' as 'paddingLeak']))).toThrow(/no switch named/);
    expect(() => checkedLab(withLab(['paddingLeak', 'paddingLeak']))).toThrow(/twice/);
    expect(() => checkedLab(withLab(['paddingLeak', 'invertedAugru', 'scaledSoftmax']))).toThrow(
      /at most 2/,
    );
    // Dice's batch-norm bugs compare Dice with Dice: on PReLU the twin would differ by more.
    expect(() => checkedLab(withLab(['frozenBatchNorm']))).toThrow(/activation/);
    expect(checkedLab(withLab(['frozenBatchNorm'], { activation: 'dice' }))).toEqual([
      'frozenBatchNorm',
    ]);
  });
});
