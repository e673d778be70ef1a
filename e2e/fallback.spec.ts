/**
 * Issue 3: with WebGPU unavailable the page falls back and says so. This file's browser is
 * launched without --enable-unsafe-webgpu: navigator.gpu exists but the adapter is null, and
 * WebGL is SwiftShader's, a software emulator the chain declines (issue 12).
 */
import { chromiumLaunchOptions } from '../scripts/lib/browser';
import { test, expect } from './fixtures';
import { backendStatus, open, ready, stepOnce } from './helpers';

test.use({ launchOptions: chromiumLaunchOptions({ webgpu: false }) });

test('without a WebGPU adapter, and a software WebGL, the page trains on WASM and says why', async ({
  page,
}) => {
  await open(page);
  await expect(backendStatus(page)).toHaveText(
    /^WASM — WebGL here is a software emulator, far slower than WASM on this page/,
    { timeout: 120_000 },
  );
  await expect(backendStatus(page)).toHaveAttribute('title', /no WebGPU adapter/);
  await ready(page);
  await stepOnce(page);
});
