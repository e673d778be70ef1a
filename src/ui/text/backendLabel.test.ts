import { describe, expect, it } from 'vitest';
import { backendLabel } from './backendLabel';

const zh = (label: string) => backendLabel({ label }, 'zh');

describe('backendLabel', () => {
  it('keeps the engine’s English label on the English page', () => {
    expect(backendLabel({ label: 'WASM — forced' }, 'en')).toBe('WASM — forced');
  });

  it('words the engine’s phrases in Chinese', () => {
    expect(zh('WASM — forced')).toBe('WASM — 由链接指定');
    expect(zh('WebGPU (software adapter) — forced')).toBe('WebGPU（软件适配器） — 由链接指定');
    expect(zh('WebGL — no WebGPU adapter')).toBe('WebGL — 没有 WebGPU 适配器');
    expect(zh('CPU — no WebGPU adapter; WebGL failed to initialise')).toBe(
      'CPU — 没有 WebGPU 适配器；WebGL 初始化失败',
    );
    expect(
      zh(
        'WASM — WebGPU here is a software emulator (SwiftShader), far slower than WASM on this page',
      ),
    ).toBe('WASM — WebGPU 在这里是软件模拟器（SwiftShader），在本页上比 WASM 慢得多');
    expect(
      zh(
        'WASM — WebGL here is a software emulator (fallback adapter), far slower than WASM on this page',
      ),
    ).toBe('WASM — WebGL 在这里是软件模拟器（后备适配器），在本页上比 WASM 慢得多');
  });

  it('leaves a browser’s own error text as it came', () => {
    expect(zh('WASM — WebGL: context lost')).toBe('WASM — WebGL: context lost');
  });
});
