/**
 * The training worker's answers to the page's queries (the views' scores, heatmap, embeddings,
 * the bug lab's probe, an export of the weights): each a reply with the query's id. Views read
 * the weights of the step asked for (a rewind replays a snapshot), all inside the serial queue.
 */
import type { RowTimes } from '../../data/batch';
import type { QueryRequest, Response, ScoreQuery } from '../protocol';
import type { TrainingSessionLike } from './session';

/** A score query's times as the models' and the truth's input (undefined: it sent none). */
export function scoreTimesOf(req: Pick<ScoreQuery, 'history' | 'times' | 'candidateTime'>) {
  if (req.times === undefined) return undefined;
  if (req.times.length !== req.history.length) {
    throw new Error(`score: ${req.times.length} times for a history of ${req.history.length}`);
  }
  const now = req.candidateTime;
  if (now === undefined || !Number.isFinite(now)) {
    throw new Error('score: times need the candidate’s time');
  }
  if (req.times.some((t) => t > now)) throw new Error('score: a purchase after the candidate');
  const when: RowTimes = { times: req.times, now };
  return when;
}

export interface AnswerParts {
  session: TrainingSessionLike;
  /** Run `fn` on the session at `step`'s weights (undefined: live), in the serial queue. */
  viewWork: <T>(step: number | undefined, fn: (s: TrainingSessionLike) => Promise<T>) => Promise<T>;
  /** Run `fn` in the serial queue. */
  queued: <T>(fn: () => Promise<T>) => Promise<T>;
}

export async function answer(req: QueryRequest, parts: AnswerParts): Promise<Response> {
  const { viewWork } = parts;
  switch (req.type) {
    case 'score': {
      const when = scoreTimesOf(req);
      const result = await viewWork(req.atStep, (s) => s.score(req.history, req.candidate, when));
      return { type: 'score', id: req.id, result };
    }
    case 'heatmap': {
      const r = await viewWork(req.atStep, (s) => s.heatmap(req.history));
      return { type: 'heatmap', id: req.id, ...r };
    }
    case 'embeddings': {
      const r = await viewWork(req.atStep, async (s) => ({
        ...(await s.embeddingMap()),
        step: s.counters.step,
      }));
      return { type: 'embeddings', id: req.id, ...r };
    }
    case 'twinProbe': {
      const result = await viewWork(undefined, (s) =>
        s.probeTwins
          ? s.probeTwins(req.history, req.candidate)
          : Promise.resolve({ step: s.counters.step, probes: {} }),
      );
      return { type: 'twinProbe', id: req.id, result };
    }
    case 'exportWeights': {
      const session = parts.session;
      const weights = await parts.queued(() =>
        req.training && session.exportState ? session.exportState() : session.exportWeights(),
      );
      return { type: 'weights', id: req.id, weights };
    }
    default: {
      const unknown: never = req;
      throw new Error(`Unknown query ${JSON.stringify(unknown)}`);
    }
  }
}
