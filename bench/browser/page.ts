/**
 * The real page (index.html), as a reader gets it: loading (first paint, engine ready, first
 * trained step), then long tasks while training plays and edit latency, paused and playing.
 */
import type { Browser, Page } from '@playwright/test';
import { BASE_URL, log, P, quick } from '../cli';
import type { PageRun, Responsiveness, Results } from '../types';
import { edits } from './edits';

const LONGTASK_SCRIPT = `
  window.__longtasks = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

declare global {
  interface Window {
    __longtasks: { start: number; duration: number }[];
  }
}

async function stepCount(page: Page): Promise<number> {
  const text = (await page.getByText(/^Step \d+ · epoch/).textContent()) ?? '';
  return Number(/^Step (\d+)/.exec(text)?.[1] ?? NaN);
}

async function openPage(browser: Browser, backend: string): Promise<{ page: Page; run: PageRun }> {
  const context = await browser.newContext();
  await context.addInitScript(LONGTASK_SCRIPT);
  const page = await context.newPage();
  const q = backend === 'auto' ? '' : `?backend=${backend}`;
  await page.goto(`${BASE_URL}${q}`);
  const stepBtn = page.getByRole('button', { name: 'Step', exact: true });
  await stepBtn.waitFor({ state: 'visible', timeout: 60_000 });
  const fcpMs = await page.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      const e = performance.getEntriesByName('first-contentful-paint')[0];
      if (e) return e.startTime;
      await new Promise((r) => setTimeout(r, 50));
    }
    return NaN;
  });
  // Polled through Playwright's own role/name matching (the same as the e2e tests).
  const poll = async (pred: () => Promise<boolean>, ms: number, what: string) => {
    const end = Date.now() + ms;
    while (!(await pred())) {
      if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
      await page.waitForTimeout(20);
    }
    return page.evaluate(() => performance.now());
  };
  const readyMs = await poll(() => stepBtn.isEnabled(), 180_000, 'Step enabled');
  await stepBtn.click();
  const firstStepMs = await poll(
    async () => (await stepCount(page).catch(() => 0)) >= 1,
    180_000,
    'first step',
  );
  const backendLabel =
    (await page
      .getByRole('status', { name: 'Backend' })
      .textContent()
      .catch(() => '')) ?? '';
  return { page, run: { backend, fcpMs, readyMs, firstStepMs, backendLabel: backendLabel.trim() } };
}

export async function pagePhase(browser: Browser, res: Results): Promise<void> {
  const loading = res.loading;
  if (!loading) throw new Error(`the page phase needs a build: none in the bench's folder`);
  const reps = quick ? 1 : 3;
  for (const backend of ['wasm', 'auto']) {
    for (let r = 0; r < (backend === 'auto' ? 1 : reps); r++) {
      log(`page load ${backend} #${r + 1}`);
      try {
        const { page, run } = await openPage(browser, backend);
        loading.pages.push(run);
        log(
          `  FCP ${run.fcpMs.toFixed(0)} ms, ready ${run.readyMs.toFixed(0)} ms, first step ${run.firstStepMs.toFixed(0)} ms (${run.backendLabel})`,
        );
        const isLast = r === (backend === 'auto' ? 0 : reps - 1);
        if (isLast)
          res.responsiveness!.push({
            ...(await responsiveness(page, backend)),
            backendLabel: run.backendLabel,
          });
        await page.context().close();
      } catch (e) {
        res.errors.push(`page ${backend}: ${String(e)}`);
        log(`  failed: ${String(e)}`);
      }
    }
  }
}

async function responsiveness(page: Page, backend: string): Promise<Responsiveness> {
  log(`responsiveness ${backend}: edits while paused`);
  // A few steps so that the models' outputs depend on the input; all of them done (the counter
  // moves at each read-back, long before the tenth step), so "paused" means nothing trains.
  for (let i = 0; i < 2; i++) {
    const before = await stepCount(page);
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await page.waitForFunction(
      (b) => Number(/Step (\d+) · epoch/.exec(document.body.innerText)?.[1] ?? 0) >= b + 10,
      before,
      { timeout: 180_000 },
    );
  }
  await page.waitForTimeout(1000);
  const idleEdits = await edits(page, P.browser.edits);
  log(`  idle edits p50 ${idleEdits.p50.toFixed(0)} p95 ${idleEdits.p95.toFixed(0)} ms`);
  const s0 = await stepCount(page);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  log(`  playing ${P.browser.playMs / 1000} s`);
  await page.waitForTimeout(P.browser.playMs);
  const t1 = await page.evaluate(() => performance.now());
  const lt = await page.evaluate(
    ([a, b]) => window.__longtasks.filter((e) => e.start >= a && e.start <= b),
    [t0, t1] as const,
  );
  const stepsPlayed = (await stepCount(page)) - s0;
  log(`  edits while playing`);
  const playingEdits = await edits(page, Math.max(6, Math.round(P.browser.edits / 2)));
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const r: Responsiveness = {
    backend,
    playMs: t1 - t0,
    stepsPlayed,
    longTasks: lt.length,
    longestMs: lt.reduce((m, e) => Math.max(m, e.duration), 0),
    over50: lt.filter((e) => e.duration > 50).length,
    idleEdits,
    playingEdits,
  };
  log(
    `  ${stepsPlayed} steps; long tasks ${r.over50}, longest ${r.longestMs.toFixed(0)} ms; playing edits p95 ${playingEdits.p95.toFixed(0)} ms`,
  );
  return r;
}
