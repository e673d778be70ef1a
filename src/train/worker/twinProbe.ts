/**
 * The bug lab's live probe: each bugged twin and its correct model on the reader's own history
 * and candidate, measured where the bug shows. Padding: the CTR with the kept history padded to
 * L, T and 2T slots (the correct model's is the same at all three). DIN: the sum of the attention
 * weights (1 under softmax). DIEN: how far the interest state moves at the least relevant
 * behavior (the paper's AUGRU barely moves; the inverted gate makes it a full GRU step).
 */
import * as tf from '@tensorflow/tfjs-core';
import { keptIndices, makeBatch } from '../../data/batch';
import type { Sample } from '../../data/types';
import type { ModelName } from '../../model/config';
import { disposeTensors, toTensors, type TableLayout } from '../../model/inputs';
import type { CtrModel } from '../../model/models';
import type { Catalogue } from '../../world/types';
import type { ScoreResult, TwinProbe, TwinProbeResult } from '../protocol';
import type { ViewInspector } from './inspector';
import type { PerModel } from './models';
import type { Twin } from './twins';

export interface ProbeParts {
  models: PerModel<CtrModel>;
  twins: readonly Twin[];
  inspector: ViewInspector;
  /** An inspector over these models (the correct ones with one twin in its model's place). */
  inspectorOver: (models: PerModel<CtrModel>) => ViewInspector;
  catalogue: Catalogue;
  layout: TableLayout;
  T: number;
  step: number;
}

/** One net's CTR for the kept history padded to each length (one readback). */
async function paddedCtrs(
  net: CtrModel,
  kept: number[],
  candidate: number,
  lengths: number[],
  parts: ProbeParts,
): Promise<number[]> {
  // The auxiliary negatives do not enter the CTR: any valid good will do.
  const sample: Sample = { user: 0, history: kept, candidate, label: 0, auxNegatives: kept };
  const probs = tf.tidy(() =>
    tf.concat(
      lengths.map((len) => {
        const x = toTensors(makeBatch([sample], parts.catalogue, len), parts.layout);
        const p = tf.sigmoid(net.forward(x, { training: false, logitsOnly: true }).logits);
        disposeTensors(x);
        return p;
      }),
    ),
  );
  const v = Array.from(await probs.data());
  probs.dispose();
  return v;
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((x, i) => x - (b[i] ?? 0)));

/** How far the evolving state moved into position t (from 0 before the first behavior). */
function move(states: number[][], t: number): number {
  return distance(states[t], t > 0 ? states[t - 1] : states[t].map(() => 0));
}

function quietest(correct: ScoreResult, bugged: ScoreResult): TwinProbe['quietest'] {
  const a = correct.dien.attention;
  if (a.length === 0) return undefined;
  let t = a.length > 1 ? 1 : 0;
  for (let i = t; i < a.length; i++) if (a[i] < a[t]) t = i;
  return {
    position: t,
    correctA: a[t],
    buggedA: bugged.dien.attention[t],
    correctMove: move(correct.dien.evolvingStates, t),
    buggedMove: move(bugged.dien.evolvingStates, t),
  };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

export async function probeTwins(
  parts: ProbeParts,
  history: number[],
  candidate: number,
): Promise<TwinProbeResult> {
  const kept = keptIndices(history.length, parts.T).map((i) => history[i]);
  // No padding, the training batches' padding, and twice that (a full history gets two).
  const lengths = [...new Set([Math.max(1, kept.length), parts.T, 2 * parts.T])];
  const correctScore = await parts.inspector.score(history, candidate);
  const correctCtrs = new Map<ModelName, number[]>();
  const correctAt = async (name: ModelName) => {
    if (!correctCtrs.has(name)) {
      correctCtrs.set(name, await paddedCtrs(parts.models[name], kept, candidate, lengths, parts));
    }
    return correctCtrs.get(name)!;
  };
  const probes: TwinProbeResult['probes'] = {};
  for (const twin of parts.twins) {
    const name = twin.name;
    const swapped = parts.inspectorOver({ ...parts.models, [name]: twin.model });
    const buggedScore = await swapped.score(history, candidate);
    const probe: TwinProbe = {
      lengths,
      correct: await correctAt(name),
      bugged: await paddedCtrs(twin.model, kept, candidate, lengths, parts),
    };
    if (name === 'din') {
      probe.weightSum = {
        correct: sum(correctScore.din.weights),
        bugged: sum(buggedScore.din.weights),
      };
    }
    if (name === 'dien') probe.quietest = quietest(correctScore, buggedScore);
    probes[twin.key] = probe;
  }
  return { step: parts.step, probes };
}
