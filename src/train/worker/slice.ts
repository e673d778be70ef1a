/**
 * One training slice: `speed` steps or as many as fit the time budget, whichever is first, so a
 * Score or Pause from the page waits for at most about one step; then a report when one is due.
 */
import { backendWork } from './failure';
import type { PlayLoop } from './loop';
import type { ReportClock } from './reportClock';
import type { Reporter } from './reporter';
import type { TrainingSessionLike } from './session';

export interface SliceParts {
  session: TrainingSessionLike;
  loop: PlayLoop;
  clock: ReportClock;
  reporter: Reporter;
  now: () => number;
  budgetMs: number;
}

export async function runSlice(p: SliceParts, manual: boolean): Promise<void> {
  const { session, loop, clock, reporter, now } = p;
  const n = loop.sliceSize;
  const sliceStart = now();
  let done = 0;
  await backendWork(() => {
    for (let i = 0; i < n; i++) {
      session.step();
      clock.stepped();
      done++;
      if (now() - sliceStart >= p.budgetMs) break;
    }
  });
  clock.timer.add(now() - sliceStart, done);
  const manualDone = manual && loop.manualStepDone();
  const stopped = !loop.playing && !manual;
  if (manualDone || stopped || clock.readDue() || reporter.evalDue(session))
    await reporter.report(session);
}
