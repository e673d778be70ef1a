import { describe, expect, it } from 'vitest';
import {
  chainOrder,
  isSoftwareAdapter,
  isSoftwareRenderer,
  nextAfterFailures,
  softwareAdapterName,
  softwareDeclined,
  NoBackendError,
  runBackendChain,
  type TrySet,
} from './backendChain';
import type { BackendName } from './protocol';

/** A TrySet that records the order of attempts and answers from a table. */
function mockTry(
  answers: Partial<
    Record<BackendName, boolean | Error | { ok: boolean; reason?: string; note?: string }>
  >,
  /** Backends that are only software emulators here (declined unless allowed, as backends.ts does). */
  software: readonly BackendName[] = [],
) {
  const tried: BackendName[] = [];
  const trySet: TrySet = async (name, { allowSoftware }) => {
    tried.push(allowSoftware && software.includes(name) ? (`${name}!` as BackendName) : name);
    if (software.includes(name) && !allowSoftware)
      return { ok: false, software: true, reason: softwareDeclined(name, 'SwiftShader') };
    const a = answers[name] ?? false;
    if (a instanceof Error) throw a;
    return typeof a === 'boolean' || !software.includes(name) ? a : { ...a, software: true };
  };
  return { tried, trySet };
}

describe('runBackendChain', () => {
  it('takes WebGPU when it works and tries nothing else', async () => {
    const { tried, trySet } = mockTry({ webgpu: true, webgl: true });
    const info = await runBackendChain(trySet);
    expect(tried).toEqual(['webgpu']);
    expect(info).toEqual({ name: 'webgpu', label: 'WebGPU', fallbackReasons: [] });
  });

  it('labels a software adapter', async () => {
    const { trySet } = mockTry({ webgpu: { ok: true, note: 'software adapter' } });
    expect((await runBackendChain(trySet)).label).toBe('WebGPU (software adapter)');
  });

  it('falls back in the order webgpu → webgl → wasm → cpu and says why', async () => {
    const { tried, trySet } = mockTry({
      webgpu: { ok: false, reason: 'no WebGPU adapter' },
      webgl: new Error('context creation failed'),
      wasm: false,
      cpu: true,
    });
    const info = await runBackendChain(trySet);
    expect(tried).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(info.name).toBe('cpu');
    expect(info.fallbackReasons).toEqual([
      'WebGPU: no WebGPU adapter',
      'WebGL: context creation failed',
      'WASM: failed to initialise',
    ]);
    expect(info.label).toBe(
      'CPU — no WebGPU adapter; WebGL context creation failed; WASM failed to initialise',
    );
  });

  it('reads "WebGL — no WebGPU adapter" for the common fallback', async () => {
    const { trySet } = mockTry({ webgpu: { ok: false, reason: 'no WebGPU adapter' }, webgl: true });
    expect((await runBackendChain(trySet)).label).toBe('WebGL — no WebGPU adapter');
  });

  it('tries a forced backend first and labels it as forced', async () => {
    const { tried, trySet } = mockTry({ webgpu: true, wasm: true });
    const info = await runBackendChain(trySet, { forced: 'wasm' });
    expect(tried).toEqual(['wasm']);
    expect(info).toEqual({ name: 'wasm', label: 'WASM — forced', fallbackReasons: [] });
  });

  it('continues with the default chain when the forced backend fails', async () => {
    const { tried, trySet } = mockTry({ webgl: false, webgpu: false, wasm: true });
    const info = await runBackendChain(trySet, { forced: 'webgl' });
    expect(tried).toEqual(['webgl', 'webgpu', 'wasm']);
    expect(info.name).toBe('wasm');
    expect(info.fallbackReasons).toEqual([
      'WebGL: failed to initialise',
      'WebGPU: failed to initialise',
    ]);
  });

  it('does not try skipped backends and reports them first', async () => {
    const { tried, trySet } = mockTry({ webgpu: true, webgl: true });
    const info = await runBackendChain(trySet, {
      forced: 'webgl',
      skip: [{ backend: 'webgpu', reason: 'failed during training (device lost)' }],
    });
    expect(tried).toEqual(['webgl']);
    expect(info.label).toBe('WebGL — WebGPU failed during training (device lost)');
  });

  it('throws NoBackendError with every reason when nothing works', async () => {
    const { trySet } = mockTry({});
    const err = await runBackendChain(trySet).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoBackendError);
    expect((err as NoBackendError).reasons).toHaveLength(4);
  });

  it('declines software GPU emulators by default and says why', async () => {
    const { tried, trySet } = mockTry(
      { webgpu: { ok: true, note: 'software adapter' }, webgl: true, wasm: true },
      ['webgpu', 'webgl'],
    );
    const info = await runBackendChain(trySet);
    expect(tried).toEqual(['webgpu', 'webgl', 'wasm']);
    expect(info.name).toBe('wasm');
    expect(info.declinedSoftware).toEqual(['webgpu', 'webgl']);
    expect(info.software).toBeUndefined();
    expect(info.fallbackReasons).toEqual([
      'WebGPU: WebGPU here is a software emulator (SwiftShader), far slower than WASM on this page',
      'WebGL: WebGL here is a software emulator (SwiftShader), far slower than WASM on this page',
    ]);
  });

  it('takes a real GPU after a declined emulator', async () => {
    const { trySet } = mockTry({ webgpu: true, webgl: true }, ['webgpu']);
    const info = await runBackendChain(trySet);
    expect(info.name).toBe('webgl');
    expect(info.declinedSoftware).toEqual(['webgpu']);
  });

  it('takes a forced software emulator, and marks it', async () => {
    const { tried, trySet } = mockTry({ webgpu: { ok: true, note: 'software adapter' } }, [
      'webgpu',
    ]);
    const info = await runBackendChain(trySet, { forced: 'webgpu' });
    expect(tried).toEqual(['webgpu!']);
    expect(info).toEqual({
      name: 'webgpu',
      label: 'WebGPU (software adapter) — forced',
      fallbackReasons: [],
      software: true,
    });
  });

  it('falls back to a declined emulator when nothing else works', async () => {
    const { tried, trySet } = mockTry({ webgpu: { ok: true, note: 'software adapter' } }, [
      'webgpu',
    ]);
    const info = await runBackendChain(trySet);
    expect(tried).toEqual(['webgpu', 'webgl', 'wasm', 'cpu', 'webgpu!']);
    expect(info.name).toBe('webgpu');
    expect(info.software).toBe(true);
    expect(info.declinedSoftware).toBeUndefined();
  });

  it('chainOrder puts the forced backend first without duplicates', () => {
    expect(chainOrder()).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(chainOrder('wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
  });
});

describe('isSoftwareAdapter', () => {
  it('detects SwiftShader by the fallback flag or by its name', () => {
    expect(isSoftwareAdapter({ info: { isFallbackAdapter: true } })).toBe(true);
    expect(isSoftwareAdapter({ isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ info: { vendor: 'google', architecture: 'swiftshader' } })).toBe(
      true,
    );
    expect(isSoftwareAdapter({ info: { vendor: 'nvidia', architecture: 'ampere' } })).toBe(false);
    expect(isSoftwareAdapter({})).toBe(false);
  });
});

describe('software renderers', () => {
  it('names a software adapter and recognises software WebGL renderers', () => {
    expect(softwareAdapterName({ info: { vendor: 'google', architecture: 'swiftshader' } })).toBe(
      'SwiftShader',
    );
    expect(softwareAdapterName({ info: { isFallbackAdapter: true } })).toBe('fallback adapter');
    expect(
      isSoftwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 Direct3D11)')).toBe(false);
  });
});

describe('nextAfterFailures', () => {
  it('goes down the chain from the last failure, skipping any that failed before', () => {
    expect(nextAfterFailures([])).toBeUndefined();
    expect(nextAfterFailures(['webgpu'])).toBe('webgl');
    expect(nextAfterFailures(['webgpu', 'webgl'])).toBe('wasm');
    // A forced wasm that failed goes on to cpu, not back up to the GPU backends.
    expect(nextAfterFailures(['wasm'])).toBe('cpu');
    expect(nextAfterFailures(['cpu'])).toBeUndefined();
    expect(nextAfterFailures(['wasm', 'cpu'])).toBeUndefined();
  });
});
