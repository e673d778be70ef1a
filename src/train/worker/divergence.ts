/** The NaN guard's tests and words: a diverged step must not reach the curves or the checkpoints. */
import { MODEL_NAMES } from '../../model/config';
import type { LossReading, ModelName, WeightsSnapshot } from '../protocol';

export function nanLosses(): Record<ModelName, number> {
  const r = {} as Record<ModelName, number>;
  for (const m of MODEL_NAMES) r[m] = NaN;
  return r;
}

/** The models whose loss is not finite (DIEN also for its auxiliary loss); [] when all are. */
export function divergedModels({ loss, auxLoss }: LossReading): ModelName[] {
  const which = MODEL_NAMES.filter((m) => !Number.isFinite(loss[m]));
  if (!Number.isFinite(auxLoss) && !which.includes('dien')) which.push('dien');
  return which;
}

function finite(arrays: readonly { values: Float32Array }[]): boolean {
  for (const a of arrays) for (const v of a.values) if (!Number.isFinite(v)) return false;
  return true;
}

/** Every weight finite, and every optimizer moment when the snapshot carries them. */
export function allFinite(snapshot: WeightsSnapshot): boolean {
  return MODEL_NAMES.every(
    (m) =>
      finite(snapshot.tensors[m] ?? []) && finite(snapshot.training?.optimizer[m].moments ?? []),
  );
}
