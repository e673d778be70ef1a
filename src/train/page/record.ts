/**
 * What the page keeps of a training run where a worker's crash cannot take it: the last
 * checkpoint (the whole training state), copies of the rewind snapshots, and the last step seen.
 * A restarted worker is given the checkpoint and the snapshots up to it; the reader is told
 * which steps after it were lost.
 */
import { CHECKPOINT_ID, type Response, type WeightsSnapshot } from '../protocol';

export class TrainingRecord {
  /** The last checkpoint of good weights the worker sent. */
  checkpoint: WeightsSnapshot | undefined;
  /** The steps rewind snapshots exist for (the worker's latest 'snapshots' message). */
  snapshots: number[] = [];
  /** The last step progress reported. */
  lastStep = 0;
  private rewind: WeightsSnapshot[] = [];

  /** New weights (init, reset): nothing of the old run applies. */
  clear(): void {
    this.checkpoint = undefined;
    this.snapshots = [];
    this.rewind = [];
  }

  /**
   * Take note of a message from the training worker. Checkpoints and snapshots of an older
   * config version (in flight when the page reset) belong to weights that are gone.
   */
  note(r: Response, version: number): void {
    if ((r.type === 'weights' || r.type === 'snapshots') && (r.version ?? version) < version)
      return;
    if (r.type === 'progress') this.lastStep = r.progress.step;
    else if (r.type === 'weights' && r.id === CHECKPOINT_ID) this.checkpoint = r.weights;
    else if (r.type === 'snapshots') {
      this.snapshots = [...r.steps];
      const kept = new Set(r.steps);
      this.rewind = [...this.rewind, ...(r.added ? [r.added] : [])].filter((s) => kept.has(s.step));
    }
  }

  /** A kept run resumed from `from`: its rewind copies are this run's again. */
  resumeFrom(from: WeightsSnapshot, rewind: WeightsSnapshot[]): void {
    this.clear();
    this.rewind = [...rewind];
    this.snapshots = rewind.map((s) => s.step);
    // A crash before its first checkpoint restarts from where it was resumed, not from scratch.
    this.checkpoint = from;
  }

  /** The rewind snapshots a worker restarted from `step` keeps. */
  rewindUpTo(step: number): WeightsSnapshot[] {
    return this.rewind.filter((s) => s.step <= step);
  }
}
