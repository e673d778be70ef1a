/**
 * Faults never cost the reader's work (issue 11): a training worker that vanishes without an
 * error event (self.close()) is noticed through its lifeline lock, restarted on the same backend
 * from its last checkpoint, and the curves, rewind snapshots and counters before it are kept.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { open, ready, stepButton, stepCount } from './helpers';

async function trainingWorker(page: Page): Promise<Worker> {
  for (const w of page.workers()) {
    // The scoring worker is the same file started under the name "scorer".
    if ((await w.evaluate(() => (self as unknown as { name: string }).name)) === '') return w;
  }
  throw new Error('no training worker');
}

test('a training worker that vanishes is restarted from its checkpoint, keeping curves and snapshots', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await open(page, 'backend=wasm');
  await ready(page);
  // Past a few rewind snapshots (every 20 steps) and checkpoints.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(60);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  const before = await stepCount(page);
  const scrubber = page.getByRole('slider', { name: 'Rewind to step' });
  await expect(scrubber).toBeEnabled();

  const worker = await trainingWorker(page);
  // Closed from inside on a later task, so the evaluate call itself returns first.
  await worker.evaluate(() => {
    setTimeout(() => self.close(), 0);
  });

  const notice = page.getByText(
    /The training worker stopped \(the training worker closed unexpectedly\)\. Restarting it on WASM from the weights of step \d+/,
  );
  await expect(notice).toBeVisible({ timeout: 20_000 });
  const from = Number(/of step (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
  expect(from).toBeGreaterThanOrEqual(40);
  expect(from).toBeLessThanOrEqual(before);
  // It says exactly which steps were lost.
  if (from < before) await expect(notice).toContainText(`Steps ${from + 1}–${before} are lost`);
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBe(from);
  await ready(page);
  const after = from;
  // Same backend; the curves and the rewind snapshots before the checkpoint are still there.
  await expect(page.getByRole('status', { name: 'Backend' })).toHaveText(/^WASM/);
  await expect(page.getByRole('img', { name: /^Training loss: step \d+/ })).toBeVisible();
  await expect(scrubber).toBeEnabled();
  await scrubber.focus();
  await page.keyboard.press('Home');
  await expect(scrubber).toHaveAttribute('aria-valuetext', `step 0 of ${after}`);
  await page.getByRole('button', { name: 'Back to live' }).click();

  // Training goes on from there.
  await stepButton(page).click();
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBe(after + 1);
});
