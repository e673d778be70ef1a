/**
 * The import end to end in Node: a generated Taobao-style file on disk goes through the page's
 * import path (the Node file source in place of the worker's Blob, nothing else different),
 * the papers' protocol, and a few training steps of tiny Base and DIN models.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobSource } from '../src/data/import/records';
import { sampleFiles, sampleWorld } from '../src/data/import/sampleFiles';
import { importLog } from '../src/data/import/importLog';
import { detectFormat } from '../src/data/import/detect';
import { DEFAULT_CAPS } from '../src/data/import/types';
import { DEFAULT_MODEL_SETTINGS } from '../src/model/config';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { importFile, trainImported } from '../scripts/importExperiment';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('importing a Taobao-style file and training on it', () => {
  let path = '';
  let text = '';
  beforeAll(async () => {
    await useNodeBackend('cpu');
    [{ text }] = sampleFiles('taobao', { world: sampleWorld() });
    path = join(mkdtempSync(join(tmpdir(), 'import-')), 'UserBehavior.csv');
    writeFileSync(path, text);
  });

  const caps = { ...DEFAULT_CAPS, topItems: 30, maxHistory: 20 };

  it('reads the same world from disk (Node) as from a Blob (the page worker)', async () => {
    const fromDisk = await importFile({ data: path, caps, behaviors: ['buy'], seed: 1 });
    const blob = new Blob([text]);
    const head = new Uint8Array(await blob.slice(0, 65536).arrayBuffer());
    const fromBlob = await importLog(blobSource(blob, 'UserBehavior.csv'), undefined, {
      detection: detectFormat(head, blob.size <= 65536),
      caps,
      behaviors: ['buy'],
      seed: 1,
    });
    expect(fromDisk).toEqual(fromBlob);
    expect(fromDisk.format).toBe('taobao');
    expect(fromDisk.shoppers).toHaveLength(200);
    expect(fromDisk.otherGood).toBe(31);
  });

  it('tiny Base and DIN train on it: the loss falls and the test AUC is a real number', async () => {
    const world = await importFile({ data: path, caps, behaviors: ['buy'], seed: 1 });
    const model = {
      ...DEFAULT_MODEL_SETTINGS,
      T: 10,
      embDim: 4,
      hidden: [16],
      attentionHidden: [8],
    };
    const { metrics, losses } = trainImported(world, {
      model,
      steps: 60,
      batchSize: 32,
      learningRate: 0.01,
      seed: 1,
      names: ['base', 'din'],
      recordLosses: true,
    });
    for (const name of ['base', 'din'] as const) {
      const l = losses[name]!;
      expect(l).toHaveLength(60);
      expect(l.every(Number.isFinite)).toBe(true);
      expect(mean(l.slice(-15))).toBeLessThan(mean(l.slice(0, 15)));
      const m = metrics[name]!;
      expect(m.auc).toBeGreaterThan(0);
      expect(m.auc).toBeLessThan(1);
      expect(Number.isFinite(m.gauc) && Number.isFinite(m.logloss)).toBe(true);
    }
  });
});
