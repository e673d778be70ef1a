import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/lib/browser';

const PORT = 4173;

// The suite runs against the built site: `npm run test:e2e` first builds the production site,
// then adds the test page harness.html with `vite build --mode harness` (vite.config.ts says why).
// Timeouts are generous: WebGPU and WebGL run on SwiftShader here, a CPU emulator whose first
// step compiles shaders for several seconds.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: 'chromium',
    headless: true,
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
