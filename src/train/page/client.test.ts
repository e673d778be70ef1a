import { describe, expect, it } from 'vitest';
import { backendFromSearch, TrainerClient, type VisibilitySource, type WorkerLike } from './client';
import type {
  Request,
  Response,
  ScoreResult,
  ScorerRequest,
  SessionConfig,
  WeightsSnapshot,
} from '../protocol';

const CONFIG = { train: { seed: 1 } } as unknown as SessionConfig; // the client only passes it on

class FakeWorker implements WorkerLike {
  sent: Request[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent<Response>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(m: Request): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker answering. */
  reply(r: Response): void {
    this.onmessage?.({ data: r } as MessageEvent<Response>);
  }
  last(): Request {
    return this.sent[this.sent.length - 1];
  }
}

class FakeDocument implements VisibilitySource {
  hidden = false;
  private listener: (() => void) | undefined;
  addEventListener(_: 'visibilitychange', l: () => void): void {
    this.listener = l;
  }
  removeEventListener(): void {
    this.listener = undefined;
  }
  set(hidden: boolean): void {
    this.hidden = hidden;
    this.listener?.();
  }
  get attached(): boolean {
    return this.listener !== undefined;
  }
}

function setup(backend?: 'webgpu' | 'webgl' | 'wasm' | 'cpu') {
  const workers: FakeWorker[] = [];
  const doc = new FakeDocument();
  const client = new TrainerClient({
    backend,
    visibility: doc,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  });
  const seen: Response[] = [];
  client.subscribe((r) => seen.push(r));
  return { client, workers, doc, seen, w: () => workers[workers.length - 1] };
}

const READY = (name: 'webgpu' | 'webgl' | 'wasm' | 'cpu'): Response => ({
  type: 'ready',
  backend: { name, label: name, fallbackReasons: [] },
  trainSize: 10,
  testSize: 2,
});

const SNAPSHOT: WeightsSnapshot = { step: 40, tensors: { base: [], din: [], dien: [] } };

describe('backendFromSearch', () => {
  it('reads a valid ?backend= and ignores anything else', () => {
    expect(backendFromSearch('?backend=wasm')).toBe('wasm');
    expect(backendFromSearch('?x=1&backend=cpu')).toBe('cpu');
    expect(backendFromSearch('?backend=cuda')).toBeUndefined();
    expect(backendFromSearch('')).toBeUndefined();
  });
});

describe('TrainerClient', () => {
  it('init starts one worker with the forced backend and resolves on ready', async () => {
    const t = setup('wasm');
    const ready = t.client.init(CONFIG);
    expect(t.workers).toHaveLength(1);
    expect(t.w().sent).toEqual([{ type: 'init', config: CONFIG, version: 1, backend: 'wasm' }]);
    t.w().reply(READY('wasm'));
    await expect(ready).resolves.toMatchObject({ backend: { name: 'wasm' }, trainSize: 10 });
    expect(t.client.backend?.name).toBe('wasm');
    expect(t.seen[0].type).toBe('ready');
  });

  it('sends step, play, pause, reset and evaluate as protocol messages', () => {
    const t = setup();
    void t.client.init(CONFIG);
    t.client.step(10);
    t.client.play(3);
    t.client.pause();
    t.client.reset();
    t.client.evaluate();
    expect(t.w().sent.slice(1)).toEqual([
      { type: 'step', count: 10 },
      { type: 'play', stepsPerTick: 3 },
      { type: 'pause' },
      { type: 'reset', version: 2 },
      { type: 'evaluate' },
    ]);
  });

  it('an edit asks the training worker to yield (nothing before init)', () => {
    const t = setup();
    t.client.yieldToEdit();
    expect(t.workers).toHaveLength(0);
    void t.client.init(CONFIG);
    t.client.yieldToEdit(80);
    expect(t.w().last()).toEqual({ type: 'yield', ms: 80 });
  });

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

  it('surfaces snapshot steps to subscribers and keeps the latest; reset clears them', () => {
    const t = setup();
    void t.client.init(CONFIG);
    expect(t.client.snapshotSteps).toEqual([]);
    t.w().reply({ type: 'snapshots', steps: [0, 20] });
    t.w().reply({ type: 'snapshots', steps: [0, 20, 40] });
    expect(t.seen.filter((r) => r.type === 'snapshots')).toEqual([
      { type: 'snapshots', steps: [0, 20] },
      { type: 'snapshots', steps: [0, 20, 40] },
    ]);
    expect(t.client.snapshotSteps).toEqual([0, 20, 40]);
    t.client.reset();
    expect(t.client.snapshotSteps).toEqual([]);
  });

  it('rejects a request whose reply is an error with its id', async () => {
    const t = setup();
    void t.client.init(CONFIG);
    const s = t.client.score([1], 99);
    const { id } = t.w().last() as { id: number };
    t.w().reply({ type: 'error', id, message: 'bad candidate', fatal: false });
    await expect(s).rejects.toThrow('bad candidate');
  });

  it('keeps periodic checkpoints but not replies to exportWeights', () => {
    const t = setup();
    void t.client.init(CONFIG);
    t.w().reply({ type: 'weights', id: 0, weights: SNAPSHOT });
    t.w().reply({ type: 'weights', id: 77, weights: { ...SNAPSHOT, step: 99 } });
    expect(t.client.lastCheckpoint).toBe(SNAPSHOT);
  });

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

  it('pauses in a hidden tab and resumes when visible, only if it was playing', () => {
    const t = setup();
    void t.client.init(CONFIG);
    t.doc.set(true);
    t.doc.set(false);
    expect(t.w().sent).toHaveLength(1); // not playing: nothing sent
    t.client.play(4);
    t.doc.set(true);
    expect(t.w().last()).toEqual({ type: 'pause' });
    expect(t.client.isPlaying).toBe(false);
    t.doc.set(false);
    expect(t.w().last()).toEqual({ type: 'play', stepsPerTick: 4 });
    // A user pause while hidden is respected on return.
    t.doc.set(true);
    t.client.pause();
    const n = t.w().sent.length;
    t.doc.set(false);
    expect(t.w().sent).toHaveLength(n);
  });

  it('dispose terminates the worker, rejects pending requests and detaches', async () => {
    const t = setup();
    void t.client.init(CONFIG);
    const p = t.client.exportWeights();
    t.client.dispose();
    expect(t.w().terminated).toBe(true);
    await expect(p).rejects.toThrow(/disposed/);
    expect(t.doc.attached).toBe(false);
  });
});

/** A scoring worker that records what it is sent (ports included). */
class FakeScorer implements WorkerLike<ScorerRequest> {
  sent: ScorerRequest[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent<Response>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(m: ScorerRequest): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(r: Response): void {
    this.onmessage?.({ data: r } as MessageEvent<Response>);
  }
  requests(): (ScorerRequest & { id: number; version: number })[] {
    return this.sent.filter((m) => m.type !== 'port') as (ScorerRequest & {
      id: number;
      version: number;
    })[];
  }
}

function setupWithScorer() {
  const workers: FakeWorker[] = [];
  const scorers: FakeScorer[] = [];
  const ports: MessagePort[] = [];
  const client = new TrainerClient({
    visibility: null,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    createScorer: () => {
      const s = new FakeScorer();
      scorers.push(s);
      return s;
    },
  });
  const seen: Response[] = [];
  client.subscribe((r) => seen.push(r));
  const closePorts = () => {
    for (const w of workers) for (const m of w.sent) if (m.type === 'feed') ports.push(m.port);
    for (const s of scorers) for (const m of s.sent) if (m.type === 'port') ports.push(m.port);
    for (const p of ports) p.close();
  };
  return { client, workers, scorers, seen, closePorts, w: () => workers[workers.length - 1] };
}

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

