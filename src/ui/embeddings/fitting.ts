/**
 * The frozen projections of the three models' embeddings. Fitted on the first embeddings reply
 * for a config version (new weights: init, reset, a changed setting) and then kept, so motion on
 * screen is learning; refitted only when the reader asks or the dimension changes.
 */
import type { EmbeddingsResult, ModelName } from '../../train/protocol';
import { MODELS } from '../common/palette';
import { keepOrFit, pcaBasis } from './projection';
import { NO_VERSION } from '../state/types';
import type { FittedProjection } from './ProjectionNote';

export type Fitted = Record<ModelName, FittedProjection | null> & {
  /** The config version (progress.version) whose embeddings these were fitted on. */
  version: number;
};

export const NO_FIT: Fitted = { base: null, din: null, dien: null, version: -1 };

/** Whether projections fitted for `fittedOn` belong to the weights of `version`. */
function belongs(fittedOn: number, version: number): boolean {
  // Fitted before the first progress message: on the first init's weights, which that message
  // then names (no refit, so no jump, when training has already moved on).
  return fittedOn === version || fittedOn === NO_VERSION;
}

/** The projections after an embeddings reply for weights of config version `version`. */
export function fitAll(prev: Fitted, emb: EmbeddingsResult, version: number): Fitted {
  const same = belongs(prev.version, version);
  const next: Fitted = { ...prev, version };
  let changed = prev.version !== version;
  for (const m of MODELS) {
    const old = same ? prev[m] : null;
    const p = keepOrFit(old?.projection ?? null, emb.vectors[m]);
    if (p !== (old?.projection ?? null)) changed = true;
    next[m] = p === null ? null : p === old?.projection ? old : { projection: p, step: emb.step };
  }
  return changed ? next : prev;
}

/** The reader's refit of one model's projection on these embeddings. */
export function refitOne(prev: Fitted, model: ModelName, emb: EmbeddingsResult): Fitted {
  return { ...prev, [model]: { projection: pcaBasis(emb.vectors[model]), step: emb.step } };
}

/** The projections to draw with now: none while they belong to older weights. */
export function fittedFor(f: Fitted, version: number): Fitted {
  return belongs(f.version, version) ? f : NO_FIT;
}
