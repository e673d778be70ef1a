/** A small, valid saved session for the persistence tests (tiny embeddings, three fake models). */
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { DEFAULT_WORLD } from '../../world/simulator';
import { CATALOGUE } from '../../world/catalogue';
import { SESSION_FORMAT, SESSION_VERSION, type SavedKeptRun, type SavedSession } from './schema';

const ROWS = CATALOGUE.goods.length + CATALOGUE.categories.length + CATALOGUE.shops.length + 3;
const E = 2;

function tensors(seed: number) {
  const emb = new Float32Array(ROWS * E).map((_, i) => Math.fround(Math.sin(i + seed)));
  return [
    { name: 'embeddings', shape: [ROWS, E], values: emb },
    { name: 'head/out/b', shape: [1], values: new Float32Array([seed / 3]) },
  ];
}

export function session(step: number): SavedSession {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: 1,
    config: {
      world: DEFAULT_WORLD,
      model: { ...DEFAULT_MODEL_SETTINGS, embDim: E },
      train: { batchSize: 16, learningRate: 0.005, seed: 1, evalEvery: 50 },
    },
    history: [1, 2, 3],
    candidate: 4,
    curves: {
      version: 3,
      loss: [{ step, loss: { base: 0.7, din: 0.69, dien: 2 }, aux: 1.3 }],
      test: [],
    },
    checkpoint: {
      step,
      tensors: { base: tensors(1), din: tensors(2), dien: tensors(3) },
      training: {
        optimizer: {
          base: { iterations: step, moments: tensors(4) },
          din: { iterations: step, moments: tensors(5) },
          dien: { iterations: step, moments: tensors(6) },
        },
        data: { orderRng: 123, pos: 5, seen: 80 },
      },
    },
  };
}

/** A rewind snapshot of the test shapes: weights alone. */
export function snapshot(step: number) {
  return {
    step,
    tensors: { base: tensors(10 + step), din: tensors(20 + step), dien: tensors(30 + step) },
  };
}

/** A kept run of the test shapes, trained to `step`, with its weights and two snapshots. */
export function keptRun(id: number, step: number): SavedKeptRun {
  const s = session(step);
  return {
    id,
    config: { ...s.config, train: { ...s.config.train, seed: id } },
    curves: s.curves,
    step,
    test: { step, value: { base: M, din: M, dien: M } },
    weights: s.checkpoint,
    rewind: [snapshot(0), snapshot(step)],
    weightsDropped: false,
  };
}
const M = { auc: 0.6, gauc: 0.55, logloss: 0.68 };

/** A session with its rewind snapshots and two kept runs (Run 1, Run 2; the current is Run 3). */
export function sessionWithRuns(step: number): SavedSession {
  return {
    ...session(step),
    rewind: [snapshot(0), snapshot(step)],
    runs: { current: 3, next: 4, kept: [keptRun(1, 20), keptRun(2, 30)] },
  };
}
