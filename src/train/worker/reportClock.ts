/**
 * When the training loop reads its losses back and evaluates: a readback stalls a GPU backend,
 * so while playing it happens at a bounded rate (and at least every `maxStepsPerRead` steps, so
 * the device queue stays short), and the test set is evaluated every `evalEvery` steps.
 */
import { StepTimer } from './stepTimer';

export class ReportClock {
  /** Steady ms per step, for the page's backend picker. */
  readonly timer = new StepTimer();
  private stepsSinceRead = 0;
  private lastReadAt = -Infinity;
  private lastEvalStep = 0;

  constructor(
    readonly now: () => number,
    private readonly progressIntervalMs: number,
    private readonly maxStepsPerRead: number,
  ) {}

  /** A session (re)started at `step`, evaluated there. */
  restart(step: number): void {
    this.timer.restart();
    this.stepsSinceRead = 0;
    this.lastReadAt = this.now();
    this.lastEvalStep = step;
  }

  stepped(): void {
    this.stepsSinceRead++;
  }

  /** Steps taken since the last readback. */
  get unread(): number {
    return this.stepsSinceRead;
  }

  read(): void {
    this.stepsSinceRead = 0;
    this.lastReadAt = this.now();
  }

  readDue(): boolean {
    if (this.stepsSinceRead === 0) return false;
    if (this.stepsSinceRead >= this.maxStepsPerRead) return true;
    return this.now() - this.lastReadAt >= this.progressIntervalMs;
  }

  evalDue(step: number, every: number): boolean {
    return every > 0 && step - this.lastEvalStep >= every;
  }

  evaluated(step: number): void {
    this.lastEvalStep = step;
  }
}
