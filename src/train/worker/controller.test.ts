import { describe, expect, it } from 'vitest';
import { WorkerController, type TrainingSessionLike } from './controller';
import type {
  BackendInfo,
  EvalMetrics,
  ModelName,
  Progress,
  Response,
  ScoreResult,
  ScorerFeed,
  SessionConfig,
  WeightsSnapshot,
} from '../protocol';

const CONFIG: SessionConfig = {
  world: {
    seed: 1,
    shoppers: 10,
    minHistory: 2,
    maxHistory: 4,
    drift: 0.1,
    noise: 0.1,
    related: 0.5,
  },
  model: {
    embDim: 2,
    T: 4,
    hidden: [4],
    activation: 'prelu',
    basePooling: 'sum',
    attentionInput: 'diffprod',
    attentionHidden: [4],
    attentionSoftmax: false,
    evolving: 'augru',
    auxWeight: 1,
  },
  train: { batchSize: 4, learningRate: 0.5, seed: 7, evalEvery: 5 },
};

const BACKEND: BackendInfo = { name: 'cpu', label: 'CPU — forced', fallbackReasons: [] };

/** A fake clock: each fake step costs `stepMs`. */
class Clock {
  t = 0;
  now = () => this.t;
}

/** A session whose loss at step s is 1 / (1 + s) (or NaN from `nanFrom` on); weights = [step]. */
class FakeSession implements TrainingSessionLike {
  readonly trainSize = 100;
  readonly testSize = 20;
  counters = { step: 0, epoch: 0, samplesSeen: 0 };
  calls = {
    step: 0,
    readLosses: 0,
    evaluate: 0,
    exportWeights: 0,
    imported: [] as number[],
    disposed: 0,
  };
  nanFrom = Infinity;
  failStepAt = Infinity;
  failScore = false;
  constructor(
    readonly config: SessionConfig,
    private readonly clock: Clock,
    private readonly stepMs: number,
  ) {}
  step(): void {
    if (this.counters.step + 1 >= this.failStepAt) throw new Error('Kernel Foo failed');
    this.calls.step++;
    this.counters.step++;
    this.counters.samplesSeen += this.config.train.batchSize;
    this.counters.epoch = this.counters.samplesSeen / this.trainSize;
    this.clock.t += this.stepMs;
  }
  lossAt(s: number): number {
    return s >= this.nanFrom ? NaN : 1 / (1 + s);
  }
  async readLosses() {
    this.calls.readLosses++;
    const l = this.lossAt(this.counters.step);
    return { loss: { base: l, din: l / 2, dien: l / 4 }, auxLoss: l / 8 };
  }
  async evaluate(): Promise<Record<ModelName, EvalMetrics>> {
    this.calls.evaluate++;
    const m = { auc: 0.5 + this.counters.step / 1000, gauc: 0.5, logloss: 0.69 };
    return { base: m, din: m, dien: m };
  }
  async score(history: number[], candidate: number): Promise<ScoreResult> {
    if (this.failScore) throw new Error('bad candidate');
    // Only the echo and the step of the weights in use are checked.
    return { history, candidate, kept: [], step: this.counters.step } as unknown as ScoreResult;
  }
  async embeddingMap() {
    const v = [[this.counters.step]];
    return { goods: [1], vectors: { base: v, din: v, dien: v } };
  }
  async heatmap(history: number[]) {
    return { candidates: [1, 2], weights: [history.map(() => 0.5), history.map(() => 0.25)] };
  }
  async exportWeights(): Promise<WeightsSnapshot> {
    this.calls.exportWeights++;
    const v = new Float32Array([this.lossAt(this.counters.step) > 0 ? this.counters.step : NaN]);
    const t = [{ name: 'w', shape: [1], values: v }];
    return { step: this.counters.step, tensors: { base: t, din: t, dien: t } };
  }
  importWeights(s: WeightsSnapshot): void {
    this.calls.imported.push(s.step);
    this.counters.step = s.step;
  }
  dispose(): void {
    this.calls.disposed++;
  }
}

