/** The shapes of the client's queries: what goes where, and what reply each expects. */
import type { QueryRequest, Response, ScoreRequest } from '../protocol';

/** A query without its id (the client numbers it). */
export type Query<R extends QueryRequest = QueryRequest> = R extends QueryRequest
  ? Omit<R, 'id'>
  : never;

/** Only send `atStep` when there is one (a live request stays exactly as before). */
export function at(atStep: number | undefined): { atStep?: number } {
  return atStep === undefined ? {} : { atStep };
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
