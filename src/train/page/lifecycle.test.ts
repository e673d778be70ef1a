/** The training worker's lifecycle through the client: restarts after failures, switching backend. */
import { describe, expect, it } from 'vitest';
import { TrainerClient } from './client';
import type { Request, Response, ScoreResult, SessionConfig, WeightsSnapshot } from '../protocol';
import { CONFIG, FakeWorker, READY, SNAPSHOT, setup, setupWithScorer } from './testWorkers';

describe('TrainerClient restarts its training worker', () => {
  it('on a fatal error restarts on the next backend from the last checkpoint, and says so', async () => {
    const t = setup();
    const ready = t.client.init(CONFIG);
    t.w().reply(READY('webgpu'));
    await ready;
    t.w().reply({ type: 'weights', id: 0, weights: SNAPSHOT });
    t.client.play(2);
    t.w().reply({ type: 'progress', progress: { playing: true } as never });
    const pending = t.client.score([1], 2);
    const first = t.w();
    first.reply({ type: 'error', message: 'device lost', fatal: true, backend: 'webgpu' });
    expect(first.terminated).toBe(true);
    await expect(pending).rejects.toThrow(/device lost/);
    expect(t.workers).toHaveLength(2);
    expect(t.w().sent).toEqual([
      {
        type: 'init',
        config: CONFIG,
        version: 1,
        backend: 'webgl',
        skip: [{ backend: 'webgpu', reason: 'failed during training (device lost)' }],
        weights: SNAPSHOT,
      },
      { type: 'play', stepsPerTick: 2 },
    ]);
    const notice = t.seen.find((r) => r.type === 'notice');
    expect(notice).toMatchObject({ level: 'warning' });
    expect((notice as { message: string }).message).toMatch(
      /webgpu backend failed.*webgl from the weights of step 40/i,
    );
    // Messages from the dead worker are ignored.
    const before = t.seen.length;
    first.reply(READY('webgpu'));
    expect(t.seen.length).toBe(before);
  });

  it('switches backend from where training is: the worker hands over its full state', async () => {
    const t = setup();
    const ready = t.client.init(CONFIG);
    t.w().reply(READY('wasm'));
    await ready;
    t.client.play(5);
    t.w().reply({ type: 'progress', progress: { playing: true } as never });
    const first = t.w();
    const switched = t.client.switchBackend('webgpu');
    // Paused, then asked for weights with the optimizers and the data position.
    expect(first.sent.slice(-2)).toEqual([
      { type: 'pause' },
      { type: 'exportWeights', id: 1, training: true },
    ]);
    const state: WeightsSnapshot = { ...SNAPSHOT, step: 57, training: {} as never };
    first.reply({ type: 'weights', id: 1, weights: state });
    await switched;
    expect(first.terminated).toBe(true);
    expect(t.workers).toHaveLength(2);
    expect(t.w().sent).toEqual([
      { type: 'init', config: CONFIG, version: 1, backend: 'webgpu', weights: state },
      { type: 'play', stepsPerTick: 5 },
    ]);
    // Back to automatic: the new worker is asked for no backend in particular.
    t.w().reply(READY('webgpu'));
    const again = t.client.switchBackend(undefined);
    t.w().reply({ type: 'weights', id: 2, weights: state });
    await again;
    expect(t.w().sent[0]).toEqual({ type: 'init', config: CONFIG, version: 1, weights: state });
  });

  it('walks the chain on repeated failures and stops after the last backend', () => {
    const t = setup('wasm');
    void t.client.init(CONFIG);
    t.w().reply({ type: 'error', message: 'boom', fatal: true, backend: 'wasm' });
    expect(t.w().sent[0]).toMatchObject({ backend: 'cpu' });
    t.w().reply({ type: 'error', message: 'boom again', fatal: true, backend: 'cpu' });
    // cpu was the last after wasm: webgpu and webgl are still untried, so the chain goes on there.
    expect(t.workers).toHaveLength(3);
    expect(t.w().sent[0]).toMatchObject({ type: 'init' });
    expect((t.w().sent[0] as { backend?: string }).backend).toBeUndefined();
    t.w().reply({ type: 'error', message: 'x', fatal: true, backend: 'webgpu' });
    expect(t.w().sent[0]).toMatchObject({ backend: 'webgl' });
    t.w().reply({ type: 'error', message: 'y', fatal: true, backend: 'webgl' });
    expect(t.workers).toHaveLength(4);
    const last = t.seen.filter((r) => r.type === 'notice').at(-1);
    expect((last as { message: string }).message).toMatch(/No other backend is left/);
  });

  it('a worker crash (onerror) restarts on the same backend first; a second crash there moves on', () => {
    const t = setup();
    void t.client.init(CONFIG);
    t.w().reply(READY('webgl'));
    t.w().onerror?.({ message: 'script error', preventDefault: () => undefined } as ErrorEvent);
    expect(t.workers).toHaveLength(2);
    expect(t.w().sent[0]).toMatchObject({ type: 'init', backend: 'webgl' });
    expect((t.w().sent[0] as { skip?: unknown }).skip).toBeUndefined();
    const said = t.seen.filter((r) => r.type === 'notice').at(-1) as { message: string };
    expect(said.message).toMatch(
      /training worker stopped \(script error\)\. Restarting it on WebGL/,
    );
    t.w().reply(READY('webgl'));
    t.w().onerror?.({ message: 'script error', preventDefault: () => undefined } as ErrorEvent);
    expect(t.workers).toHaveLength(3);
    expect(t.w().sent[0]).toMatchObject({
      backend: 'wasm',
      skip: [{ backend: 'webgl', reason: 'crashed 2 times during training (script error)' }],
    });
  });

  it('a backend fault (device lost) moves down the chain at once', () => {
    const t = setup();
    void t.client.init(CONFIG);
    t.w().reply(READY('webgpu'));
    t.w().reply({
      type: 'error',
      message: 'WebGPU device lost',
      fatal: true,
      backend: 'webgpu',
      kind: 'backend',
    });
    expect(t.w().sent[0]).toMatchObject({ backend: 'webgl' });
  });

  it('the watchdog restarts a worker whose ping goes unanswered, on the same backend, from the checkpoint', () => {
    let now = 0;
    let tick: (() => void) | undefined;
    const workers: FakeWorker[] = [];
    const client = new TrainerClient({
      visibility: null,
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      watchdog: {
        intervalMs: 1000,
        timeoutMs: 5000,
        timers: { now: () => now, every: (_, fn) => ((tick = fn), () => (tick = undefined)) },
      },
    });
    const seen: Response[] = [];
    client.subscribe((r) => seen.push(r));
    void client.init(CONFIG);
    const w = workers[0];
    w.reply(READY('wasm'));
    w.reply({ type: 'weights', id: 0, weights: SNAPSHOT });
    const advance = (ms: number) => {
      now += ms;
      tick?.();
    };
    advance(1000);
    expect(w.last()).toEqual({ type: 'ping' });
    w.reply({ type: 'pong' });
    advance(1000); // answered: a new ping, no alarm
    advance(4000); // unanswered for 4 s: still waiting
    expect(workers).toHaveLength(1);
    advance(1000); // 5 s: stuck
    expect(w.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].sent[0]).toMatchObject({ type: 'init', backend: 'wasm', weights: SNAPSHOT });
    const said = seen.filter((r) => r.type === 'notice').at(-1) as { message: string };
    expect(said.message).toMatch(
      /stopped answering for 5 s.*Restarting it on WASM from the weights of step 40/,
    );
    // A pong is not passed on to subscribers.
    expect(seen.some((r) => r.type === 'pong')).toBe(false);
  });

  it('a worker that vanishes is noticed through its lifeline lock; a worker ended on purpose is not', async () => {
    const granted: (() => void)[] = [];
    const locks = {
      request: (_: string, o: { signal?: AbortSignal }, cb: () => unknown) =>
        new Promise((resolve, reject) => {
          o.signal?.addEventListener('abort', () => reject(new Error('aborted')));
          granted.push(() => resolve(cb()));
        }),
    };
    const workers: FakeWorker[] = [];
    const client = new TrainerClient({
      visibility: null,
      locks,
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    });
    void client.init(CONFIG);
    const hold = workers[0].sent.find((m) => m.type === 'holdLock') as { name: string };
    expect(hold).toBeDefined();
    workers[0].reply(READY('cpu'));
    workers[0].reply({ type: 'lockHeld', name: hold.name });
    expect(granted).toHaveLength(1);
    granted[0](); // the worker is gone: the lock comes to the page
    await Promise.resolve();
    expect(workers).toHaveLength(2);
    expect(workers[1].sent.find((m) => m.type === 'init')).toMatchObject({ backend: 'cpu' });
    // The page ends the new worker itself: its lifeline is let go, no restart follows.
    const hold2 = workers[1].sent.find((m) => m.type === 'holdLock') as { name: string };
    workers[1].reply({ type: 'lockHeld', name: hold2.name });
    client.dispose();
    granted[1]?.(); // even if the lock were granted now, it was let go: no alarm
    await Promise.resolve();
    expect(workers).toHaveLength(2);
  });

  it('a restarted training worker gets a new channel to the same scorer; its requests survive', async () => {
    const t = setupWithScorer();
    const ready = t.client.init(CONFIG);
    t.w().reply(READY('webgpu'));
    await ready;
    const pending = t.client.score([1], 2);
    t.w().reply({ type: 'error', message: 'device lost', fatal: true, backend: 'webgpu' });
    expect(t.workers).toHaveLength(2);
    expect(t.w().sent.map((m) => m.type)).toEqual(['init', 'feed']);
    expect(t.w().sent[0]).toMatchObject({ version: 1 });
    expect(t.scorers).toHaveLength(1);
    expect(t.scorers[0].sent.map((m) => m.type)).toEqual(['port', 'score', 'port']);
    const { id } = t.scorers[0].requests()[0];
    t.scorers[0].reply({ type: 'score', id, result: { step: 9 } as ScoreResult });
    await expect(pending).resolves.toEqual({ step: 9 });
    t.closePorts();
  });
});

