import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../model/testing';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { DEFAULT_WORLD } from '../../world/simulator';
import { goodByName } from '../../world/catalogue';
import { WorkerController } from './controller';
import { ScorerController, type ScoringSessionLike } from './scorer';
import { ViewInspector } from './inspector';
import { TrainingSession } from './session';
import { SnapshotStore } from './snapshots';
import type {
  BackendInfo,
  Response,
  ScoreResult,
  ScorerFeed,
  SessionConfig,
  WeightsSnapshot,
} from '../protocol';

const BACKEND: BackendInfo = { name: 'cpu', label: 'CPU', fallbackReasons: [] };

const CONFIG: SessionConfig = {
  world: { ...DEFAULT_WORLD, shoppers: 40, seed: 4 },
  model: { ...DEFAULT_MODEL_SETTINGS, T: 6, embDim: 3, hidden: [8], attentionHidden: [6] },
  train: { batchSize: 16, learningRate: 0.01, seed: 4, evalEvery: 0 },
};
const OTHER: SessionConfig = { ...CONFIG, model: { ...CONFIG.model, T: 8 } };

function weights(step: number): WeightsSnapshot {
  const t = [{ name: 'w', shape: [1], values: new Float32Array([step]) }];
  return { step, tensors: { base: t, din: t, dien: t } };
}

/** Answers with the step of the weights it holds and the config it was built with. */
class FakeScoring implements ScoringSessionLike {
  step = -1;
  imports: number[] = [];
  disposed = false;
  constructor(readonly config: SessionConfig) {}
  importWeights(s: WeightsSnapshot): void {
    this.imports.push(s.step);
    this.step = s.step;
  }
  async score(history: number[], candidate: number): Promise<ScoreResult> {
    if (candidate < 0) throw new Error('bad candidate');
    return {
      step: this.step,
      history,
      candidate,
      T: this.config.model.T,
    } as unknown as ScoreResult;
  }
  async heatmap(history: number[]) {
    return { candidates: [this.step], weights: [history.map(() => 0.5)] };
  }
  async embeddingMap() {
    return { goods: [1], vectors: { base: [[this.step]], din: [[1]], dien: [[1]] } };
  }
  dispose(): void {
    this.disposed = true;
  }
}

