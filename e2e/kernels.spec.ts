/**
 * The fused recurrence kernels (src/train/worker/kernels/) against the per-step path they
 * replace, on webgpu (SwiftShader here) and wasm in the browser: the states and every gradient of
 * each cell on a tiny masked batch (histories of 5, 2 and 0 steps), and FusedAdam's steps against
 * tfjs's Adam. Node covers cpu and wasm in
 * src/train/worker/kernels/*.test.ts. And the page's switch: `?kernels=off` trains on the per-step
 * path and the engine line says so.
 */
import { test, expect } from './fixtures';
import { open, ready, stepOnce } from './helpers';
import type { KernelCheckResult } from '../src/harness/kernels';
import type { BackendName } from '../src/train/protocol';

/**
 * float32 rounding only: measured here 1.2e-7 (states) and 1.1e-7 (gradients, relative to
 * 1 + |g|) on webgpu, 2.4e-7 on wasm; the agreement test's 1e-5 leaves the same headroom.
 */
const TOLERANCE = 1e-5;

for (const backend of ['webgpu', 'wasm'] as BackendName[]) {
  test(`fused GRU kernels on ${backend}: same states and gradients as the per-step path`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto('harness.html');
    await page.waitForFunction(() => typeof window.runKernelCheck === 'function');
    const {
      cells: checks,
      adam,
      small,
    }: KernelCheckResult = await page.evaluate((b) => window.runKernelCheck(b), backend);
    expect(checks.map((c) => c.cell)).toEqual(['gru', 'augru', 'agru', 'augruInverted']);
    for (const c of checks) {
      const what = `${backend} ${c.cell}`;
      expect(c.backend, what).toBe(backend);
      expect(c.fusedActive, `${what}: fused kernels registered`).toBe(true);
      expect(c.gpuErrors, what).toEqual([]);
      expect(c.leakedTensors, `${what}: tensors left over`).toBe(0);
      expect(c.valueDiff, `${what} states`).toBeLessThanOrEqual(TOLERANCE);
      expect(c.gradDiff, `${what} gradients`).toBeLessThanOrEqual(TOLERANCE);
      expect(c.gradScale, `${what}: the gradients are not all zero`).toBeGreaterThan(0.1);
      // The per-step loop is gone: far fewer kernels, and on webgpu far fewer dispatches.
      expect(c.kernels.fused * 3, what).toBeLessThan(c.kernels.perStep);
      if (backend === 'webgpu') {
        expect(c.dispatches, what).not.toBeNull();
        expect(c.dispatches!.fused * 5, what).toBeLessThan(c.dispatches!.perStep);
      }
    }
    // Adam's update as one kernel a variable: the same steps as tfjs's Adam.
    expect(adam.backend).toBe(backend);
    expect(adam.gpuErrors).toEqual([]);
    expect(adam.moved, 'Adam moved the variables').toBeGreaterThan(0.01);
    expect(adam.diff, 'FusedAdam vs tfjs Adam').toBeLessThanOrEqual(TOLERANCE);
    expect(adam.kernels.fused * 2, 'Adam kernels').toBeLessThan(adam.kernels.stock);
    // The replaced stock kernels (products, sums, embedding rows) give tfjs's own results.
    expect(small.length).toBeGreaterThan(10);
    for (const c of small) {
      expect(c.diff, `${backend} ${c.name}`).toBeLessThanOrEqual(TOLERANCE);
      if (backend === 'webgpu' && !c.name.startsWith('gather'))
        expect(c.ownProgram, `${backend} ${c.name}: the project's program ran`).toBe(true);
    }
    test.info().annotations.push({
      type: 'kernels',
      description: checks
        .map(
          (c) =>
            `${c.cell}: Δstates ${c.valueDiff.toExponential(1)}, Δgrad ${c.gradDiff.toExponential(1)}, ` +
            `kernels ${c.kernels.fused} vs ${c.kernels.perStep}` +
            (c.dispatches ? `, dispatches ${c.dispatches.fused} vs ${c.dispatches.perStep}` : ''),
        )
        .join('\n'),
    });
  });
}

test('?kernels=off: the engine line says the fused kernels are off, and training still steps', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await open(page, 'kernels=off');
  await ready(page);
  // A documented switch: the link's notice does not call it ignored.
  await expect(page.getByText(/Parts of the link were ignored/)).toHaveCount(0);
  const engine = page.getByRole('status', { name: 'Engine' });
  await expect(engine).toContainText('Fused recurrent kernels: off (per-step path)');
  await stepOnce(page);
  await expect(engine).toContainText('off (per-step path)');
});

test('on wasm at embeddings 8 (H = 24) the engine line says the recurrence runs per step, where that is faster', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // TINY's own emb=4 would win over a second emb: the tiny settings spelled out, emb 8.
  const tiny = (emb: number) =>
    `./?shoppers=40&minh=4&maxh=8&T=6&batch=16&eval=5&backend=wasm&emb=${emb}`;
  await page.goto(tiny(8));
  await ready(page);
  const engine = page.getByRole('status', { name: 'Engine' });
  await expect(engine).toContainText(
    'Fused kernels: on; the recurrence runs per step at this embedding size (faster on WASM)',
  );
  await stepOnce(page);
  await page.goto(tiny(6));
  await ready(page);
  await expect(engine).toContainText('Fused recurrent kernels: on');
});
