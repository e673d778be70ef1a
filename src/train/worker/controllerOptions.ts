/** What the worker controller is given, and the budget check it runs before building a session. */
import { fitBudget } from '../../data/budget';
import type { BackendInfo, InitRequest, ReadyInfo, Response, SessionConfig } from '../protocol';
import type { TrainingSessionLike } from './session';
import type { SnapshotStore } from './snapshots';

export interface ControllerOptions {
  post: (r: Response) => void;
  createSession: (c: SessionConfig) => TrainingSessionLike;
  /** Select and start the tfjs backend for the first init (the worker: backends.selectBackend). */
  selectBackend: (req: InitRequest) => Promise<BackendInfo>;
  /** Run `fn` on a later task so incoming messages are handled between slices (default setTimeout 0). */
  schedule?: (fn: () => void) => void;
  /** Wait `ms` of wall time (default setTimeout): how a slice waits out a 'yield'. */
  sleep?: (ms: number) => Promise<void>;
  /** Wall clock in ms (default performance.now / Date.now). */
  now?: () => number;
  /** Read losses back at most this often while playing (ms). */
  progressIntervalMs?: number;
  /** …but at least every this many steps, so the GPU queue stays short. */
  maxStepsPerRead?: number;
  /** Keep a snapshot of good weights (and post it as a checkpoint) at most this often (ms). */
  checkpointIntervalMs?: number;
  /** Stop a Play slice early once it has run this long (ms; default 40). */
  sliceBudgetMs?: number;
  /** Rewind snapshots (default: 32 kept, first every 20 steps). */
  snapshots?: SnapshotStore;
  /** The fused kernels' switch (the worker: model/recurrence.ts); none with a fake session. */
  kernels?: FusedSwitch;
}

/** model/recurrence.ts's switch, passed in so the controller stays free of tfjs. */
export interface FusedSwitch {
  set(on: boolean): void;
  /** The switch as last set. */
  enabled(): boolean;
  /** Whether the active backend runs the fused kernels (switched on and registered there). */
  active(): boolean;
  /** Whether the fused recurrence takes H units on the active backend. */
  takesH(H: number): boolean;
}

/** What 'ready' says of the fused kernels for this config (nothing without a switch). */
export function kernelsInfo(
  k: FusedSwitch | undefined,
  config: SessionConfig | undefined,
): Pick<ReadyInfo, 'fusedKernels'> {
  if (!k) return {};
  const active = k.active();
  // DIEN's GRUs have H = D = 3·embDim units (models.ts).
  const H = 3 * (config?.model.embDim ?? 0);
  return { fusedKernels: { on: k.enabled(), active, recurrence: active && k.takesH(H) } };
}

/**
 * The last line of the resource budgets (the page caps its settings first): a config that would
 * not fit a phone-class tab is refused before anything is built, with the reason.
 */
export function checkBudget(config: SessionConfig): void {
  const caps = fitBudget(config).caps;
  if (caps.length > 0)
    throw new Error(`These settings do not fit: ${caps.map((c) => c.message).join('; ')}`);
}
