/**
 * Issue 3: with WebGPU unavailable the page falls back and says so. This file's browser is
 * launched without --enable-unsafe-webgpu: navigator.gpu exists but the adapter is null.
 */
import { chromiumLaunchOptions } from '../scripts/lib/browser';
import { test, expect } from './fixtures';
import { backendStatus, open, ready, stepOnce } from './helpers';

test.use({ launchOptions: chromiumLaunchOptions({ webgpu: false }) });

test('without a WebGPU adapter the page trains on WebGL and says why', async ({ page }) => {
  await open(page);
  await expect(backendStatus(page)).toHaveText(/^WebGL — no WebGPU adapter/, { timeout: 120_000 });
  await ready(page);
  await stepOnce(page);
});
