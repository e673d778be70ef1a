/**
 * The engine on an imported log: the same session, data protocol and views as on the toy world,
 * with no truth and no Bayes ceiling (a real log has neither), and a clear refusal when the
 * data set did not come with the config.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../data/import/detect';
import { importedDataset } from '../../data/import/dataset';
import { importLog } from '../../data/import/importLog';
import { blobSource } from '../../data/import/records';
import { sampleFiles } from '../../data/import/sampleFiles';
import { DEFAULT_CAPS, type ImportedWorld } from '../../data/import/types';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { useCpu } from '../../model/testing';
import { DEFAULT_WORLD, simulateWorld } from '../../world/simulator';
import type { SessionConfig } from '../protocol';
import { weightsOnly } from './checkpoints';
import { ViewInspector } from './inspector';
import { TrainingSession } from './session';

let world: ImportedWorld;
let config: SessionConfig;

beforeAll(async () => {
  await useCpu();
  const [{ text }] = sampleFiles('taobao', {
    world: simulateWorld({ ...DEFAULT_WORLD, shoppers: 40, seed: 9 }),
  });
  const blob = new Blob([text]);
  const head = new Uint8Array(await blob.slice(0, 65536).arrayBuffer());
  world = await importLog(blobSource(blob, 'UserBehavior.csv'), undefined, {
    detection: detectFormat(head, true),
    caps: { ...DEFAULT_CAPS, topItems: 12 },
    behaviors: ['buy'],
    seed: 1,
  });
  config = {
    world: { ...DEFAULT_WORLD, seed: 3 },
    model: { ...DEFAULT_MODEL_SETTINGS, T: 6, embDim: 3, hidden: [8], attentionHidden: [6] },
    train: { batchSize: 16, learningRate: 0.01, seed: 4, evalEvery: 0 },
    data: { kind: 'imported', id: 'test', name: 'UserBehavior.csv', world },
  };
});

describe('a training session on an imported log', () => {
  it('trains on the papers protocol over the file, with no ceiling and no truth', async () => {
    const s = TrainingSession.create(config);
    const expected = importedDataset(world, { seed: 3 });
    expect(s.trainSize).toBe(expected.train.length);
    expect(s.testSize).toBe(expected.test.length);
    expect(s.ceiling).toBeUndefined();
    // The file's catalogue: 12 kept items and the "other" good, named from the file.
    expect(s.world.catalogue.goods).toHaveLength(13);
    for (let i = 0; i < 5; i++) s.step();
    const losses = await s.readLosses();
    expect(Number.isFinite(losses.loss.din)).toBe(true);
    const test = await s.evaluate();
    expect(test.din.auc).toBeGreaterThan(0);
    expect(test.din.auc).toBeLessThan(1);
    const r = await s.score([1, 2, 3], 4);
    expect(r.truth).toBeUndefined();
    expect(r.din.weights).toHaveLength(3);
    s.dispose();
  });

  it('the scoring worker builds the same models over the same catalogue from the config', async () => {
    const s = TrainingSession.create(config);
    for (let i = 0; i < 3; i++) s.step();
    const scorer = ViewInspector.create(config);
    scorer.importWeights(weightsOnly(await s.exportState()));
    const mine = await s.score([2, 5, 7], 1);
    const theirs = await scorer.score([2, 5, 7], 1);
    expect(theirs.truth).toBeUndefined();
    expect(theirs.din.ctr).toBeCloseTo(mine.din.ctr, 6);
    expect(theirs.dien.attention).toEqual(mine.dien.attention);
    s.dispose();
  });

  it('the bug lab twins read the imported log too (pitfall 7 builds its own stream from it)', () => {
    const s = TrainingSession.create({ ...config, bugLab: ['negativesEqualPositive'] });
    expect(s.twins.size).toBeGreaterThan(0);
    s.step();
    s.dispose();
  });

  it('refuses, by name, a config whose data set did not come with it', () => {
    const bare: SessionConfig = {
      ...config,
      data: { kind: 'imported', id: 'x', name: 'mine.csv' },
    };
    expect(() => TrainingSession.create(bare)).toThrow(/"mine\.csv" did not reach the engine/);
    expect(() => ViewInspector.create(bare)).toThrow(/did not reach the engine/);
  });
});
