/**
 * The page's restart policy after a backend fails during training: which backend the next worker
 * tries (the chain order is backendChain.ts's), which it skips and why, and what the reader is
 * told. The weights to restart from are the client's last checkpoint.
 */
import { nextAfterFailures } from '../backendChain';
import {
  BACKEND_ORDER,
  type BackendName,
  type InitRequest,
  type SkippedBackend,
} from '../protocol';

export class RestartPolicy {
  private readonly failed: SkippedBackend[] = [];

  /** `forced`: the backend the page asked for first (`?backend=`). */
  constructor(private readonly forced: BackendName | undefined) {}

  /** The backend fields of the next init. */
  backendRequest(): Pick<InitRequest, 'backend' | 'skip'> {
    if (this.failed.length === 0) return this.forced ? { backend: this.forced } : {};
    const next = nextAfterFailures(this.failed.map((f) => f.backend));
    return { ...(next ? { backend: next } : {}), skip: this.failed.map((f) => ({ ...f })) };
  }

  /** Record a failure; true if some backend is left to try. */
  failedDuringTraining(backend: BackendName, message: string): boolean {
    this.failed.push({ backend, reason: `failed during training (${message})` });
    return this.canRetry();
  }

  canRetry(): boolean {
    return BACKEND_ORDER.some((b) => !this.failed.some((f) => f.backend === b));
  }

  /** What the reader is told about the restart. */
  restartNotice(failed: BackendName, message: string, fromStep: number | undefined): string {
    const { backend: next } = this.backendRequest();
    const from =
      fromStep !== undefined ? ` from the weights of step ${fromStep}` : ' from fresh weights';
    return `The ${failed} backend failed (${message}). Restarting training on ${next ?? 'another backend'}${from}.`;
  }
}
