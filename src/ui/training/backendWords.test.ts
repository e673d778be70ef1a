import { describe, expect, it } from 'vitest';
import type { BackendInfo } from '../../train/protocol';
import { badgeText, backendNote, msText, pickerOptions } from './backendWords';

const DECLINED: BackendInfo = {
  name: 'wasm',
  label: 'WASM — …',
  fallbackReasons: [
    'WebGPU: WebGPU here is a software emulator (SwiftShader), far slower than WASM on this page',
    'WebGL: WebGL here is a software emulator (SwiftShader), far slower than WASM on this page',
  ],
  declinedSoftware: ['webgpu', 'webgl'],
};

describe('backend words', () => {
  it('formats ms per step with a decimal only below 10 ms', () => {
    expect(msText(2945.6, 'en')).toBe('2,946 ms per step');
    expect(msText(3.44, 'en')).toBe('3.4 ms per step');
    expect(msText(46.4, 'zh')).toBe('每步 46 毫秒');
  });

  it('says why an emulator was declined, with numbers only once both are measured', () => {
    expect(badgeText(DECLINED, {}, 'en')).toBe(
      'WASM — WebGPU and WebGL here are software emulators, far slower than WASM on this page, so WASM was chosen',
    );
    expect(badgeText(DECLINED, { wasm: 46 }, 'en')).not.toMatch(/measured/);
    expect(badgeText(DECLINED, { wasm: 46, webgpu: 2946 }, 'en')).toBe(
      'WASM — WebGPU and WebGL here are software emulators, far slower than WASM on this page (measured here: WebGPU 2,946 ms per step, WASM 46 ms per step), so WASM was chosen',
    );
    expect(badgeText({ ...DECLINED, declinedSoftware: ['webgl'] }, {}, 'en')).toMatch(
      /^WASM — WebGL here is a software emulator,/,
    );
    expect(badgeText(DECLINED, {}, 'zh')).toMatch(/^WASM — 这里的 WebGPU 和 WebGL 是软件模拟器/);
    // Without a declined emulator the engine's own label shows.
    expect(badgeText({ name: 'wasm', label: 'WASM — forced', fallbackReasons: [] }, {}, 'en')).toBe(
      'WASM — forced',
    );
  });

  it('lists every backend with what is known of it', () => {
    const failed: BackendInfo = {
      name: 'cpu',
      label: '',
      fallbackReasons: ['WASM: failed to initialise'],
    };
    expect(backendNote(failed, 'wasm')).toBe('failed to initialise');
    expect(backendNote(DECLINED, 'webgpu')).toBe('software');
    expect(backendNote(null, 'webgpu')).toBeNull();
    expect(pickerOptions(DECLINED, undefined, { wasm: 3.44 }, 'en')).toEqual([
      { value: 'auto', label: 'Automatic (WASM)' },
      { value: 'webgpu', label: 'WebGPU · software emulator · not measured yet' },
      { value: 'webgl', label: 'WebGL · software emulator · not measured yet' },
      { value: 'wasm', label: 'WASM · 3.4 ms per step' },
      { value: 'cpu', label: 'CPU · not measured yet' },
    ]);
    expect(pickerOptions(failed, 'cpu', {}, 'en')[3]).toEqual({
      value: 'wasm',
      label: 'WASM · failed to start last time · not measured yet',
    });
  });
});
