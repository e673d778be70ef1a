import { describe, expect, it } from 'vitest';
import { decodeSafetensors } from '../lib/safetensors';
import { DEFAULT_MODEL_SETTINGS } from '../model/config';
import type { SessionConfig, WeightsSnapshot } from './results';
import { tensorName, weightsToSafetensors } from './weightsFile';

describe('weights as safetensors', () => {
  it('names every variable <model>.<path> and carries the settings and step', () => {
    const weights: WeightsSnapshot = {
      step: 7,
      tensors: {
        base: [{ name: 'head/out/b', shape: [1], values: new Float32Array([0.5]) }],
        din: [{ name: 'att/dense0/w', shape: [2, 1], values: new Float32Array([1, 2]) }],
        dien: [{ name: 'extractor/W', shape: [3, 1, 1], values: new Float32Array([3, 4, 5]) }],
      },
    };
    const config = {
      model: DEFAULT_MODEL_SETTINGS,
      world: { seed: 1 },
    } as unknown as SessionConfig;
    const { tensors, metadata } = decodeSafetensors(weightsToSafetensors(weights, config));
    expect(tensors.map((t) => t.name)).toEqual([
      'base.head.out.b',
      'din.att.dense0.w',
      'dien.extractor.W',
    ]);
    expect([...tensors[2].values]).toEqual([3, 4, 5]);
    expect(metadata.step).toBe('7');
    expect(JSON.parse(metadata.model_settings)).toEqual(DEFAULT_MODEL_SETTINGS);
    expect(tensorName('din', 'head/dense0/w')).toBe('din.head.dense0.w');
  });

  it('adds BST’s variables as bst.<path> with its settings, when the run trains it', () => {
    const weights: WeightsSnapshot = {
      step: 3,
      tensors: { base: [], din: [], dien: [] },
      bst: [{ name: 'bst/block/wq', shape: [2], values: new Float32Array([7, 8]) }],
    };
    const bst = { position: 'timeGap', attention: 'full', output: 'candidate', heads: 1 } as const;
    const config = {
      model: DEFAULT_MODEL_SETTINGS,
      world: { seed: 1 },
      bst,
    } as unknown as SessionConfig;
    const { tensors, metadata } = decodeSafetensors(weightsToSafetensors(weights, config));
    expect(tensors.map((t) => t.name)).toEqual(['bst.bst.block.wq']);
    expect(JSON.parse(metadata.bst_settings)).toEqual(bst);
  });
});