function setup(backend: () => Promise<BackendInfo> = async () => BACKEND) {
  const posted: Response[] = [];
  const sessions: FakeScoring[] = [];
  const scorer = new ScorerController({
    post: (r) => posted.push(r),
    createSession: (c) => {
      const s = new FakeScoring(c);
      sessions.push(s);
      return s;
    },
    selectBackend: backend,
    snapshots: new SnapshotStore(8, 10),
  });
  const replies = () => posted.filter((r) => r.type !== 'error');
  return { scorer, posted, sessions, replies };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

const score = (id: number, version: number, candidate = 3, atStep?: number) => ({
  type: 'score' as const,
  id,
  version,
  history: [1, 2],
  candidate,
  ...(atStep === undefined ? {} : { atStep }),
});

describe('ScorerController', () => {
  it('holds requests until its session and weights arrive, then answers them in order', async () => {
    const t = setup();
    t.scorer.handle(score(1, 1));
    t.scorer.handle({ type: 'heatmap', id: 2, version: 1, history: [1, 2, 3] });
    await settle();
    expect(t.posted).toEqual([]);
    t.scorer.feed({ type: 'session', version: 1, config: CONFIG });
    await settle();
    expect(t.posted).toEqual([]); // a session without weights answers nothing
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(0), rewind: true });
    await settle();
    expect(t.posted.map((r) => [r.type, 'id' in r ? r.id : undefined])).toEqual([
      ['score', 1],
      ['heatmap', 2],
    ]);
    expect(t.posted[0]).toMatchObject({ result: { step: 0, history: [1, 2], candidate: 3 } });
  });

  it('answers from the newest live weights and imports only when they change', async () => {
    const t = setup();
    t.scorer.feed({ type: 'session', version: 1, config: CONFIG });
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(0), rewind: true });
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(7), rewind: false });
    t.scorer.handle(score(1, 1));
    await settle();
    t.scorer.handle(score(2, 1));
    t.scorer.handle({ type: 'embeddings', id: 3, version: 1 });
    await settle();
    expect(t.replies()).toMatchObject([
      { id: 1, result: { step: 7 } },
      { id: 2, result: { step: 7 } },
      { id: 3, step: 7 },
    ]);
    expect(t.sessions).toHaveLength(1);
    expect(t.sessions[0].imports).toEqual([7]);
  });

  it('replays a rewind step from the snapshot at or before it (as the training worker does); no step: live', async () => {
    const t = setup();
    t.scorer.feed({ type: 'session', version: 1, config: CONFIG });
    for (const [step, rewind] of [
      [0, true],
      [10, true],
      [15, false],
      [20, true],
      [23, false],
    ] as const)
      t.scorer.feed({ type: 'weights', version: 1, weights: weights(step), rewind });
    expect(t.scorer.state).toEqual({ version: 1, liveStep: 23, snapshots: [0, 10, 20] });
    for (const [id, at] of [
      [1, 14],
      [2, 20],
      [3, 22],
      [4, 500],
    ])
      t.scorer.handle(score(id, 1, 3, at));
    t.scorer.handle(score(5, 1));
    await settle();
    expect(t.replies().map((r) => (r as { result: ScoreResult }).result.step)).toEqual([
      10, 20, 20, 20, 23,
    ]);
  });

  it('a request for a newer config waits for that session; feed from an older one is ignored', async () => {
    const t = setup();
    t.scorer.feed({ type: 'session', version: 1, config: CONFIG });
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(30), rewind: true });
    t.scorer.handle(score(1, 2)); // the page has reset: version 2
    await settle();
    expect(t.posted).toEqual([]);
    // Late weights of version 1 change nothing; the new session replaces the old one.
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(31), rewind: false });
    t.scorer.feed({ type: 'session', version: 2, config: OTHER });
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(32), rewind: false });
    await settle();
    expect(t.posted).toEqual([]);
    t.scorer.feed({ type: 'weights', version: 2, weights: weights(0), rewind: true });
    await settle();
    expect(t.replies()).toMatchObject([{ id: 1, result: { step: 0, T: 8 } }]);
    expect(t.sessions.map((s) => s.config.model.T)).toEqual([8]);
    expect(t.scorer.state.snapshots).toEqual([0]);
    // An old request (version 1) is answered by the newer session rather than never.
    t.scorer.handle(score(2, 1));
    await settle();
    expect(t.replies()[1]).toMatchObject({ id: 2, result: { step: 0, T: 8 } });
  });

  it('a restarted training worker (same version and config) keeps the session, refills the rewind store', async () => {
    const t = setup();
    t.scorer.feed({ type: 'session', version: 1, config: CONFIG });
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(0), rewind: true });
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(20), rewind: true });
    t.scorer.handle(score(1, 1));
    await settle();
    t.scorer.feed({ type: 'session', version: 1, config: CONFIG });
    expect(t.scorer.state).toEqual({ version: 1, liveStep: 20, snapshots: [] });
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(20), rewind: true });
    t.scorer.handle(score(2, 1));
    await settle();
    expect(t.sessions).toHaveLength(1);
    expect(t.replies()).toMatchObject([{ result: { step: 20 } }, { result: { step: 20 } }]);
  });

  it('a failing request gets an error with its id; the next ones are answered', async () => {
    const t = setup();
    t.scorer.feed({ type: 'session', version: 1, config: CONFIG });
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(0), rewind: true });
    t.scorer.handle(score(1, 1, -1));
    t.scorer.handle(score(2, 1));
    await settle();
    expect(t.posted).toMatchObject([
      { type: 'error', id: 1, fatal: false, message: 'bad candidate' },
      { type: 'score', id: 2 },
    ]);
  });

  it('without a backend it says so once (fatal) and refuses every request by id', async () => {
    const t = setup(async () => {
      throw new Error('no wasm, no cpu');
    });
    t.scorer.handle(score(1, 1));
    t.scorer.feed({ type: 'session', version: 1, config: CONFIG });
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(0), rewind: true });
    await settle();
    t.scorer.handle(score(2, 1));
    expect(t.posted).toMatchObject([
      { type: 'error', fatal: true, message: expect.stringMatching(/no wasm, no cpu/) },
      { type: 'error', id: 1, fatal: false },
      { type: 'error', id: 2, fatal: false },
    ]);
  });
});

