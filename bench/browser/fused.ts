/**
 * The fused recurrence kernels in Chromium (src/harness/fusedBench.ts in a fresh bench worker per
 * backend, on bench.html): kernels and webgpu dispatches per step, and the interleaved A/B.
 */
import type { Browser } from '@playwright/test';
import type { FusedBench } from '../../src/harness/fusedBench';
import { log } from '../cli';
import { withTimeout } from './launch';

export interface FusedBrowserRun {
  backend: string;
  label?: string;
  result?: FusedBench;
  error?: string;
}

export async function fusedBrowser(
  browser: Browser,
  baseUrl: string,
  backends: string[],
  c: { B: number; T: number; reps: number; steps: number },
): Promise<FusedBrowserRun[]> {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.text().startsWith('[bench worker]')) log(m.text());
  });
  await page.goto(`${baseUrl}bench.html`);
  await page.waitForFunction(() => 'bench' in window);
  const out: FusedBrowserRun[] = [];
  for (const backend of backends) {
    // SwiftShader runs the per-step path at seconds per step: fewer repeats there.
    const gpu = backend === 'webgpu' || backend === 'webgl';
    const reps = gpu ? Math.min(c.reps, 3) : c.reps;
    const steps = gpu ? Math.min(c.steps, 2) : c.steps;
    log(`fused kernels A/B in Chromium on ${backend}`);
    try {
      const r = await withTimeout(
        page.evaluate(
          (req) =>
            window.bench.inWorker<FusedBench>({ type: 'fused', ...req }) as Promise<{
              backend: { label: string };
              results: FusedBench;
            }>,
          { backend, B: c.B, T: c.T, reps, steps },
        ),
        900_000,
        `fused ${backend}`,
      );
      out.push({ backend, label: r.backend.label, result: r.results });
    } catch (e) {
      out.push({ backend, error: String(e) });
    }
  }
  await page.close();
  return out;
}
