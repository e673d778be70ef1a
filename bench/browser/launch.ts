/**
 * The browser side's plumbing: the local `vite preview` server of the built site and the Chromium
 * launch options (the e2e tests' ones from scripts/lib/browser.ts, overridable by BENCH_CHROMIUM,
 * BENCH_CHROMIUM_ARGS and BENCH_HEADED).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/lib/browser';
import { BASE_URL, PORT, ROOT, SITE } from '../cli';

export function launchOptions(): Parameters<typeof chromium.launch>[0] {
  const base = chromiumLaunchOptions();
  const args = process.env.BENCH_CHROMIUM_ARGS
    ? process.env.BENCH_CHROMIUM_ARGS.split(/\s+/).filter(Boolean)
    : base.args;
  const executablePath = process.env.BENCH_CHROMIUM ?? base.executablePath;
  return {
    ...base,
    args,
    ...(executablePath ? { executablePath } : {}),
    headless: process.env.BENCH_HEADED !== '1',
  };
}

/**
 * `npx vite preview` of the bench's build (SITE, not dist/) on BENCH_PORT, resolved once it answers. Its own process group, so
 * that stopPreview() ends vite too, not only npx (an orphaned server kept the port and, through
 * its open stderr pipe, kept the bench process from exiting).
 */
export async function startPreview(): Promise<ChildProcess> {
  const child = spawn(
    'npx',
    ['vite', 'preview', '--outDir', SITE, '--port', String(PORT), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(BASE_URL);
      if (r.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopPreview(child);
  throw new Error(`vite preview did not start on port ${PORT}`);
}

export function stopPreview(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill(); // the group is gone already, or this platform has none
  }
  child.stderr?.destroy();
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms),
    ),
  ]);
}
