/**
 * Issue 13's bug lab in the browser: switching on the padding bug starts a new run (the old one
 * kept in Runs) with bugged copies of Base and DIN training next to the correct models; their
 * test AUCs appear in the results table next to the correct DIN's, and the bug's card reads the
 * same numbers. A switch that needs Dice says so and is off. Tiny shapes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { open, ready } from './helpers';

const lab = (page: Page) => page.getByRole('region', { name: 'Bug lab', exact: true });
const counter = (page: Page) => page.getByText(/^Step \d+ · epoch/);
const resultsTable = (page: Page) => page.getByRole('table', { name: /^Results/ });
const aucOf = async (page: Page, row: string) =>
  Number(
    await resultsTable(page)
      .getByRole('row', { name: new RegExp(`^${row}`) })
      .getByRole('cell')
      .first()
      .textContent(),
  );

test('the padding bug trains bugged copies next to the correct models, with their AUC cost', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await open(page);
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/);

  // Dice's statistics bugs compare Dice with Dice: on PReLU the switch is off and says why.
  const frozen = lab(page).getByRole('checkbox', { name: 'Dice: frozen statistics' });
  await expect(frozen).toBeDisabled();
  await expect(
    lab(page)
      .getByText(/Compares Dice with Dice/)
      .first(),
  ).toBeVisible();

  await lab(page).getByRole('checkbox', { name: 'Padding not masked' }).check();
  await expect(counter(page)).toHaveText(/^Step 0 ·/);
  await expect(lab(page).getByRole('status')).toHaveText(
    'Training restarted: Padding not masked changed. The old run is kept in Runs as Run 1.',
  );
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/);

  // The third and fourth models: bugged Base and DIN, in the table next to the correct ones.
  await expect(
    resultsTable(page).getByRole('row', { name: /^DIN \+ Padding not masked/ }),
  ).toBeVisible();
  await expect(
    resultsTable(page).getByRole('row', { name: /^Base \+ Padding not masked/ }),
  ).toBeVisible();
  const din = await aucOf(page, 'DIN(?! \\+)');
  const bugged = await aucOf(page, 'DIN \\+ Padding not masked');
  expect(din).toBeGreaterThan(0);
  expect(bugged).toBeGreaterThan(0);

  // The card reads the same AUCs, and its ΔAUC is their difference.
  const card = lab(page).getByRole('article', { name: 'Padding not masked' });
  const cardRow = card.getByRole('row', { name: /^DIN/ });
  await expect(cardRow.getByRole('cell').nth(0)).toHaveText(din.toFixed(4));
  await expect(cardRow.getByRole('cell').nth(1)).toHaveText(bugged.toFixed(4));
  const delta = (await cardRow.getByRole('cell').nth(2).textContent())!.replace('−', '-');
  expect(Number(delta)).toBeCloseTo(bugged - din, 3);
  await expect(
    card.getByRole('table', { name: /^Live cost on the test set \(at step 10\)/ }),
  ).toBeVisible();

  // The probe on the reader's own history: masked padding leaves the correct DIN's CTR the same
  // at every padding length.
  const probe = card.getByRole('table', { name: /^On your history and candidate/ });
  const padded = probe.getByRole('row', { name: /^DIN CTR, \d+ purchases in \d+ slots/ });
  await expect(padded.first()).toBeVisible();
  const correctCtrs = await padded.evaluateAll((rows) =>
    rows.map((r) => r.querySelectorAll('td')[0]?.textContent),
  );
  expect(correctCtrs.length).toBeGreaterThanOrEqual(2);
  expect(new Set(correctCtrs).size).toBe(1);

  // "Use Dice" starts a new run on Dice, where the statistics bugs can be switched on.
  await lab(page).getByRole('button', { name: 'Use Dice (new run)' }).first().click();
  await expect(counter(page)).toHaveText(/^Step 0 ·/);
  await ready(page);
  await expect(frozen).toBeEnabled();
  expect(new URL(page.url()).searchParams.get('act')).toBe('dice');

  // The link carries the switch; axe has nothing to say about the panel.
  expect(new URL(page.url()).searchParams.get('bugs')).toBe('paddingLeak');
  const axe = await new AxeBuilder({ page }).include('.bug-lab').include('.results').analyze();
  expect(
    axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
  ).toEqual([]);
});