describe('ScorerController fed by a real WorkerController (cpu)', () => {
  beforeAll(useCpu);

  it('scores exactly what the training worker would, at the live step and at a rewind step (score, heatmap, embeddings)', async () => {
    const feed: ScorerFeed[] = [];
    const sessions: TrainingSession[] = [];
    const trainerPosts: Response[] = [];
    const trainer = new WorkerController({
      post: (r) => trainerPosts.push(r),
      createSession: (c) => {
        const s = TrainingSession.create(c);
        sessions.push(s);
        return s;
      },
      selectBackend: async () => BACKEND,
      checkpointIntervalMs: 0,
      snapshots: new SnapshotStore(8, 2),
    });
    const scorerPosts: Response[] = [];
    const scorer = new ScorerController({
      post: (r) => scorerPosts.push(r),
      // The scoring worker's own engine: models and truth only, no data set or optimizers.
      createSession: (c) => ViewInspector.create(c),
      selectBackend: async () => BACKEND,
      snapshots: new SnapshotStore(8, 2),
    });
    await trainer.handle({ type: 'init', config: CONFIG, version: 1 });
    await trainer.connectFeed((m) => {
      feed.push(m);
      scorer.feed(m);
    });
    expect(feed.map((m) => m.type)).toEqual(['session', 'weights', 'weights']);
    for (let i = 0; i < 5; i++) {
      await trainer.handle({ type: 'step', count: 1 });
      for (
        let k = 0;
        k < 50 && !trainerPosts.some((r) => r.type === 'progress' && r.progress.step === i + 1);
        k++
      )
        await new Promise((r) => setTimeout(r, 0));
    }
    expect(scorer.state.liveStep).toBe(5);
    expect(scorer.state.snapshots).toEqual([0, 2, 4]);

    const id = (n: string) => goodByName(n).id;
    const history = [id('mouse'), id('T-shirt'), id('face wash'), id('headset')];
    scorer.handle({ type: 'score', id: 1, version: 1, history, candidate: id('keyboard') });
    scorer.handle({
      type: 'score',
      id: 2,
      version: 1,
      history,
      candidate: id('keyboard'),
      atStep: 3,
    });
    await settle();
    const got = scorerPosts.filter((r) => r.type === 'score') as Extract<
      Response,
      { type: 'score' }
    >[];
    expect(got.map((r) => r.result.step)).toEqual([5, 2]);

    const live = await sessions[0].score(history, id('keyboard'));
    expect(got[0].result).toEqual(live);
    // The training session replays step 2 the same way (its own atStep path).
    await trainer.handle({ type: 'score', id: 9, history, candidate: id('keyboard'), atStep: 3 });
    const replay = trainerPosts.find((r) => r.type === 'score' && r.id === 9) as Extract<
      Response,
      { type: 'score' }
    >;
    expect(got[1].result).toEqual(replay.result);
    expect(got[1].result.din.weights).not.toEqual(live.din.weights);

    scorer.handle({ type: 'heatmap', id: 3, version: 1, history });
    scorer.handle({ type: 'embeddings', id: 4, version: 1 });
    await settle();
    const heat = scorerPosts.find((r) => r.type === 'heatmap');
    const emb = scorerPosts.find((r) => r.type === 'embeddings');
    expect(heat).toEqual({ type: 'heatmap', id: 3, ...(await sessions[0].heatmap(history)) });
    expect(emb).toEqual({
      type: 'embeddings',
      id: 4,
      step: 5,
      ...(await sessions[0].embeddingMap()),
    });
  });
});

describe('ScorerController order', () => {
  it('answers scores before heatmaps before embeddings, each kind in arrival order', async () => {
    const t = setup();
    t.scorer.handle({ type: 'embeddings', id: 1, version: 1 });
    t.scorer.handle({ type: 'heatmap', id: 2, version: 1, history: [1] });
    t.scorer.handle(score(3, 1));
    t.scorer.handle({ type: 'heatmap', id: 4, version: 1, history: [2] });
    t.scorer.handle(score(5, 1));
    t.scorer.feed({ type: 'session', version: 1, config: CONFIG });
    t.scorer.feed({ type: 'weights', version: 1, weights: weights(0), rewind: true });
    await settle();
    expect(t.posted.map((r) => ('id' in r ? r.id : -1))).toEqual([3, 5, 2, 4, 1]);
  });
});
