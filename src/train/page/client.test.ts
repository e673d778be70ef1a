import { describe, expect, it } from 'vitest';
import { backendFromSearch } from './client';
import type { Response, SessionConfig, WeightsSnapshot } from '../protocol';
import { kernelsFromSearch } from './workers';
import { CONFIG, READY, SNAPSHOT, setup, setupWithScorer } from './testWorkers';

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

  it('keeps periodic checkpoints but not replies to exportWeights', () => {
    const t = setup();
    void t.client.init(CONFIG);
    t.w().reply({ type: 'weights', id: 0, weights: SNAPSHOT });
    t.w().reply({ type: 'weights', id: 77, weights: { ...SNAPSHOT, step: 99 } });
    expect(t.client.lastCheckpoint).toBe(SNAPSHOT);
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

describe('the fused kernels switch', () => {
  it('reads ?kernels=off|on and ignores anything else', () => {
    expect(kernelsFromSearch('?kernels=off')).toBe(false);
    expect(kernelsFromSearch('?backend=wasm&kernels=on')).toBe(true);
    expect(kernelsFromSearch('?kernels=0')).toBeUndefined();
    expect(kernelsFromSearch('')).toBeUndefined();
  });

  it('goes with every init (the first, a resumed run, a restart after a crash); absent, none says anything', () => {
    const off = setup('wasm', { fusedKernels: false });
    void off.client.init(CONFIG);
    expect(off.w().sent[0]).toEqual({
      type: 'init',
      config: CONFIG,
      version: 1,
      backend: 'wasm',
      fusedKernels: false,
    });
    off.w().reply(READY('wasm'));
    // The run it replaces is lost with the crash below: its promise may reject.
    off.client.resume(CONFIG, SNAPSHOT).catch(() => undefined);
    expect(off.w().last()).toMatchObject({ type: 'init', version: 2, fusedKernels: false });
    off.w().reply({ type: 'error', message: 'x', fatal: true, backend: 'wasm', kind: 'crash' });
    expect(off.workers).toHaveLength(2);
    expect(off.w().sent[0]).toMatchObject({ type: 'init', weights: SNAPSHOT, fusedKernels: false });
    const on = setup();
    void on.client.init(CONFIG);
    expect('fusedKernels' in on.w().sent[0]).toBe(false);
  });

  it("tells the scoring worker on every channel, and keeps the worker's report in ReadyInfo", async () => {
    const t = setupWithScorer({ fusedKernels: false });
    const ready = t.client.init(CONFIG);
    expect(t.scorers[0].sent[0]).toMatchObject({ type: 'port', fusedKernels: false });
    t.w().reply({ ...READY('webgl'), fusedKernels: { on: false, active: false } } as Response);
    await expect(ready).resolves.toMatchObject({ fusedKernels: { on: false, active: false } });
    t.w().reply({ type: 'error', message: 'lost', fatal: true, backend: 'webgl' });
    expect(t.scorers[0].sent.filter((m) => m.type === 'port')).toEqual([
      expect.objectContaining({ fusedKernels: false }),
      expect.objectContaining({ fusedKernels: false }),
    ]);
    t.closePorts();
  });
});