function setup(
  opts: {
    stepMs?: number;
    progressIntervalMs?: number;
    maxStepsPerRead?: number;
    checkpointIntervalMs?: number;
  } = {},
) {
  const clock = new Clock();
  const slept: number[] = [];
  const posted: Response[] = [];
  const sessions: FakeSession[] = [];
  const configs: SessionConfig[] = [];
  const selected: unknown[] = [];
  const ctl = new WorkerController({
    post: (r) => posted.push(r),
    createSession: (c) => {
      configs.push(c);
      const s = new FakeSession(c, clock, opts.stepMs ?? 10);
      sessions.push(s);
      return s;
    },
    selectBackend: async (req) => {
      selected.push(req.backend);
      return BACKEND;
    },
    now: clock.now,
    // The fake clock moves only when a step runs or a yield is waited out.
    sleep: async (ms) => {
      slept.push(ms);
      clock.t += ms;
    },
    progressIntervalMs: opts.progressIntervalMs ?? 250,
    maxStepsPerRead: opts.maxStepsPerRead ?? 50,
    checkpointIntervalMs: opts.checkpointIntervalMs ?? 0,
  });
  const progress = () =>
    posted.filter((r) => r.type === 'progress').map((r) => (r as { progress: Progress }).progress);
  const ofType = <T extends Response['type']>(t: T) =>
    posted.filter((r): r is Extract<Response, { type: T }> => r.type === t);
  return {
    clock,
    slept,
    posted,
    sessions,
    configs,
    selected,
    ctl,
    progress,
    ofType,
    session: () => sessions[sessions.length - 1],
  };
}

