/** The client's queries: ids, replies, and which worker answers what. */
import { describe, expect, it } from 'vitest';
import type { Request, ScoreResult } from '../protocol';
import { CONFIG, SNAPSHOT, setup, setupWithScorer } from './testWorkers';

describe('TrainerClient queries', () => {
  it('matches replies to requests by id', async () => {
    const t = setup();
    void t.client.init(CONFIG);
    const a = t.client.heatmap([1, 2]);
    const b = t.client.exportWeights();
    const [ha, hb] = t.w().sent.slice(1) as { id: number }[];
    expect(ha.id).not.toBe(hb.id);
    expect(ha.id).toBeGreaterThan(0);
    t.w().reply({ type: 'weights', id: hb.id, weights: SNAPSHOT });
    t.w().reply({ type: 'heatmap', id: ha.id, candidates: [5], weights: [[0.1, 0.9]] });
    await expect(a).resolves.toEqual({ candidates: [5], weights: [[0.1, 0.9]] });
    await expect(b).resolves.toBe(SNAPSHOT);
  });

  it('sends atStep only when given, and resolves embeddings by id', async () => {
    const t = setup();
    void t.client.init(CONFIG);
    void t.client.score([1, 2], 3);
    void t.client.score([1, 2], 3, 40);
    void t.client.heatmap([1], 0);
    void t.client.heatmap([1]);
    const e = t.client.embeddings(40);
    const live = t.client.embeddings();
    const sent = t.w().sent.slice(1) as (Request & { id: number })[];
    expect(sent.map(({ id: _, ...rest }) => rest)).toEqual([
      { type: 'score', history: [1, 2], candidate: 3 },
      { type: 'score', history: [1, 2], candidate: 3, atStep: 40 },
      { type: 'heatmap', history: [1], atStep: 0 },
      { type: 'heatmap', history: [1] },
      { type: 'embeddings', atStep: 40 },
      { type: 'embeddings' },
    ]);
    expect(new Set(sent.map((r) => r.id)).size).toBe(sent.length);
    const vectors = { base: [[1]], din: [[2]], dien: [[3]] };
    t.w().reply({ type: 'embeddings', id: sent[5].id, step: 90, goods: [7], vectors });
    t.w().reply({ type: 'embeddings', id: sent[4].id, step: 40, goods: [7], vectors });
    await expect(e).resolves.toEqual({ step: 40, goods: [7], vectors });
    await expect(live).resolves.toEqual({ step: 90, goods: [7], vectors });
  });

  it('rejects a request whose reply is an error with its id', async () => {
    const t = setup();
    void t.client.init(CONFIG);
    const s = t.client.score([1], 99);
    const { id } = t.w().last() as { id: number };
    t.w().reply({ type: 'error', id, message: 'bad candidate', fatal: false });
    await expect(s).rejects.toThrow('bad candidate');
  });
});

describe('TrainerClient with a scoring worker', () => {
  it('connects the training worker to the scorer after init and sends score, heatmap and embeddings there', async () => {
    const t = setupWithScorer();
    void t.client.init(CONFIG);
    expect(t.w().sent.map((m) => m.type)).toEqual(['init', 'feed']);
    expect(t.scorers).toHaveLength(1);
    const [scorer] = t.scorers;
    expect(scorer.sent.map((m) => m.type)).toEqual(['port']);
    const s = t.client.score([1, 2], 3);
    const h = t.client.heatmap([1, 2], 20);
    const e = t.client.embeddings();
    const w = t.client.exportWeights();
    expect(scorer.requests().map(({ id: _, ...r }) => r)).toEqual([
      { type: 'score', history: [1, 2], candidate: 3, version: 1 },
      { type: 'heatmap', history: [1, 2], atStep: 20, version: 1 },
      { type: 'embeddings', version: 1 },
    ]);
    // Everything else still goes to the training worker.
    expect(t.w().last().type).toBe('exportWeights');
    const [rs, rh, re] = scorer.requests();
    scorer.reply({ type: 'heatmap', id: rh.id, candidates: [5], weights: [[1]] });
    scorer.reply({ type: 'score', id: rs.id, result: { step: 3 } as ScoreResult });
    scorer.reply({ type: 'error', id: re.id, message: 'no weights yet', fatal: false });
    await expect(s).resolves.toEqual({ step: 3 });
    await expect(h).resolves.toEqual({ candidates: [5], weights: [[1]] });
    await expect(e).rejects.toThrow('no weights yet');
    t.w().reply({ type: 'weights', id: (t.w().last() as { id: number }).id, weights: SNAPSHOT });
    await expect(w).resolves.toBe(SNAPSHOT);
    t.closePorts();
  });

  it('a reset bumps the version the scorer must answer for', () => {
    const t = setupWithScorer();
    void t.client.init(CONFIG);
    void t.client.score([1], 2).catch(() => undefined);
    t.client.reset(CONFIG);
    void t.client.score([1], 2).catch(() => undefined);
    expect(t.w().sent.find((m) => m.type === 'reset')).toEqual({
      type: 'reset',
      version: 2,
      config: CONFIG,
    });
    expect(t.scorers[0].requests().map((r) => r.version)).toEqual([1, 2]);
    t.closePorts();
  });

  it('if the scorer fails, its requests are rejected, the reader is told, it is started again; after a second failure the training worker scores', async () => {
    const t = setupWithScorer();
    void t.client.init(CONFIG);
    const pending = t.client.score([1], 2);
    t.scorers[0].reply({ type: 'error', message: 'no backend', fatal: true });
    await expect(pending).rejects.toThrow(/scoring worker stopped: no backend/);
    expect(t.scorers[0].terminated).toBe(true);
    expect(t.seen.find((r) => r.type === 'notice')).toMatchObject({
      level: 'info',
      message: expect.stringMatching(/being started again/),
    });
    // A new scoring worker, fed by the same training worker over a new channel.
    expect(t.scorers).toHaveLength(2);
    expect(t.scorers[1].sent.some((m) => m.type === 'port')).toBe(true);
    expect(t.w().sent.filter((m) => m.type === 'feed')).toHaveLength(2);
    const second = t.client.score([1], 4);
    expect(t.scorers[1].requests().at(-1)).toMatchObject({ type: 'score', candidate: 4 });
    t.scorers[1].reply({ type: 'error', message: 'no backend again', fatal: true });
    await expect(second).rejects.toThrow(/no backend again/);
    void t.client.score([1], 3);
    expect(t.w().last()).toMatchObject({ type: 'score', candidate: 3 });
    expect(t.scorers).toHaveLength(2);
    // …and the training worker is not restarted for it.
    expect(t.workers).toHaveLength(1);
    t.closePorts();
  });
});
