import { describe, expect, it } from 'vitest';
import type { Progress } from '../../train/protocol';
import { busyPhase, stillOpen, type StepRequest } from './busy';

const P = (step: number, extra: Partial<Progress> = {}) =>
  ({ step, playing: false, version: 1, ...extra }) as Progress;
const base = {
  ready: true,
  switching: false,
  choice: undefined,
  backend: 'wasm' as const,
  progress: P(0),
  request: null as StepRequest | null,
  measured: false,
};

describe('busyPhase', () => {
  it('says the engine is starting, switching or evaluating before it can train', () => {
    expect(busyPhase({ ...base, ready: false, progress: null })).toEqual({ kind: 'starting' });
    expect(busyPhase({ ...base, ready: false, switching: true, choice: 'webgl' })).toEqual({
      kind: 'switching',
      to: 'webgl',
    });
    expect(busyPhase({ ...base, progress: null })).toEqual({ kind: 'evaluating' });
    expect(busyPhase(base)).toBeNull();
  });

  it('says a GPU backend compiles until its first step is timed; WASM never does', () => {
    const request = { from: 0, to: 1, epoch: false, version: 1 };
    expect(busyPhase({ ...base, backend: 'webgpu', request })).toEqual({
      kind: 'compiling',
      backend: 'webgpu',
    });
    expect(busyPhase({ ...base, backend: 'wasm', request })).toBeNull();
    expect(busyPhase({ ...base, backend: 'webgl', request, progress: P(1) })).toBeNull();
    expect(
      busyPhase({ ...base, backend: 'webgl', request, progress: P(0, { msPerStep: 9 }) }),
    ).toBeNull();
    expect(busyPhase({ ...base, backend: 'webgpu', request, measured: true })).toBeNull();
  });

  it('shows how far an epoch is, and nothing once it is done', () => {
    const request = { from: 10, to: 50, epoch: true, version: 1 };
    expect(busyPhase({ ...base, request, progress: P(10) })).toEqual({
      kind: 'epoch',
      done: 0,
      total: 40,
    });
    expect(busyPhase({ ...base, request, progress: P(35) })).toEqual({
      kind: 'epoch',
      done: 25,
      total: 40,
    });
    expect(busyPhase({ ...base, request, progress: P(50) })).toBeNull();
  });
});

describe('stillOpen', () => {
  it('closes a request at its last step, or when Play stopped after moving', () => {
    const steps = { from: 3, to: 13, epoch: false, version: 1 };
    expect(stillOpen(steps, P(12))).toBe(steps);
    expect(stillOpen(steps, P(13))).toBeNull();
    const play = { from: 3, to: Infinity, epoch: false, version: 1 };
    expect(stillOpen(play, P(3, { playing: false }))).toBe(play); // not started yet
    expect(stillOpen(play, P(9, { playing: true }))).toBe(play);
    expect(stillOpen(play, P(9, { playing: false }))).toBeNull();
    // A reset (a new config version) ends it, even back at its first step.
    expect(stillOpen(steps, P(3, { version: 2 }))).toBeNull();
  });
});
