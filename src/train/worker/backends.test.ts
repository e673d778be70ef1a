import { describe, expect, it } from 'vitest';
import { watchBackendLoss } from './backends';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('watchBackendLoss', () => {
  it('reports a lost WebGPU device, but not our own dispose', async () => {
    const lost: string[] = [];
    let lose!: (info: { message?: string; reason?: string }) => void;
    const device = { lost: new Promise<{ message?: string; reason?: string }>((r) => (lose = r)) };
    watchBackendLoss((m) => lost.push(m), { name: 'webgpu', backend: { device } });
    lose({ reason: 'unknown', message: 'GPU process crashed' });
    await tick();
    expect(lost).toEqual(['WebGPU device lost: GPU process crashed']);

    const mine: string[] = [];
    watchBackendLoss((m) => mine.push(m), {
      name: 'webgpu',
      backend: { device: { lost: Promise.resolve({ reason: 'destroyed' }) } },
    });
    await tick();
    expect(mine).toEqual([]);
  });

  it('reports a lost WebGL context', () => {
    const lost: string[] = [];
    const canvas = new EventTarget();
    watchBackendLoss((m) => lost.push(m), {
      name: 'webgl',
      backend: { gpgpu: { gl: { canvas } } },
    });
    canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(lost).toEqual(['WebGL context lost']);
  });

  it('watches nothing on CPU-side backends', () => {
    expect(() => watchBackendLoss(() => undefined, { name: 'wasm', backend: {} })).not.toThrow();
  });
});
