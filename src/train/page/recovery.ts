/**
 * The page's restart policy after the training worker fails: which backend the next worker tries
 * (the chain order is backendChain.ts's), which it skips and why, and what the reader is told.
 * A backend fault (device or context lost, no backend) moves down the chain; a crash that any
 * backend could have (a bug, a stuck or vanished worker) restarts on the same backend first, and
 * only a second crash there moves on. The weights to restart from are the client's checkpoint.
 */
import { nextAfterFailures } from '../backendChain';
import { englishNotice } from '../noticeText';
import {
  BACKEND_ORDER,
  type BackendName,
  type ErrorResponse,
  type FaultKind,
  type InitRequest,
  type NoticeDetail,
  type SkippedBackend,
} from '../protocol';

/** Crashes on one backend before it is skipped like a failed one. */
const CRASHES_BEFORE_SKIP = 2;

export class RestartPolicy {
  private readonly failed: SkippedBackend[] = [];
  private readonly crashes = new Map<BackendName, number>();
  /** Set after a crash: the next worker tries this backend again first. */
  private again: BackendName | undefined;

  /** `forced`: the backend the page asked for first (`?backend=`, the backend picker). */
  constructor(private forced: BackendName | undefined) {}

  /**
   * The reader picked a backend (undefined: the automatic choice): it goes first, and earlier
   * failures are forgotten, since trying again is the reader's call.
   */
  choose(backend: BackendName | undefined): void {
    this.forced = backend;
    this.failed.length = 0;
    this.crashes.clear();
    this.again = undefined;
  }

  /** The backend fields of the next init. */
  backendRequest(): Pick<InitRequest, 'backend' | 'skip'> {
    const skip = this.failed.length > 0 ? { skip: this.failed.map((f) => ({ ...f })) } : {};
    if (this.again) return { backend: this.again, ...skip };
    if (this.failed.length === 0) return this.forced ? { backend: this.forced } : {};
    const next = nextAfterFailures(this.failed.map((f) => f.backend));
    return { ...(next ? { backend: next } : {}), ...skip };
  }

  /** Record a failure; true if some backend is left to try. */
  failedDuringTraining(
    backend: BackendName,
    message: string,
    kind: FaultKind = 'backend',
  ): boolean {
    this.again = undefined;
    if (kind === 'crash') {
      const n = (this.crashes.get(backend) ?? 0) + 1;
      this.crashes.set(backend, n);
      if (n < CRASHES_BEFORE_SKIP) {
        this.again = backend;
        return true;
      }
      this.failed.push({ backend, reason: `crashed ${n} times during training (${message})` });
    } else {
      this.failed.push({ backend, reason: `failed during training (${message})` });
    }
    return this.canRetry();
  }

  canRetry(): boolean {
    return BACKEND_ORDER.some((b) => !this.failed.some((f) => f.backend === b));
  }

  /**
   * After a fatal error of `failed` (undefined: unknown, no restart): whether to restart, and
   * what the reader is told.
   */
  plan(
    failed: BackendName | undefined,
    error: Pick<ErrorResponse, 'message' | 'kind'>,
    fromStep: number | undefined,
    /** The last step the page saw: what a restart from an older checkpoint loses. */
    lastStep = 0,
  ): { restart: boolean; notice: string; detail: NoticeDetail } {
    const reason = error.message;
    const left = failed !== undefined && this.failedDuringTraining(failed, reason, error.kind);
    if (!left) {
      const detail: NoticeDetail = { code: 'stopped', reason };
      return { restart: false, notice: englishNotice(detail), detail };
    }
    const same = this.again === failed;
    const next = same ? failed : this.backendRequest().backend;
    const detail: NoticeDetail = {
      code: 'restarting',
      same,
      failed,
      ...(next ? { next } : {}),
      reason,
      ...(fromStep !== undefined ? { fromStep } : {}),
      ...(lastStep > (fromStep ?? 0) ? { lostUpTo: lastStep } : {}),
    };
    return { restart: true, notice: englishNotice(detail), detail };
  }
}
