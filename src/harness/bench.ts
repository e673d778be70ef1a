/**
 * Benchmark-only page script (bench.html, driven by bench/run.ts): GPU adapter info, per-backend
 * measurements in a fresh bench worker each, and time to insight through the real training
 * worker (TrainerClient, exactly what the page's Play button does). Not part of the explainer.
 */
import { TrainerClient } from '../train/page/client';
import type { BackendInfo, BackendName, Progress } from '../train/protocol';
import type { BenchRequest } from './benchWorker';
import { PAGE_CONFIG, PAGE_SPEED, type InsightResult } from './benchCore';

export interface GpuInfo {
  webgpu: Record<string, string | boolean> | string;
  webgl: Record<string, string> | string;
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

async function gpuInfo(): Promise<GpuInfo> {
  let webgpu: GpuInfo['webgpu'] = 'navigator.gpu missing';
  const gpu = (
    navigator as unknown as {
      gpu?: {
        requestAdapter(): Promise<{ info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null>;
      };
    }
  ).gpu;
  if (gpu) {
    const a = await gpu.requestAdapter();
    if (!a) webgpu = 'no adapter';
    else {
      const i = a.info ?? {};
      webgpu = {
        vendor: i.vendor ?? '',
        architecture: i.architecture ?? '',
        device: i.device ?? '',
        description: i.description ?? '',
        isFallbackAdapter: Boolean(i.isFallbackAdapter ?? a.isFallbackAdapter),
      };
    }
  }
  let webgl: GpuInfo['webgl'] = 'no WebGL2 context';
  const gl = document.createElement('canvas').getContext('webgl2');
  if (gl) {
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    webgl = {
      vendor: String(gl.getParameter(ext ? ext.UNMASKED_VENDOR_WEBGL : gl.VENDOR)),
      renderer: String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
      version: String(gl.getParameter(gl.VERSION)),
    };
  }
  return { webgpu, webgl };
}

/** One request in a fresh bench worker; resolves with its results. */
function inWorker<R>(
  req: BenchRequest,
): Promise<{ backend: BackendInfo; results: R; left?: number }> {
  const w = new Worker(new URL('./benchWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<{ backend: BackendInfo; results: R; left?: number }>((resolve, reject) => {
    w.onmessage = (ev: MessageEvent) => {
      const m = ev.data as { type: string; message?: string };
      if (m.type === 'log') console.log(`[bench worker] ${m.message}`);
      else if (m.type === 'error') reject(new Error(m.message));
      else resolve(ev.data as { backend: BackendInfo; results: R; left?: number });
    };
    w.onerror = (e) => reject(new Error(e.message || 'bench worker crashed'));
    w.postMessage(req);
  }).finally(() => w.terminate());
}

/** Time from Play until DIN's test AUC ≥ Base's + margin, through the real training worker. */
async function insight(
  backend: BackendName,
  margin: number,
  boundMs: number,
): Promise<InsightResult & { backend: BackendInfo | null; firstStepMs: number; error?: string }> {
  const client = new TrainerClient({ backend, visibility: null });
  const curve: InsightResult['curve'] = [];
  let t0 = 0;
  let firstStepMs = NaN;
  let lastTestStep = 0;
  let wake: () => void = () => undefined;
  let error: string | undefined;
  let latest: Progress | undefined;
  client.subscribe((r) => {
    if (r.type === 'progress') {
      latest = r.progress;
      const p = r.progress;
      if (t0 > 0 && p.step > 0 && Number.isNaN(firstStepMs)) firstStepMs = performance.now() - t0;
      if (t0 > 0 && p.test && p.testStep !== undefined && p.testStep > lastTestStep) {
        lastTestStep = p.testStep;
        curve.push([
          p.testStep,
          performance.now() - t0,
          p.test.base.auc,
          p.test.din.auc,
          p.test.dien.auc,
        ]);
      }
    }
    if (r.type === 'error' && r.fatal) error = r.message;
    wake();
  });
  const until = (pred: () => boolean, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      wake = () => {
        if (pred() || error) {
          clearTimeout(timer);
          resolve(!error);
        }
      };
      wake();
    });
  try {
    const ready = await client.init(PAGE_CONFIG);
    await until(() => latest !== undefined, 120_000);
    t0 = performance.now();
    client.play(PAGE_SPEED);
    const hit = () => {
      const c = curve.at(-1);
      return c !== undefined && c[3] >= c[2] + margin;
    };
    const reached = await until(hit, boundMs);
    const c = curve.at(-1);
    client.pause();
    return {
      reached: reached && hit(),
      ms: reached && hit() ? c![1] : performance.now() - t0,
      step: latest?.step ?? 0,
      boundMs,
      margin,
      curve,
      backend: ready.backend,
      firstStepMs,
      ...(error ? { error } : {}),
    };
  } catch (e) {
    return {
      reached: false,
      ms: NaN,
      step: 0,
      boundMs,
      margin,
      curve,
      backend: null,
      firstStepMs,
      error: e instanceof Error ? e.message : String(e),
    };
  } finally {
    client.dispose();
  }
}

const api = { gpuInfo, inWorker, insight };

declare global {
  interface Window {
    bench: typeof api;
  }
}
window.bench = api;
