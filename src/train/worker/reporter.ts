/**
 * What the training worker tells the page after steps: one readback of the losses, the NaN
 * guard, the test evaluation when due, a checkpoint or the live weights for the scoring worker,
 * then one progress message. It keeps the last progress (the page's only source of `playing`,
 * the counters and the config version).
 */
import type {
  LossReading,
  ModelName,
  NoticeDetail,
  Progress,
  Response,
  SessionConfig,
  WeightsSnapshot,
} from '../protocol';
import type { Checkpoints } from './checkpoints';
import type { TrainingSessionLike } from './controller';
import type { TestResult } from './session';
import { englishNotice } from '../noticeText';
import { divergedModels, nanLosses } from './divergence';
import { backendWork } from './failure';
import type { PlayLoop } from './loop';
import type { ReportClock } from './reportClock';

export interface ReporterParts {
  post: (r: Response) => void;
  loop: PlayLoop;
  clock: ReportClock;
  checkpoints: Checkpoints;
  /** The config version of the weights (the page's init/reset). */
  version: () => number;
  config: () => SessionConfig | undefined;
}

const msPerStep = (ms: number | undefined) => (ms === undefined ? {} : { msPerStep: ms });

/** The test metrics, with the bug lab's twins' when the session has them. */
const evaluate = (s: TrainingSessionLike): Promise<TestResult> =>
  s.evaluateAll ? s.evaluateAll() : s.evaluate().then((test) => ({ test }));

/** The last progress's test metrics as an evaluation gave them. */
function testOf(p: Progress | undefined): TestResult | undefined {
  if (!p?.test) return undefined;
  return {
    test: p.test,
    ...(p.twinTest ? { twinTest: p.twinTest } : {}),
    ...(p.bstTest ? { bstTest: p.bstTest } : {}),
  };
}

/** The losses beyond the three models' (the twins', BST's) a progress carries. */
const twinLossOf = (p: Progress) => ({
  ...(p.twinLoss ? { twinLoss: p.twinLoss } : {}),
  ...(p.bstLoss !== undefined ? { bstLoss: p.bstLoss } : {}),
});

export class Reporter {
  private lastProgress: Progress | undefined;

  constructor(private readonly parts: ReporterParts) {}

  get last(): Progress | undefined {
    return this.lastProgress;
  }

  /**
   * A session was (re)created: snapshot its weights, evaluate at its step, post progress.
   * `rewind`: the snapshots a restarted worker keeps (those up to its step).
   */
  async restart(session: TrainingSessionLike, rewind?: readonly WeightsSnapshot[]): Promise<void> {
    const { clock, checkpoints } = this.parts;
    clock.restart(session.counters.step);
    checkpoints.clear();
    const kept = rewind?.filter((s) => s.step <= session.counters.step) ?? [];
    if (kept.length > 0) checkpoints.restoreRewind(kept);
    const config = this.parts.config();
    if (config) checkpoints.sendSession(config);
    // The initial weights first: they reach the scoring worker before the (slower) evaluation.
    await checkpoints.take(session);
    const test = await backendWork(() => evaluate(session));
    this.progress(session, { loss: nanLosses(), auxLoss: NaN }, test, session.counters.step);
  }

  evalDue(session: TrainingSessionLike): boolean {
    const every = this.parts.config()?.train.evalEvery ?? 0;
    return this.parts.clock.evalDue(session.counters.step, every);
  }

  /** One readback (+ evaluation when due or forced), the NaN guard, then a progress message. */
  async report(session: TrainingSessionLike, forceEval = false): Promise<void> {
    const { clock, checkpoints } = this.parts;
    const last = this.lastProgress;
    const readStart = clock.now();
    const reading =
      clock.unread > 0 || !last
        ? await backendWork(() => session.readLosses())
        : { loss: last.loss, auxLoss: last.auxLoss, ...twinLossOf(last) };
    if (clock.unread > 0) clock.timer.add(clock.now() - readStart, 0);
    clock.read();
    const diverged = divergedModels(reading);
    if (diverged.length > 0 && session.counters.step > 0) return this.recover(session, diverged);

    let test = testOf(last);
    let testStep = last?.testStep;
    let checkpoint = checkpoints.rewindDue(session.counters.step);
    if (forceEval || this.evalDue(session)) {
      test = await backendWork(() => evaluate(session));
      testStep = session.counters.step;
      clock.evaluated(testStep);
      if (checkpoints.timeDue()) checkpoint = true;
    }
    // One export at most per report; the scoring worker gets the weights behind every report.
    const published = checkpoint && (await checkpoints.take(session));
    if (!published) await checkpoints.publishLive(session);
    this.progress(session, reading, test, testStep);
  }

  /** The last progress again, now saying training is paused. */
  postPaused(): void {
    if (!this.lastProgress) return;
    this.lastProgress = { ...this.lastProgress, playing: false };
    this.parts.post({ type: 'progress', progress: this.lastProgress });
  }

  /**
   * The NaN guard: pause, put the last good training state back (weights, optimizers, data
   * position, counters), evaluate there, and say what to try.
   */
  private async recover(session: TrainingSessionLike, which: ModelName[]): Promise<void> {
    const { loop, checkpoints, post, clock } = this.parts;
    const divergedAt = session.counters.step;
    loop.stop();
    const good = checkpoints.good;
    const prev = this.lastProgress;
    let test = testOf(prev);
    let testStep = prev?.testStep;
    if (good) {
      await backendWork(() => session.importWeights(good));
      checkpoints.send({ step: good.step, tensors: good.tensors });
      // The shown test metrics must belong to the step training continues from.
      test = await backendWork(() => evaluate(session));
      testStep = session.counters.step;
      clock.restart(testStep);
    }
    const lr = this.parts.config()?.train.learningRate;
    const detail: NoticeDetail = {
      code: 'diverged',
      step: divergedAt,
      models: which,
      ...(good ? { restoredStep: good.step } : {}),
      ...(lr !== undefined ? { learningRate: lr } : {}),
    };
    post({
      type: 'notice',
      level: 'warning',
      message: englishNotice(detail),
      detail,
      ...(good && lr !== undefined
        ? { action: { type: 'lowerLearningRate', learningRate: lr / 10, fromStep: good.step } }
        : {}),
    });
    // The last finite reading stays on show (the curves drop the points after the restored step).
    const reading = {
      loss: prev?.loss ?? nanLosses(),
      auxLoss: prev?.auxLoss ?? NaN,
      ...(prev ? twinLossOf(prev) : {}),
    };
    this.progress(session, reading, test, testStep);
  }

  /** Post progress at the session's counters (playing: as the loop is now). */
  private progress(
    session: TrainingSessionLike,
    reading: LossReading,
    test: TestResult | undefined,
    testStep: number | undefined,
  ): void {
    const c = session.counters;
    this.lastProgress = {
      step: c.step,
      epoch: c.epoch,
      samplesSeen: c.samplesSeen,
      version: this.parts.version(),
      ...reading,
      test: test?.test,
      testStep,
      ...(test?.twinTest ? { twinTest: test.twinTest } : {}),
      ...(test?.bstTest ? { bstTest: test.bstTest } : {}),
      playing: this.parts.loop.playing,
      ...msPerStep(this.parts.clock.timer.msPerStep),
    };
    this.parts.post({ type: 'progress', progress: this.lastProgress });
  }
}