/** Let the controller's loop run until `pred` holds (real timers; the loop yields with setTimeout 0). */
async function until(pred: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (pred()) return;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('WorkerController', () => {
  it('init selects the backend, posts ready, then a step-0 progress with a test evaluation and a checkpoint', async () => {
    const t = setup();
    await t.ctl.handle({ type: 'init', config: CONFIG, backend: 'cpu' });
    expect(t.selected).toEqual(['cpu']);
    expect(t.posted[0]).toEqual({ type: 'ready', backend: BACKEND, trainSize: 100, testSize: 20 });
    const [p] = t.progress();
    expect(p.step).toBe(0);
    expect(p.loss.base).toBeNaN();
    expect(p.testStep).toBe(0);
    expect(p.test?.din.auc).toBe(0.5);
    expect(p.playing).toBe(false);
    expect(t.ofType('weights')).toHaveLength(1);
    expect(t.ofType('weights')[0]).toMatchObject({ id: 0, weights: { step: 0 } });
  });

  it('init restores given weights', async () => {
    const t = setup();
    const w = await new FakeSession(CONFIG, new Clock(), 1).exportWeights();
    await t.ctl.handle({ type: 'init', config: CONFIG, weights: { ...w, step: 42 } });
    expect(t.session().calls.imported).toEqual([42]);
    expect(t.progress()[0].step).toBe(42);
  });

  it('Step N runs N steps, reads the losses back once, and posts one progress', async () => {
    const t = setup();
    await t.ctl.handle({ type: 'init', config: CONFIG });
    await t.ctl.handle({ type: 'step', count: 3 });
    await until(() => t.progress().length === 2, 'progress after step');
    const s = t.session();
    expect(s.calls.step).toBe(3);
    expect(s.calls.readLosses).toBe(1);
    const p = t.progress()[1];
    expect(p).toMatchObject({ step: 3, samplesSeen: 12, playing: false, testStep: 0 });
    expect(p.loss).toEqual({ base: 0.25, din: 0.125, dien: 0.0625 });
    expect(p.auxLoss).toBe(1 / 32);
  });

  it('a single Step posts progress once so the page updates', async () => {
    const t = setup();
    await t.ctl.handle({ type: 'init', config: CONFIG });
    await t.ctl.handle({ type: 'step', count: 1 });
    await until(() => t.progress().length === 2);
    expect(t.progress()[1].step).toBe(1);
    expect(t.progress()[1].loss.base).toBe(0.5);
  });

  it('evaluates every evalEvery steps, also inside a manual Step ×N', async () => {
    const t = setup();
    await t.ctl.handle({ type: 'init', config: CONFIG }); // evalEvery 5
    await t.ctl.handle({ type: 'step', count: 12 });
    await until(() => t.progress().some((p) => p.step === 12));
    expect(t.session().calls.evaluate).toBe(3); // steps 0, 5, 10
    expect(t.progress().map((p) => [p.step, p.testStep])).toEqual([
      [0, 0],
      [5, 5],
      [10, 10],
      [12, 10],
    ]);
  });

  it('a Play slice ends at its time budget, so requests wait about one step, not `speed` steps', async () => {
    // 30 ms per fake step, 40 ms budget: a tick of 10 requested steps runs 2.
    const t = setup({ stepMs: 30 });
    await t.ctl.handle({
      type: 'init',
      config: { ...CONFIG, train: { ...CONFIG.train, evalEvery: 1000 } },
    });
    await t.ctl.handle({ type: 'play', stepsPerTick: 10 });
    await until(() => t.session().counters.step >= 2, 'first slice');
    const before = t.session().counters.step;
    await t.ctl.handle({ type: 'score', id: 5, history: [1], candidate: 2 });
    expect(t.session().counters.step - before).toBeLessThanOrEqual(2);
    await t.ctl.handle({ type: 'pause' });
  });

  it('Play reads back at a bounded rate, never every step, and Pause stops it', async () => {
    // 10 ms per fake step, reads at most every 250 ms → about one read per 25 steps.
    const t = setup({ stepMs: 10 });
    await t.ctl.handle({
      type: 'init',
      config: { ...CONFIG, train: { ...CONFIG.train, evalEvery: 1000 } },
    });
    await t.ctl.handle({ type: 'play', stepsPerTick: 1 });
    await until(() => t.session().counters.step >= 100, '100 steps');
    await t.ctl.handle({ type: 'pause' });
    await until(
      () => t.progress().at(-1)?.playing === false && t.progress().length > 2,
      'final progress',
    );
    const s = t.session();
    const stoppedAt = s.counters.step;
    expect(s.calls.readLosses).toBeGreaterThanOrEqual(4);
    expect(s.calls.readLosses).toBeLessThanOrEqual(Math.ceil(stoppedAt / 25) + 1);
    // Progress while playing says so; steps between reads are ≥ 25 (250 ms / 10 ms).
    const playingSteps = t
      .progress()
      .filter((p) => p.playing)
      .map((p) => p.step);
    for (let i = 1; i < playingSteps.length; i++)
      expect(playingSteps[i] - playingSteps[i - 1]).toBeGreaterThanOrEqual(25);
    expect(t.progress().at(-1)!.step).toBe(stoppedAt);
    // Stopped for good.
    await new Promise((r) => setTimeout(r, 20));
    expect(s.counters.step).toBe(stoppedAt);
  });

  it('caps the steps between reads so the GPU queue stays short', async () => {
    const t = setup({ stepMs: 0, maxStepsPerRead: 7 });
    await t.ctl.handle({
      type: 'init',
      config: { ...CONFIG, train: { ...CONFIG.train, evalEvery: 1000 } },
    });
    await t.ctl.handle({ type: 'play', stepsPerTick: 1 });
    await until(() => t.session().counters.step >= 21);
    await t.ctl.handle({ type: 'pause' });
    await until(() => t.progress().at(-1)?.playing === false && t.progress().length > 1);
    const steps = t
      .progress()
      .slice(1, 4)
      .map((p) => p.step);
    expect(steps).toEqual([7, 14, 21]);
  });

  it('handles score, heatmap and exportWeights promptly while playing', async () => {
    const t = setup({ stepMs: 1 });
    await t.ctl.handle({ type: 'init', config: CONFIG });
    await t.ctl.handle({ type: 'play', stepsPerTick: 2 });
    await until(() => t.session().counters.step >= 10);
    const before = t.session().counters.step;
    await t.ctl.handle({ type: 'score', id: 5, history: [1, 2], candidate: 3 });
    // Served after at most the slice in progress (2 steps).
    expect(t.session().counters.step - before).toBeLessThanOrEqual(2);
    await t.ctl.handle({ type: 'heatmap', id: 6, history: [1, 2, 3] });
    await t.ctl.handle({ type: 'exportWeights', id: 7 });
    await t.ctl.handle({ type: 'pause' });
    expect(t.ofType('score')[0]).toMatchObject({
      id: 5,
      result: { history: [1, 2], candidate: 3 },
    });
    expect(t.ofType('heatmap')[0]).toEqual({
      type: 'heatmap',
      id: 6,
      candidates: [1, 2],
      weights: [
        [0.5, 0.5, 0.5],
        [0.25, 0.25, 0.25],
      ],
    });
    expect(t.ofType('weights').find((w) => w.id === 7)).toBeDefined();
  });

  it('NaN guard: pauses, restores the last good weights and suggests a lower learning rate', async () => {
    const t = setup({ stepMs: 1 });
    await t.ctl.handle({ type: 'init', config: CONFIG }); // evalEvery 5, checkpoint at every eval
    t.session().nanFrom = 8;
    await t.ctl.handle({ type: 'play', stepsPerTick: 1 });
    await until(() => t.ofType('notice').length > 0, 'warning');
    const s = t.session();
    expect(t.ctl.isPlaying).toBe(false);
    // Last good snapshot: the evaluation at step 5.
    expect(s.calls.imported).toEqual([5]);
    const [notice] = t.ofType('notice');
    expect(notice.level).toBe('warning');
    expect(notice.message).toMatch(/lower learning rate than 0\.5/);
    expect(notice.message).toMatch(/step 5/);
    const last = t.progress().at(-1)!;
    expect(last.playing).toBe(false);
    expect(last.step).toBe(5);
    expect(Number.isFinite(last.loss.base)).toBe(true);
    // No diverged weights were ever sent as a checkpoint.
    expect(t.ofType('weights').every((w) => w.weights.step < 8)).toBe(true);
    // Nothing non-finite reached the curves.
    expect(
      t
        .progress()
        .slice(1)
        .every((p) => Number.isFinite(p.loss.dien)),
    ).toBe(true);
  });

  it('a step that throws is a fatal backend error and stops the worker', async () => {
    const t = setup();
    await t.ctl.handle({ type: 'init', config: CONFIG });
    t.session().failStepAt = 3;
    await t.ctl.handle({ type: 'step', count: 5 });
    await until(() => t.ofType('error').length > 0);
    expect(t.ofType('error')[0]).toMatchObject({
      message: 'Kernel Foo failed',
      fatal: true,
      backend: 'cpu',
    });
    await t.ctl.handle({ type: 'score', id: 9, history: [1], candidate: 2 });
    expect(t.ofType('error')[1]).toMatchObject({ fatal: false, id: 9 });
  });

  it('a failing score is a non-fatal error with the request id, and training goes on', async () => {
    const t = setup();
    await t.ctl.handle({ type: 'init', config: CONFIG });
    t.session().failScore = true;
    await t.ctl.handle({ type: 'score', id: 3, history: [1], candidate: 999 });
    expect(t.ofType('error')).toEqual([
      { type: 'error', message: 'bad candidate', fatal: false, id: 3 },
    ]);
    await t.ctl.handle({ type: 'step', count: 1 });
    await until(() => t.progress().length === 2);
    expect(t.session().counters.step).toBe(1);
  });

  it('backend selection failure at init is fatal', async () => {
    const posted: Response[] = [];
    const ctl = new WorkerController({
      post: (r) => posted.push(r),
      createSession: () => {
        throw new Error('unused');
      },
      selectBackend: async () => {
        throw new Error('No TensorFlow.js backend could be started');
      },
    });
    await ctl.handle({ type: 'init', config: CONFIG });
    expect(posted).toEqual([
      {
        type: 'error',
        message: 'No TensorFlow.js backend could be started',
        fatal: true,
        kind: 'backend',
      },
    ]);
  });

  it('reset stops play and starts a new session from the same config, or a given one', async () => {
    const t = setup({ stepMs: 1 });
    await t.ctl.handle({ type: 'init', config: CONFIG });
    await t.ctl.handle({ type: 'play', stepsPerTick: 1 });
    await until(() => t.session().counters.step >= 5);
    const first = t.session();
    await t.ctl.handle({ type: 'reset' });
    expect(first.calls.disposed).toBe(1);
    expect(t.sessions).toHaveLength(2);
    expect(t.configs[1]).toBe(CONFIG);
    expect(t.ctl.isPlaying).toBe(false);
    expect(t.progress().at(-1)).toMatchObject({ step: 0, playing: false, testStep: 0 });
    await new Promise((r) => setTimeout(r, 10));
    expect(t.session().counters.step).toBe(0); // the old loop did not step the new session
    const other = { ...CONFIG, train: { ...CONFIG.train, seed: 8 } };
    await t.ctl.handle({ type: 'reset', config: other });
    expect(t.configs[2]).toBe(other);
  });

  it('requests sent during a slow init wait for it, in order', async () => {
    const posted: Response[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const clock = new Clock();
    const ctl = new WorkerController({
      post: (r) => posted.push(r),
      createSession: (c) => new FakeSession(c, clock, 1),
      selectBackend: async () => {
        await gate;
        return BACKEND;
      },
    });
    const init = ctl.handle({ type: 'init', config: CONFIG });
    const step = ctl.handle({ type: 'step', count: 2 });
    release();
    await init;
    await step;
    await until(() => posted.filter((r) => r.type === 'progress').length === 2);
    expect(posted.some((r) => r.type === 'error')).toBe(false);
    expect(posted.filter((r) => r.type === 'progress').at(-1)).toMatchObject({
      progress: { step: 2 },
    });
  });

  it('answers requests before init with an error, not a crash', async () => {
    const t = setup();
    await t.ctl.handle({ type: 'score', id: 1, history: [], candidate: 1 });
    expect(t.posted).toEqual([
      { type: 'error', message: "'score' before 'init'", fatal: false, id: 1 },
    ]);
  });

  it('rewind: keeps bounded snapshots; replays an earlier step and puts the live weights back', async () => {
    const t = setup({ maxStepsPerRead: 10 });
    await t.ctl.handle({ type: 'init', config: CONFIG });
    await t.ctl.handle({ type: 'step', count: 100 });
    await until(() => t.session().counters.step === 100 && t.progress().at(-1)?.step === 100);
    const steps = t.ofType('snapshots').at(-1)!.steps;
    expect(steps[0]).toBe(0);
    expect(steps).toContain(40);
    await t.ctl.handle({ type: 'score', id: 7, history: [1], candidate: 2, atStep: 45 });
    const scored = t.ofType('score').at(-1)!;
    expect(scored.result.step).toBe(40);
    expect(t.session().counters.step).toBe(100);
    await t.ctl.handle({ type: 'embeddings', id: 8, atStep: 20 });
    const emb = t.ofType('embeddings').at(-1)!;
    expect(emb).toMatchObject({ id: 8, step: 20, vectors: { din: [[20]] } });
    await t.ctl.handle({ type: 'score', id: 9, history: [1], candidate: 2 });
    expect(t.ofType('score').at(-1)!.result.step).toBe(100);
    // Training continues from the latest state.
    await t.ctl.handle({ type: 'step', count: 1 });
    await until(() => t.progress().at(-1)?.step === 101);
  });

  it('a device loss reported by the backend is fatal', async () => {
    const t = setup();
    await t.ctl.handle({ type: 'init', config: CONFIG });
    t.ctl.backendLost('WebGPU device lost');
    expect(t.ofType('error')).toEqual([
      {
        type: 'error',
        message: 'WebGPU device lost',
        fatal: true,
        backend: 'cpu',
        kind: 'backend',
      },
    ]);
  });
});

describe('WorkerController feeding a scoring worker', () => {
  it('a feed connected after init gets the session, the rewind snapshots and the live weights', async () => {
    const t = setup();
    await t.ctl.handle({ type: 'init', config: CONFIG, version: 3 });
    await t.ctl.handle({ type: 'step', count: 2 });
    await until(() => t.progress().at(-1)?.step === 2);
    const feed: ScorerFeed[] = [];
    await t.ctl.connectFeed((m) => feed.push(m));
    expect(feed).toMatchObject([
      { type: 'session', version: 3, config: CONFIG },
      { type: 'weights', version: 3, weights: { step: 0 }, rewind: true },
      { type: 'weights', version: 3, weights: { step: 2 }, rewind: false },
    ]);
  });

  it('sends the weights behind every progress report, snapshots flagged for rewind; a reset sends the new session first', async () => {
    const t = setup({ maxStepsPerRead: 5, progressIntervalMs: 1e9 });
    const feed: ScorerFeed[] = [];
    await t.ctl.handle({ type: 'init', config: CONFIG, version: 1 });
    await t.ctl.handle({
      type: 'feed',
      port: { postMessage: (m: ScorerFeed) => feed.push(m) } as never,
    });
    feed.length = 0;
    await t.ctl.handle({ type: 'step', count: 25 });
    await until(() => t.progress().at(-1)?.step === 25);
    const reported = t
      .progress()
      .slice(1)
      .map((p) => p.step);
    const sent = feed.map((m) => (m.type === 'weights' ? m.weights.step : -1));
    expect(sent).toEqual(reported);
    const snapshots = t.ofType('snapshots').at(-1)!.steps;
    expect(
      feed
        .filter((m) => m.type === 'weights' && m.rewind)
        .map((m) => (m as { weights: WeightsSnapshot }).weights.step),
    ).toEqual(snapshots.slice(1));

    feed.length = 0;
    await t.ctl.handle({ type: 'reset', config: CONFIG, version: 2 });
    expect(feed).toMatchObject([
      { type: 'session', version: 2 },
      { type: 'weights', version: 2, weights: { step: 0 }, rewind: true },
    ]);
  });

  it('after a divergence the scorer gets the restored weights, never the diverged ones', async () => {
    const t = setup({ maxStepsPerRead: 1 });
    const feed: ScorerFeed[] = [];
    await t.ctl.handle({ type: 'init', config: CONFIG, version: 1 });
    await t.ctl.connectFeed((m) => feed.push(m));
    t.session().nanFrom = 4;
    await t.ctl.handle({ type: 'play', stepsPerTick: 1 });
    await until(() => t.ofType('notice').length > 0, 'divergence notice');
    const steps = feed
      .filter((m) => m.type === 'weights')
      .map((m) => (m as { weights: WeightsSnapshot }).weights.step);
    expect(Math.max(...steps)).toBeLessThan(4);
    expect(steps.at(-1)).toBe(t.session().counters.step);
  });
});

describe('WorkerController yield', () => {
  it('after a yield no slice starts until its time is up; then training goes on', async () => {
    const t = setup({ stepMs: 10 });
    await t.ctl.handle({ type: 'init', config: CONFIG });
    await t.ctl.handle({ type: 'play', stepsPerTick: 1 });
    await until(() => t.session().counters.step >= 3, 'playing');
    await t.ctl.handle({ type: 'yield', ms: 120 });
    const at = t.clock.t;
    const stepAt = t.session().counters.step;
    await until(() => t.session().counters.step >= stepAt + 3, 'resumed');
    // The wait was taken (at most one slice already running could finish first), and capped.
    expect(t.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(100);
    expect(t.clock.t - at).toBeGreaterThanOrEqual(120);
    await t.ctl.handle({ type: 'yield', ms: 1e6 });
    t.slept.length = 0;
    await until(() => t.slept.length > 0, 'capped wait');
    expect(Math.max(...t.slept)).toBeLessThanOrEqual(500);
    await t.ctl.handle({ type: 'pause' });
  });
});

describe('WorkerController restarted from a checkpoint', () => {
  it('keeps the rewind snapshots the page sends back (up to the checkpoint) and replays them', async () => {
    const t = setup();
    const snap = (step: number): WeightsSnapshot => ({
      step,
      tensors: { base: [], din: [], dien: [] },
    });
    await t.ctl.handle({
      type: 'init',
      config: CONFIG,
      version: 3,
      weights: snap(40),
      rewind: [snap(0), snap(20), snap(40), snap(60)],
    });
    expect(t.session().counters.step).toBe(40);
    expect(t.ofType('snapshots')[0].steps).toEqual([0, 20, 40]);
    expect(t.progress().at(-1)).toMatchObject({ step: 40, version: 3 });
    await t.ctl.handle({ type: 'score', id: 5, history: [1], candidate: 2, atStep: 25 });
    // The replay imported snapshot 20, then the live weights again.
    expect(t.session().calls.imported.slice(-2)).toEqual([20, 40]);
  });
});

describe('WorkerController resource budget', () => {
  it('refuses a config that would not fit before building anything, and says why', async () => {
    const t = setup();
    const huge = {
      ...CONFIG,
      world: { ...CONFIG.world, shoppers: 20000, minHistory: 200, maxHistory: 200 },
    };
    await t.ctl.handle({ type: 'init', config: huge });
    expect(t.sessions).toHaveLength(0);
    const [err] = t.ofType('error');
    expect(err).toMatchObject({ fatal: false });
    expect(err.message).toMatch(/do not fit: 20000 shoppers with histories of 200–200/);
    // A config that fits still starts.
    await t.ctl.handle({ type: 'init', config: CONFIG });
    expect(t.sessions).toHaveLength(1);
  });
});
