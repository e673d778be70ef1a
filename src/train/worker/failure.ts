import { errorText } from '../../lib/errorText';
import type { FaultKind } from '../protocol';

/**
 * Errors that say the device or its context is gone, or that the backend cannot run the
 * kernels (out of memory, a shader that does not compile): another backend may well work.
 */
const BACKEND_FAULT =
  /context (was )?lost|device (was )?lost|lost (the )?device|shader|compil|out of memory|\boom\b|allocat|webgl|webgpu|gpu/i;

/** A fault that any backend would hit too: a bug (TypeError, RangeError…) in our own code. */
function isBug(e: unknown): boolean {
  return e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError;
}

/** Thrown by session work whose failure stops this worker (posted with fatal: true). */
export class BackendFailure extends Error {
  readonly kind: FaultKind;

  constructor(cause: unknown, kind?: FaultKind) {
    super(errorText(cause));
    this.name = 'BackendFailure';
    this.kind = kind ?? (!isBug(cause) && BACKEND_FAULT.test(this.message) ? 'backend' : 'crash');
  }
}

/** Session work whose failure stops this worker. */
export async function backendWork<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof BackendFailure ? e : new BackendFailure(e);
  }
}
