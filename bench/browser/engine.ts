/**
 * The engine in Chromium, on bench.html (src/harness/bench.ts): GPU adapter info, training
 * throughput per backend (Base, DIN, DIEN and BST alone, then the lockstep), the T and B sweeps
 * and memory on one backend, and time to insight through the real training worker; only the
 * parts asked for (cli.ts).
 */
import type { Browser, Page } from '@playwright/test';
import type { BenchModel, MemorySample, ThroughputResult } from '../../src/harness/benchCore';
import { INSIGHT_MARGIN } from '../plan';
import { BACKENDS, BASE_URL, log, P, type Part } from '../cli';
import type { BrowserInsight, GpuInfo, Results } from '../types';
import { withTimeout } from './launch';

declare global {
  interface Window {
    /** src/harness/bench.ts (its module type is not imported: it pulls in Vite-only imports). */
    bench: {
      gpuInfo(): Promise<GpuInfo>;
      inWorker<R>(req: {
        type: 'throughput' | 'memory' | 'fused';
        backend: string;
        [k: string]: unknown;
      }): Promise<{ backend: { label: string }; results: R; left?: number }>;
      insight(backend: string, margin: number, boundMs: number): Promise<BrowserInsight>;
    };
  }
}

async function benchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.text().startsWith('[bench worker]')) log(m.text());
  });
  await page.goto(`${BASE_URL}bench.html`);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}

export async function browserEngine(
  browser: Browser,
  res: Results,
  parts: ReadonlySet<Part>,
): Promise<void> {
  const page = await benchPage(browser);
  res.gpu = await page.evaluate(() => window.bench.gpuInfo());
  log(`GPU info: ${JSON.stringify(res.gpu)}`);
  const b: NonNullable<Results['browser']> = {
    throughput: [],
    sweepT: [],
    sweepB: [],
    sweepBackend: P.browser.sweepBackend,
    memory: [],
    insight: {},
  };
  res.browser = b;
  const T0 = 20;
  if (parts.has('throughput')) await throughputs(page, res, b);
  const sweepHere = BACKENDS.includes(P.browser.sweepBackend);
  if (parts.has('sweeps') && sweepHere) {
    const sweep = async (cases: { B: number; T: number }[]) =>
      (
        await page.evaluate(
          ([backend, cases, reps]) =>
            window.bench.inWorker<ThroughputResult[]>({
              type: 'throughput',
              backend,
              lockstep: false,
              cases: cases.map((c) => ({ ...c, models: ['base', 'din', 'dien'], ...reps })),
            }),
          [P.browser.sweepBackend, cases, P.browser.sweep] as const,
        )
      ).results;
    log(`browser sweeps on ${P.browser.sweepBackend}`);
    try {
      b.sweepT = await sweep(P.browser.sweepT.map((T) => ({ B: 64, T })));
      b.sweepB = await sweep(P.browser.sweepB.map((B) => ({ B, T: T0 })));
    } catch (e) {
      res.errors.push(`browser sweeps: ${String(e)}`);
    }
  }
  if (parts.has('memory') && sweepHere) {
    log(`browser memory on ${P.browser.sweepBackend}`);
    try {
      const m = await page.evaluate(
        ([backend, steps, every]) =>
          window.bench.inWorker<MemorySample[]>({
            type: 'memory',
            backend,
            steps,
            every,
          }),
        [P.browser.sweepBackend, P.browser.memorySteps, P.browser.memoryEvery] as const,
      );
      b.memory.push({ backend: P.browser.sweepBackend, samples: m.results, left: m.left });
    } catch (e) {
      res.errors.push(`browser memory: ${String(e)}`);
    }
  }
  for (const backend of parts.has('insight') ? BACKENDS : []) {
    const bound = P.browser.insightBoundMs[backend] ?? 60_000;
    log(`time to insight ${backend} (bound ${bound / 1000} s)`);
    // A fresh page per backend: a worker crash or a stuck GPU context must not spill over.
    const ip = await benchPage(browser);
    try {
      b.insight[backend] = await withTimeout(
        ip.evaluate(([backend, margin, bound]) => window.bench.insight(backend, margin, bound), [
          backend,
          INSIGHT_MARGIN,
          bound,
        ] as const),
        bound + 300_000,
        `insight ${backend}`,
      );
      const r = b.insight[backend];
      log(
        `  ${r.reached ? 'reached' : 'not reached'} after ${(r.ms / 1000).toFixed(1)} s, step ${r.step}${r.error ? ` (${r.error})` : ''}`,
      );
    } catch (e) {
      res.errors.push(`insight ${backend}: ${String(e)}`);
    } finally {
      await ip.close();
    }
  }
  await page.close();
}

/** benchCore's BENCH_MODELS (not imported: benchCore pulls tfjs into this Node process). */
const MODELS: readonly BenchModel[] = ['base', 'din', 'dien', 'bst'];

/** ms/step of each model alone, then of the lockstep (the page's three), per backend. */
async function throughputs(
  page: Page,
  res: Results,
  b: NonNullable<Results['browser']>,
): Promise<void> {
  for (const backend of BACKENDS) {
    const reps = backend === 'webgpu' || backend === 'webgl' ? P.browser.gpu : P.browser.fast;
    log(`browser throughput ${backend}`);
    try {
      const r = await withTimeout(
        page.evaluate(
          ([backend, reps, models]) =>
            window.bench.inWorker<ThroughputResult[]>({
              type: 'throughput',
              backend,
              lockstep: true,
              cases: [{ B: 64, T: 20, models: [...models], ...reps }],
            }),
          [backend, reps, MODELS] as const,
        ),
        600_000,
        `throughput ${backend}`,
      );
      b.throughput.push({ backend, label: r.backend.label, results: r.results });
    } catch (e) {
      b.throughput.push({ backend, results: [], error: String(e) });
      res.errors.push(`browser throughput ${backend}: ${String(e)}`);
    }
  }
}
