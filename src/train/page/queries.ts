/**
 * The client's queries: what goes to which worker, and what reply each expects. Views go to the
 * scoring worker while it is up and fed, everything else to the training worker; each query is
 * numbered by pending.ts and settled by the reply with its id.
 */
import { asError } from '../../lib/errorText';
import {
  CHECKPOINT_ID,
  type QueryRequest,
  type Response,
  type ScoreQuery,
  type ScoreRequest,
} from '../protocol';
import type { PendingRequests } from './pending';
import type { ScorerLink } from './scorerLink';

/** A query without its id (the client numbers it). */
export type Query<R extends QueryRequest = QueryRequest> = R extends QueryRequest
  ? Omit<R, 'id'>
  : never;

/** Only send `atStep` when there is one (a live request stays exactly as before). */
export function at(atStep: number | undefined): { atStep?: number } {
  return atStep === undefined ? {} : { atStep };
}

/** When a score's purchases and its candidate happened (days; NaN: unknown). */
export interface ScoreTimes {
  times: number[];
  candidateTime: number;
}

/** Only send times when there are some (a query without them stays exactly as before). */
export function timed(when: ScoreTimes | undefined): Pick<ScoreQuery, 'times' | 'candidateTime'> {
  return when ? { times: when.times, candidateTime: when.candidateTime } : {};
}

const VIEW_REQUESTS = new Set<string>(['score', 'heatmap', 'embeddings']);

/** The views' queries: the scoring worker answers them while it is up. */
export function isViewRequest(req: QueryRequest): req is ScoreRequest {
  return VIEW_REQUESTS.has(req.type);
}

/** The reply, if it is of the type the query expects. */
export function replyOf<T extends Response['type']>(
  r: Response,
  type: T,
): Extract<Response, { type: T }> {
  if (r.type !== type) throw new Error(`unexpected reply ${r.type}`);
  return r as Extract<Response, { type: T }>;
}

export interface QueryRoutes {
  pending: PendingRequests;
  scorer: ScorerLink | undefined;
  /** Post to the training worker (throws when there is none). */
  train: (req: QueryRequest) => void;
  /** Whether a training worker runs: the scoring worker is fed only by one. */
  training: () => boolean;
  /** The config version a view must reflect. */
  version: () => number;
}

export class Queries {
  constructor(private readonly routes: QueryRoutes) {}

  /** A query whose reply must be of type `type`. */
  async ask<T extends Response['type']>(query: Query, type: T) {
    return replyOf(await this.request(query), type);
  }

  /** A message from the training worker settles the request with its id (not a checkpoint). */
  settle(r: Response): void {
    const id = 'id' in r ? r.id : undefined;
    if (id !== undefined && id !== CHECKPOINT_ID) this.routes.pending.settle(id, r);
  }

  /** The training worker is gone: its requests fail, the scoring worker's are still answered. */
  failTraining(e: Error): void {
    this.routes.pending.rejectAll(e, this.routes.scorer?.inFlight);
  }

  /** Every request fails (the client is disposed). */
  failAll(e: Error): void {
    this.routes.pending.rejectAll(e);
  }

  private request(query: Query): Promise<Response> {
    const { pending, scorer } = this.routes;
    const { id, reply } = pending.open();
    const req = { ...query, id } as QueryRequest;
    try {
      if (scorer?.up && this.routes.training() && isViewRequest(req))
        scorer.send(req, this.routes.version());
      else this.routes.train(req);
    } catch (e) {
      pending.reject(id, asError(e));
    }
    return reply;
  }
}
