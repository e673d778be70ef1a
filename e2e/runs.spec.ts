/**
 * Issue 13's runs in the browser: a changed setting starts a new run and keeps the old one in the
 * region "Runs"; selected runs are overlaid on the curves and put side by side in the results;
 * Resume goes on from a kept run's own step; Delete removes a run. Tiny shapes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { open, ready } from './helpers';

const counter = (page: Page) => page.getByText(/^Step \d+ · epoch/);
const runsRegion = (page: Page) => page.getByRole('region', { name: 'Runs', exact: true });
const run = (page: Page, n: number) =>
  runsRegion(page)
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^Run ${n}(?!\\d)`) });

/** axe over the runs panel, the curves and the results (with kept and selected runs in them). */
async function runsViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .include('.runs')
    .include('.curves')
    .include('.results')
    .analyze();
  return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

async function shots(page: Page, lang: string): Promise<void> {
  if (!process.env.RUNS_SHOTS) return;
  for (const width of [1400, 375]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.locator('section.runs').screenshot({
      path: `test-results/runs-shots/runs-${lang}-${width}.png`,
    });
    await page
      .locator('.curves')
      .screenshot({ path: `test-results/runs-shots/curves-${lang}-${width}.png` });
    await page
      .locator('.results')
      .screenshot({ path: `test-results/runs-shots/results-${lang}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('a changed setting keeps the old run; overlay, side by side, resume and delete', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page, 'attn=diffprod');
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/);
  await expect(run(page, 1)).toContainText('training now, step 10');

  await page.getByText(/^Settings/).click();
  await page.getByRole('combobox', { name: 'Activation-unit input' }).selectOption('dot');
  await expect(counter(page)).toHaveText(/^Step 0 ·/);
  await expect(
    page.getByText(
      'Training restarted: Activation-unit input changed. The old run is kept in Runs as Run 1.',
    ),
  ).toBeVisible();
  await expect(runsRegion(page).getByRole('listitem')).toHaveCount(2);
  await expect(run(page, 1)).toContainText('step 10');
  await expect(run(page, 2)).toContainText(
    'activation-unit input: difference and product → dot product',
  );
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/);

  // Both runs selected: Run 1 drawn over the current curves, both side by side in the results.
  await page.getByRole('checkbox', { name: 'Compare Run 1' }).check();
  await page.getByRole('checkbox', { name: 'Compare Run 2' }).check();
  const curves = page.locator('.curves');
  await expect(curves.getByRole('listitem').filter({ hasText: /^Run 1$/ })).toBeVisible();
  await expect(curves.getByRole('img', { name: /Run 1 DIN/ })).toHaveCount(2);
  const side = page.getByRole('table', { name: 'Selected runs side by side' });
  await expect(side.getByRole('rowheader', { name: 'Run 1' })).toBeVisible();
  await expect(side.getByRole('rowheader', { name: 'Run 2' })).toBeVisible();
  // The link names both runs' settings (over the page's, now Run 2's) and steps, not weights.
  await expect.poll(() => page.url()).toContain('runs=attn_diffprod*n_10-n_10');
  expect(await runsViolations(page)).toEqual([]);
  await shots(page, 'en');
  if (process.env.RUNS_SHOTS) {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await shots(page, 'zh');
    await page.getByRole('combobox', { name: /语言|Language/ }).selectOption('en');
  }

  // Resume Run 1: its own step and settings, and training goes on from there.
  await page.getByRole('button', { name: 'Resume Run 1' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/);
  await expect(page.getByRole('combobox', { name: 'Activation-unit input' })).toHaveValue(
    'diffprod',
  );
  await expect(run(page, 1)).toContainText('training now');
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 20 ·/);
  await expect(run(page, 1)).toContainText('step 20');
  await expect(run(page, 2)).toContainText('step 10');

  await page.getByRole('button', { name: 'Delete Run 2' }).click();
  await expect(runsRegion(page).getByRole('listitem')).toHaveCount(1);
  await expect(side.getByRole('rowheader', { name: 'Run 2' })).toHaveCount(0);
});

test('a copied link lists its runs untrained, and Train reproduces one to its step', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await open(page, 'runs=attn_dot*n_10-attn_cross*n_3');
  await ready(page);
  await expect(
    page.getByText(/runs that could not be read, left out: attn_cross\*n_3$/),
  ).toBeVisible();
  await expect(runsRegion(page).getByRole('listitem')).toHaveCount(2);
  await expect(run(page, 1)).toContainText('not trained yet');
  // The page's own run comes after it, differing by the link's one change.
  await expect(run(page, 2)).toContainText(
    'activation-unit input: dot product → difference and product',
  );
  await page.getByRole('button', { name: 'Train Run 1 to step 10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/);
  await expect(run(page, 1)).toContainText('training now, step 10');
  await page.getByText(/^Settings/).click();
  await expect(page.getByRole('combobox', { name: 'Activation-unit input' })).toHaveValue('dot');
});

test('Repeat over 3 seeds trains seeds s, s+1, s+2 and shows mean ± std', async ({ page }) => {
  test.setTimeout(60_000);
  await open(page, 'tseed=4');
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/);
  await page.getByRole('button', { name: 'Repeat over seeds to step 10' }).click();
  await expect(page.getByText(/^seed [123] of 3, step \d+\/10$/)).toBeVisible();
  const table = page.getByRole('table', {
    name: 'Test metrics at step 10, mean ± sample std over training seeds 4, 5, 6',
  });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row', { name: /^DIN 0\.\d{4} ± 0\.\d{4}/ })).toBeVisible();
  // Each seed is a run of its own, kept in the list.
  await expect(runsRegion(page).getByRole('listitem')).toHaveCount(4);
  await expect(run(page, 4)).toContainText('training seed: 5 → 6');
  expect(await runsViolations(page)).toEqual([]);
});
