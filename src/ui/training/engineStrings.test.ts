import { describe, expect, it } from 'vitest';
import type { BackendInfo, BackendName } from '../../train/protocol';
import { ENGINE_STRINGS, kernelsText } from './engineStrings';

const info = (
  name: BackendName,
  fused: { on: boolean; active: boolean; recurrence?: boolean } | undefined,
) => ({
  backend: { name, label: name, fallbackReasons: [] } as BackendInfo,
  fusedKernels: fused,
});

describe('the engine line on the fused kernels', () => {
  const { en, zh } = ENGINE_STRINGS;

  it('says on, off (the switch) or not available (the backend has none)', () => {
    expect(kernelsText(en, info('wasm', { on: true, active: true }))).toBe(
      'Fused recurrent kernels: on',
    );
    expect(kernelsText(en, info('wasm', { on: false, active: false }))).toBe(
      'Fused recurrent kernels: off (per-step path)',
    );
    expect(kernelsText(en, info('webgl', { on: true, active: false }))).toBe(
      'Fused recurrent kernels: not available on WebGL',
    );
    // Switched off on webgl: off is what the reader chose, so off is what it says.
    expect(kernelsText(en, info('webgl', { on: false, active: false }))).toMatch(/off/);
    expect(kernelsText(zh, info('webgl', { on: true, active: false }))).toContain('WebGL');
  });

  it('says when the recurrence itself runs per step at this size (wasm beyond H = 18)', () => {
    expect(kernelsText(en, info('wasm', { on: true, active: true, recurrence: true }))).toBe(
      'Fused recurrent kernels: on',
    );
    expect(kernelsText(en, info('wasm', { on: true, active: true, recurrence: false }))).toBe(
      'Fused kernels: on; the recurrence runs per step at this embedding size (faster on WASM)',
    );
    expect(kernelsText(zh, info('wasm', { on: true, active: true, recurrence: false }))).toContain(
      '逐步',
    );
  });

  it('says nothing before the worker is ready or from a worker that does not say', () => {
    expect(kernelsText(en, null)).toBe('');
    expect(kernelsText(en, info('cpu', undefined))).toBe('');
  });
});
