/**
 * Test-set prediction: every model's probabilities on a list of samples, in fixed-shape chunks,
 * with one readback. The session and the bug lab's twins are scored in the same pass.
 */
import * as tf from '@tensorflow/tfjs-core';
import { evalBatches } from '../../data/batch';
import type { Sample } from '../../data/types';
import { auc, gauc, logloss } from '../../metrics';
import type { ModelSettings } from '../../model/config';
import { disposeTensors, toTensors, type TableLayout } from '../../model/inputs';
import type { CtrModel } from '../../model/models';
import type { Catalogue } from '../../world/types';
import type { EvalMetrics } from '../protocol';

/** Test-set evaluation reads the models in chunks of this many rows (a fixed shape). */
const EVAL_BATCH = 256;

/**
 * …or fewer, for big models: a chunk's multiply-adds (rows × T × D², D = 3 · embedding size)
 * stay under this, so one chunk takes well under a second on wasm and the worker answers the
 * page's watchdog between chunks. The default model keeps all 256 rows.
 */
const EVAL_CHUNK_WORK = 20_000_000;

function evalRows(T: number, embDim: number): number {
  const D = 3 * embDim;
  return Math.max(8, Math.min(EVAL_BATCH, Math.floor(EVAL_CHUNK_WORK / (T * D * D))));
}

/** A macrotask hop: messages that arrived meanwhile (the watchdog's ping) are handled. */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

/** Each net's predicted probabilities on `samples` (rows in the order of `nets`), one readback. */
export async function predictAll(
  nets: readonly CtrModel[],
  samples: Sample[],
  catalogue: Catalogue,
  layout: TableLayout,
  settings: Pick<ModelSettings, 'T' | 'embDim'>,
): Promise<Float32Array[]> {
  const { T, embDim } = settings;
  const rows = evalRows(T, embDim);
  // Only chunks shrunk for a big model take long enough to need a hop between them (a
  // setTimeout hop costs up to 4 ms in a worker: not worth it on the default model's path).
  const hop = rows < EVAL_BATCH;
  const chunks = evalBatches(samples, catalogue, T, rows);
  const parts: tf.Tensor2D[] = [];
  for (const [i, { batch, valid }] of chunks.entries()) {
    if (hop && i > 0) await breathe();
    parts.push(
      tf.tidy(() => {
        const x = toTensors(batch, layout);
        const probs = nets.map((m) =>
          tf.sigmoid(m.forward(x, { training: false, logitsOnly: true }).logits),
        );
        const stacked = tf.slice(tf.stack(probs), [0, 0], [nets.length, valid]) as tf.Tensor2D;
        disposeTensors(x);
        return stacked;
      }),
    );
  }
  const all = tf.concat(parts, 1);
  parts.forEach((p) => p.dispose());
  const v = (await all.data()) as Float32Array;
  all.dispose();
  const n = samples.length;
  return nets.map((_, i) => v.slice(i * n, (i + 1) * n));
}

/** AUC, GAUC and logloss of one model's probabilities on `samples`. */
export function metricsOf(samples: Sample[]): (p: Float32Array) => EvalMetrics {
  const labels = samples.map((s) => s.label);
  const users = samples.map((s) => s.user);
  return (p) => ({
    auc: auc(labels, p),
    gauc: gauc(users, labels, p),
    logloss: logloss(labels, p),
  });
}
