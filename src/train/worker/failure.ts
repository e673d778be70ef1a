import { errorText } from '../../lib/errorText';

/** Thrown by session work whose failure means the backend is broken (posted with fatal: true). */
export class BackendFailure extends Error {
  constructor(cause: unknown) {
    super(errorText(cause));
    this.name = 'BackendFailure';
  }
}

/** Session work whose failure means the backend is broken. */
export async function backendWork<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof BackendFailure ? e : new BackendFailure(e);
  }
}
