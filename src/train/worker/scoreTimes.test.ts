/**
 * A score's times (issue 17): the page sends when each purchase happened and when the candidate
 * is shown; BST's time-gap positions and the world's truth read them, DIN, DIEN, Base and a
 * position-BST do not. Through both workers' paths (answers.ts, scorer.ts), on cpu.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BST } from '../../model/bstConfig';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { useCpu } from '../../model/testing';
import { GAP_UNKNOWN, gapBucket } from '../../world/gaps';
import { DEFAULT_WORLD } from '../../world/simulator';
import { truth } from '../../world/truth';
import type { Response, ScoreResult, SessionConfig } from '../protocol';
import { scoreTimesOf } from './answers';
import { WorkerController } from './controller';
import { ViewInspector } from './inspector';
import { ScorerController } from './scorer';
import { TrainingSession } from './session';
import { SnapshotStore } from './snapshots';

beforeAll(useCpu);

const CONFIG: SessionConfig = {
  world: { ...DEFAULT_WORLD, shoppers: 40, seed: 4, timeSignal: 0.1 },
  model: { ...DEFAULT_MODEL_SETTINGS, T: 6, embDim: 3, hidden: [8], attentionHidden: [6] },
  train: { batchSize: 16, learningRate: 0.01, seed: 4, evalEvery: 0 },
  bst: { ...DEFAULT_BST, position: 'timeGap' },
};
const POSITIONS: SessionConfig = { ...CONFIG, bst: { ...DEFAULT_BST, position: 'position' } };

const history = [3, 7, 12];
const candidate = 5;
/** Days: 30, 3 and 0.5 before the candidate, which is shown at day 40. */
const known = { times: [10, 37, 39.5], now: 40 };
const unknown = { times: [NaN, NaN, NaN], now: 40 };
const partly = { times: [10, NaN, 39.5], now: 40 };

function trained(config: SessionConfig, steps = 3): TrainingSession {
  const s = TrainingSession.create(config);
  for (let i = 0; i < steps; i++) s.step();
  return s;
}

/** What the times must not change: the three models that never read them. */
const others = (r: ScoreResult) => ({ base: r.base, din: r.din, dien: r.dien });

describe('scores with times', () => {
  it('a time-gap BST reads the gaps; an unknown time reads GAP_UNKNOWN; Base, DIN, DIEN do not change', async () => {
    const s = trained(CONFIG);
    const withTimes = await s.score(history, candidate, known);
    const withUnknown = await s.score(history, candidate, unknown);
    const without = await s.score(history, candidate);
    const gaps = [30, 3, 0.5].map(gapBucket);
    expect(gaps).toEqual([6, 4, 2]);
    expect(withTimes.bst!.positions).toEqual([...gaps, gapBucket(0)]);
    expect(withUnknown.bst!.positions).toEqual([GAP_UNKNOWN, GAP_UNKNOWN, GAP_UNKNOWN, 2]);
    expect(without.bst!.positions).toEqual(withUnknown.bst!.positions);
    expect(withUnknown.bst).toEqual(without.bst);
    expect(withTimes.bst!.ctr).not.toBeCloseTo(without.bst!.ctr, 6);
    expect(withTimes.bst!.attention).not.toEqual(without.bst!.attention);
    const mixed = await s.score(history, candidate, partly);
    expect(mixed.bst!.positions).toEqual([6, GAP_UNKNOWN, 2, 2]);
    expect(others(withTimes)).toEqual(others(without));
    expect(others(mixed)).toEqual(others(without));
    s.dispose();
  });

  it('a position-BST is unchanged by times', async () => {
    const s = trained(POSITIONS);
    const withTimes = await s.score(history, candidate, known);
    const without = await s.score(history, candidate);
    expect(withTimes.bst).toEqual(without.bst);
    s.dispose();
  });

  it('the truth uses the gaps where they carry signal, the known ones when some are not', async () => {
    const s = trained(CONFIG, 0);
    const withTimes = await s.score(history, candidate, known);
    const without = await s.score(history, candidate);
    const world = s.world as Parameters<typeof truth>[0];
    expect(withTimes.truth).toEqual(truth(world, history, candidate, known));
    expect(without.truth).toEqual(truth(world, history, candidate));
    expect(withTimes.truth!.ctr).not.toBeCloseTo(without.truth!.ctr, 6);
    // Some unknown: the gaps next to an unknown time are averaged over the prior (truth.ts).
    const mixed = (await s.score(history, candidate, partly)).truth;
    expect(mixed).toEqual(truth(world, history, candidate, partly));
    // Every time unknown: the timeless truth.
    const none = { times: history.map(() => NaN), now: 0 };
    expect((await s.score(history, candidate, none)).truth).toEqual(without.truth);
    // Truncated to T: only the kept purchases' times count (the oldest, unknown, is dropped).
    const long = [1, 2, 3, 4, 5, 6, 7];
    const times = [NaN, 1, 2, 3, 4, 5, 6];
    const r = await s.score(long, candidate, { times, now: 8 });
    expect(r.truth).toEqual(
      truth(world, long.slice(1), candidate, { times: times.slice(1), now: 8 }),
    );
    s.dispose();
  });

  it('a query’s times are checked: one per purchase, with the candidate’s, none after it', () => {
    const q = { history: [1, 2] };
    expect(scoreTimesOf(q)).toBeUndefined();
    expect(scoreTimesOf({ ...q, times: [-2, NaN], candidateTime: 0 })).toEqual({
      times: [-2, NaN],
      now: 0,
    });
    expect(() => scoreTimesOf({ ...q, times: [-2], candidateTime: 0 })).toThrow(/1 times/);
    expect(() => scoreTimesOf({ ...q, times: [-2, -1] })).toThrow(/candidate/);
    expect(() => scoreTimesOf({ ...q, times: [-2, 1], candidateTime: 0 })).toThrow(/after/);
  });
});

describe('the workers pass a query’s times on', () => {
  it('the training worker and the scoring worker answer a timed score alike, and as the session does', async () => {
    const BACKEND = { name: 'cpu' as const, label: 'CPU', fallbackReasons: [] };
    const trainerPosts: Response[] = [];
    const sessions: TrainingSession[] = [];
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
      createSession: (c) => ViewInspector.create(c),
      selectBackend: async () => BACKEND,
      snapshots: new SnapshotStore(8, 2),
    });
    await trainer.handle({ type: 'init', config: CONFIG, version: 1 });
    await trainer.connectFeed((m) => scorer.feed(m));
    const query = {
      type: 'score' as const,
      history,
      candidate,
      times: [-30, -3, NaN],
      candidateTime: 0,
    };
    await trainer.handle({ ...query, id: 1 });
    scorer.handle({ ...query, id: 2, version: 1 });
    for (let k = 0; k < 50 && !scorerPosts.some((r) => r.type === 'score'); k++)
      await new Promise((r) => setTimeout(r, 0));
    const result = (posts: Response[]) =>
      (posts.find((r) => r.type === 'score') as Extract<Response, { type: 'score' }>).result;
    const direct = await sessions[0].score(history, candidate, {
      times: query.times,
      now: 0,
    });
    expect(result(trainerPosts).bst!.positions).toEqual([6, 4, GAP_UNKNOWN, 2]);
    expect(result(trainerPosts)).toEqual(direct);
    expect(result(scorerPosts).bst).toEqual(direct.bst);
    expect(result(scorerPosts).truth).toEqual(direct.truth);
    sessions.forEach((s) => s.dispose());
  });
});
