/**
 * axe-core (the npm package, no network) over the whole page: before training, after a few
 * steps (when curves, tables and the heatmap have content), and in Chinese. Tiny shapes on
 * wasm so each test stays well under a minute on the software renderer.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { open, ready, stepButton, stepCount } from './helpers';

/** One line per violating node: rule, selector and axe's own summary, so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  // Details are closed by default; open them so their content is checked too.
  await page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => (d.open = true));
  });
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
  );
}

async function trainSteps(page: Page, n: number) {
  const start = await stepCount(page);
  for (let i = 0; i < n; i++) {
    await stepButton(page).click();
    await expect.poll(() => stepCount(page), { timeout: 90_000 }).toBe(start + i + 1);
  }
}

test('axe: no violations before and after a few training steps', async ({ page }) => {
  await open(page, 'backend=wasm');
  await ready(page);
  expect(await violations(page)).toEqual([]);
  await trainSteps(page, 3);
  // The views re-score after a step; give the heatmap and trajectories their new content.
  await expect(page.getByRole('group', { name: /^Interest trajectories/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('axe: no violations on the Chinese page after a step', async ({ page }) => {
  await open(page, 'backend=wasm&lang=zh');
  await expect(page.getByRole('button', { name: '单步', exact: true })).toBeEnabled({
    timeout: 120_000,
  });
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: '单步', exact: true }).click();
  await expect(page.getByText(/^第 1 步 · /)).toBeVisible({ timeout: 90_000 });
  expect(await violations(page)).toEqual([]);
});
