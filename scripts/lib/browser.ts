/**
 * Which Chromium the e2e tests (playwright.config.ts, e2e/fallback.spec.ts) and the benchmark
 * (bench/browser/launch.ts) launch, and with which flags (TFJS_NOTES.md: headless WebGPU needs
 * --enable-unsafe-webgpu; never pass --disable-software-rasterizer, it kills WebGPU and WebGL).
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Keep the browser from calling home: no request may leave the test origin. */
const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--disable-default-apps',
  '--metrics-recording-only',
  '--no-default-browser-check',
  '--no-first-run',
  '--no-pings',
];

function playwrightChromiumInstalled(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

/** Launch options for Chromium, with WebGPU enabled unless `webgpu` is false. */
export function chromiumLaunchOptions({ webgpu = true }: { webgpu?: boolean } = {}): LaunchOptions {
  const args = ['--no-sandbox', ...(webgpu ? ['--enable-unsafe-webgpu'] : []), ...QUIET_FLAGS];
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args };
  if (playwrightChromiumInstalled()) return { args };
  throw new Error(
    `No Chromium for the browser tests: ${SYSTEM_CHROMIUM} is missing and Playwright has no browser of its own. ` +
      'Install one with `apt-get install -y chromium` (Debian), or `npx playwright install chromium` where downloads work.',
  );
}
