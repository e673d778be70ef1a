/**
 * The layer table in eslint.config.js, checked on imports written for the purpose: each wrong
 * direction must fail lint, each allowed one must pass.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages.filter((m) => m.ruleId === 'rooms/layers').map((m) => m.message);
}

const cases: [file: string, code: string, ok: boolean][] = [
  // The page never loads tfjs or the models' code…
  ['src/ui/common/x.ts', "import * as tf from '@tensorflow/tfjs-core';", false],
  ['src/ui/din/x.ts', "import { DinModel } from '../../model/models';", false],
  ['src/App.tsx', "import { TrainingSession } from './train/worker/session';", false],
  ['src/train/page/x.ts', "import { ScorerController } from '../worker/scorer';", false],
  // …but may read the plain model settings, the protocol and the client.
  ['src/ui/state/x.ts', "import { DEFAULT_MODEL_SETTINGS } from '../../model/config';", true],
  ['src/ui/state/x.ts', "import type { Progress } from '../../train/protocol';", true],
  ['src/ui/buglab/x.ts', "import { LAB_ENTRIES } from '../../model/bugs';", true],
  ['src/ui/training/x.ts', "import { TrainerClient } from '../../train/page/client';", true],
  // The page starts the worker by URL: that imports none of its code.
  ['src/train/page/x.ts', "const u = new URL('../worker/worker.ts', import.meta.url);", true],
  ['src/train/page/x.ts', "const u = new URL('../worker/session.ts', import.meta.url);", false],
  // Nothing imports upward.
  ['src/world/x.ts', "import { auc } from '../metrics';", false],
  ['src/data/x.ts', "import { Rng } from '../world/random';", true],
  ['src/model/x.ts', "import { TrainerClient } from '../train/page/client';", false],
  ['src/train/protocol.ts', "import { createModel } from '../model/models';", false],
  // Every shared file of src/train/ is in the shared room, not only the ones named so far.
  ['src/train/noticeText.ts', "import * as tf from '@tensorflow/tfjs-core';", false],
  ['src/train/results.ts', "import type { IteratorState } from '../data/types';", true],
  ['src/train/worker/x.ts', "import { useStrings } from '../../ui/text/TextContext';", false],
  ['src/lib/x.ts', "import { CATALOGUE } from '../world/catalogue';", false],
  // src/ never imports the tools; the tools may use any of src/.
  ['src/train/worker/x.ts', "import { x } from '../../../bench/types';", false],
  ['bench/x.ts', "import { TrainingSession } from '../src/train/worker/session';", true],
  // A lesson test may score with the metrics even from the world's room.
  ['src/world/x.test.ts', "import { auc } from '../metrics';", true],
];

describe('layer rule (eslint.config.js LAYERS)', () => {
  it.each(cases)('%s: %s → ok=%s', async (file, code, ok) => {
    const errors = await layerErrors(file, code);
    if (ok) expect(errors).toEqual([]);
    else expect(errors).toHaveLength(1);
  });
});
