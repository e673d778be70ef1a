/**
 * Every good's embedding per model (embedding map, trajectory context), re-requested as training
 * moves them, and the frozen projections fitted on them (see fitting.ts).
 */
import { useCallback, useState } from 'react';
import type { EmbeddingsResult, ModelName } from '../../train/protocol';
import { useRequest } from '../common/useRequest';
import type { Trainer } from '../training/useTrainer';
import { fitAll, fittedFor, NO_FIT, refitOne, type Fitted } from './fitting';

const EMBEDDINGS_INTERVAL_MS = 1500;

export interface Embeddings {
  embeddings: EmbeddingsResult | null;
  /** The projections for the weights on screen (null per model until fitted). */
  fitted: Fitted;
  refit: (model: ModelName) => void;
}

export function useEmbeddings(
  trainer: Trainer,
  atStep: number | null,
  /** Changes when the weights may have moved (training progress, a rewind). */
  tick: unknown,
): Embeddings {
  const { client, ready, version } = trainer;
  const [fitted, setFitted] = useState<Fitted>(NO_FIT);
  const at = atStep ?? undefined;
  const embeddings = useRequest<EmbeddingsResult>(
    ready && client !== null,
    `${atStep}|${version}`,
    () => client!.embeddings(at),
    tick,
    EMBEDDINGS_INTERVAL_MS,
    (emb) => setFitted((prev) => fitAll(prev, emb, version)),
  ).value;
  const refit = useCallback(
    (model: ModelName) => {
      if (embeddings) setFitted((prev) => refitOne(prev, model, embeddings));
    },
    [embeddings],
  );
  return { embeddings, fitted: fittedFor(fitted, version), refit };
}