  it('ignores a checkpoint of the weights before a reset that arrives after it', () => {
    const t = setup();
    void t.client.init(CONFIG); // version 1
    t.w().reply(READY('wasm'));
    const snap = (step: number): WeightsSnapshot => ({
      step,
      tensors: { base: [], din: [], dien: [] },
    });
    t.client.reset(); // version 2
    t.w().reply({ type: 'weights', id: 0, weights: snap(80), version: 1 }); // in flight
    expect(t.client.lastCheckpoint).toBeUndefined();
    t.w().reply({ type: 'weights', id: 0, weights: snap(0), version: 2 });
    expect(t.client.lastCheckpoint?.step).toBe(0);
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

describe('TrainerClient keeps the run it replaces', () => {
  const OTHER = { train: { seed: 2 } } as unknown as SessionConfig;
  const AT_90: WeightsSnapshot = { ...SNAPSHOT, step: 90 };
  const REWIND_30: WeightsSnapshot = { ...SNAPSHOT, step: 30 };

  it('resetKeeping asks for the training state, then resets, in that order', async () => {
    const t = setup();
    void t.client.init(CONFIG);
    t.w().reply({ type: 'snapshots', steps: [30], added: REWIND_30, version: 1 });
    const kept = t.client.resetKeeping(OTHER);
    expect(t.w().sent.slice(1)).toEqual([
      { type: 'exportWeights', id: 1, training: true },
      { type: 'reset', version: 2, config: OTHER },
    ]);
    expect(t.client.configVersion).toBe(2);
    // The export was queued before the reset, so its reply carries the old run's weights.
    t.w().reply({ type: 'weights', id: 1, weights: AT_90 });
    await expect(kept).resolves.toEqual({ weights: AT_90, rewind: [REWIND_30] });
    // The old run's snapshots are no longer the live run's.
    expect(t.client.snapshotSteps).toEqual([]);
  });

  it('resume keeps the live run, then inits the kept one from its weights and snapshots', async () => {
    const t = setup();
    void t.client.init(CONFIG);
    t.w().reply(READY('wasm'));
    const kept = t.client.resume(OTHER, AT_90, [REWIND_30]);
    expect(t.workers).toHaveLength(1); // the running worker, no restart
    expect(t.w().sent.slice(1)).toEqual([
      { type: 'exportWeights', id: 1, training: true },
      { type: 'init', config: OTHER, version: 2, weights: AT_90, rewind: [REWIND_30] },
    ]);
    expect(t.client.snapshotSteps).toEqual([30]);
    expect(t.client.lastCheckpoint).toBe(AT_90);
    t.w().reply({ type: 'weights', id: 1, weights: SNAPSHOT });
    await expect(kept).resolves.toEqual({ weights: SNAPSHOT, rewind: [] });
  });
});
