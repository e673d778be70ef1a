/**
 * Milliseconds per training step as the reader experiences it: the wall time of the step loop
 * plus the loss readback that waits for a GPU queue to drain, over the most recent steps. The
 * first slice after a (re)start is left out: on a GPU backend it compiles shaders for seconds,
 * which says nothing about the steady speed the backend picker compares.
 */
export class StepTimer {
  private samples: { ms: number; steps: number }[] = [];
  /** What of the warm-up is still to be left out: its slice, then the readback that drains it. */
  private warmup: 'slice' | 'readback' | 'done' = 'slice';

  /** Steps counted in the window (enough to smooth a noisy machine, few enough to follow a change). */
  constructor(private readonly window = 30) {}

  /** A session (re)started: its first slice is warm-up. */
  restart(): void {
    this.samples = [];
    this.warmup = 'slice';
  }

  /** `steps` steps ran in `ms` (a slice), or a readback took `ms` (steps = 0). */
  add(ms: number, steps: number): void {
    if (!(ms >= 0)) return;
    if (this.warmup === 'slice') {
      if (steps > 0) this.warmup = 'readback';
      return;
    }
    if (this.warmup === 'readback' && steps === 0) {
      this.warmup = 'done';
      return;
    }
    this.samples.push({ ms, steps });
    let counted = 0;
    for (let i = this.samples.length - 1; i >= 0; i--) {
      counted += this.samples[i].steps;
      if (counted >= this.window) {
        this.samples = this.samples.slice(i);
        break;
      }
    }
  }

  /** Mean ms per step over the window; undefined until a step after the warm-up was timed. */
  get msPerStep(): number | undefined {
    let ms = 0;
    let steps = 0;
    for (const s of this.samples) {
      ms += s.ms;
      steps += s.steps;
    }
    return steps > 0 ? ms / steps : undefined;
  }
}