describe('TrainerClient keeps the history across a restart', () => {
  it('gives a restarted worker the rewind snapshots up to its checkpoint, and says what was lost', () => {
    const t = setup();
    void t.client.init(CONFIG);
    t.w().reply(READY('wasm'));
    const snap = (step: number): WeightsSnapshot => ({
      step,
      tensors: { base: [], din: [], dien: [] },
    });
    t.w().reply({ type: 'snapshots', steps: [0], added: snap(0) });
    t.w().reply({ type: 'snapshots', steps: [0, 20], added: snap(20) });
    t.w().reply({ type: 'weights', id: 0, weights: snap(20) });
    t.w().reply({ type: 'snapshots', steps: [0, 20, 40], added: snap(40) });
    t.w().reply({ type: 'progress', progress: { step: 47, playing: false } as never });
    t.w().reply({ type: 'weights', id: 0, weights: snap(40) });
    t.w().reply({ type: 'progress', progress: { step: 52, playing: false } as never });
    t.w().reply({ type: 'error', message: 'boom', fatal: true, kind: 'crash' });
    const init = t.w().sent[0] as Extract<Request, { type: 'init' }>;
    expect(init.weights?.step).toBe(40);
    expect(init.rewind?.map((s) => s.step)).toEqual([0, 20, 40]);
    const said = t.seen.filter((r) => r.type === 'notice').at(-1) as { message: string };
    expect(said.message).toMatch(/from the weights of step 40\. Steps 41–52 are lost/);
  });

  it('drops its copies of the snapshots the worker thinned out, and all of them on reset', () => {
    const t = setup();
    void t.client.init(CONFIG);
    const snap = (step: number): WeightsSnapshot => ({
      step,
      tensors: { base: [], din: [], dien: [] },
    });
    for (const s of [0, 20, 40])
      t.w().reply({ type: 'snapshots', steps: [0, 20, 40].filter((x) => x <= s), added: snap(s) });
    t.w().reply({ type: 'snapshots', steps: [0, 40, 60], added: snap(60) });
    t.w().reply({ type: 'weights', id: 0, weights: snap(60) });
    t.w().reply({ type: 'error', message: 'x', fatal: true, backend: 'cpu', kind: 'crash' });
    const init = t.w().sent[0] as Extract<Request, { type: 'init' }>;
    expect(init.rewind?.map((s) => s.step)).toEqual([0, 40, 60]);
  });

  it('a learning rate taken during training goes with the config to a restarted worker', () => {
    const t = setup();
    const config = { train: { seed: 1, learningRate: 0.5 } } as unknown as SessionConfig;
    void t.client.init(config);
    t.w().reply(READY('wasm'));
    t.client.setLearningRate(0.05);
    expect(t.w().last()).toEqual({ type: 'setLearningRate', learningRate: 0.05 });
    t.w().reply({ type: 'error', message: 'x', fatal: true, backend: 'wasm', kind: 'crash' });
    const init = t.w().sent[0] as Extract<Request, { type: 'init' }>;
    expect(init.config.train.learningRate).toBe(0.05);
  });
});
