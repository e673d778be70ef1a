/**
 * Issue 17's BST on the page: with bst=1 a fourth model trains in the lockstep; its card and its
 * results row show numbers (rewound too, from the curves, which draw BST), the region "BST attention" shows each head's matrix (every row sums
 * to 1, read from the table), and switching BST to plain positions starts a new run with the old
 * one kept in Runs. Tiny shapes. BST_SHOTS=1 writes screenshots under test-results/bst-shots/.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { cardValue, open, ready } from './helpers';

const counter = (page: Page) => page.getByText(/^Step \d+ · epoch/);
const room = (page: Page) => page.getByRole('region', { name: 'BST attention', exact: true });
const runsRegion = (page: Page) => page.getByRole('region', { name: 'Runs', exact: true });
const resultsTable = (page: Page) => page.getByRole('table', { name: /^Results/ });

async function shots(page: Page, lang: string): Promise<void> {
  if (!process.env.BST_SHOTS) return;
  for (const width of [1400, 375]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.locator('section.bst-room').screenshot({
      path: `test-results/bst-shots/room-${lang}-${width}.png`,
    });
    await page
      .locator('.model-cards')
      .screenshot({ path: `test-results/bst-shots/cards-${lang}-${width}.png` });
    await page
      .locator('.results')
      .screenshot({ path: `test-results/bst-shots/results-${lang}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('BST trains next to the others: card, results row, attention matrix, a new run per switch', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await open(page, 'bst=1&bstheads=2');
  await ready(page);
  const row = resultsTable(page).getByRole('row', { name: /^BST/ });
  const bstAuc = row.getByRole('cell').first();
  await expect(bstAuc).toHaveText(/^0\.\d{4}$|^1\.0000$/, { timeout: 60_000 });
  const aucAt0 = await bstAuc.textContent();
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/);

  // The fourth card and the results row, with numbers.
  await expect(cardValue(page, 'BST', 'Predicted CTR')).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(cardValue(page, 'BST', 'Training loss')).toHaveText(/^\d\.\d{4}$/);
  await expect(cardValue(page, 'BST', 'Test AUC')).toHaveText(/^0\.\d{4}$|^1\.0000$/);
  await expect(bstAuc).toHaveText(/^0\.\d{4}$|^1\.0000$/);

  // The curves draw BST: a legend entry, and its AUC in the chart's text.
  await expect(
    page.locator('.curves .legend-list').getByText('BST', { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /^Test AUC: .*BST 0\.\d{4}/ })).toBeVisible();
  // Rewound to step 0, BST's row shows the evaluation of step 0 again (kept in the curves).
  const scrubber = page.getByRole('slider', { name: 'Rewind to step' });
  await scrubber.focus();
  await page.keyboard.press('Home');
  await expect(scrubber).toHaveAttribute('aria-valuetext', 'step 0 of 10');
  await expect(bstAuc).toHaveText(aucAt0 ?? '');
  await expect(cardValue(page, 'BST', 'Test AUC')).toHaveText(aucAt0 ?? '');
  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(scrubber).toHaveAttribute('aria-valuetext', 'Live: step 10');

  // Head 2's matrix: every row (a token reading all of them) sums to 1.
  await expect(room(page)).toBeVisible();
  await room(page).getByRole('radio', { name: 'Head 2' }).check();
  const matrix = room(page).getByRole('table', { name: 'BST attention weights, head 2' });
  await expect(matrix).toBeVisible();
  const rows = await matrix
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => Number(td.textContent))),
    );
  expect(rows.length).toBeGreaterThanOrEqual(2);
  for (const cells of rows) {
    expect(cells.length).toBe(rows.length + 1);
    const sum = cells[cells.length - 1];
    expect(sum).toBeCloseTo(1, 3);
    // Cells are written to 2 decimals: their sum is within half a hundredth per cell.
    const written = cells.slice(0, -1).reduce((s, x) => s + x, 0);
    expect(Math.abs(written - 1)).toBeLessThanOrEqual(0.005 * rows.length + 1e-9);
  }
  await expect(
    room(page).getByRole('table', { name: /^Per kept purchase: DIN’s weight/ }),
  ).toBeVisible();
  await shots(page, 'en');
  const axe = await new AxeBuilder({ page }).include('.bst-room').include('.results').analyze();
  expect(
    axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
  ).toEqual([]);

  // Time gaps → plain positions: a new run, the old one kept in Runs and compared.
  await room(page).getByRole('button', { name: 'Switch BST to plain positions (new run)' }).click();
  await expect(counter(page)).toHaveText(/^Step 0 ·/);
  await expect(runsRegion(page).getByRole('listitem')).toHaveCount(2);
  await expect(runsRegion(page)).toContainText('BST positions: time gaps → plain positions');
  await expect.poll(() => new URL(page.url()).searchParams.get('bstpos')).toBe('position');
  await expect(
    room(page).getByRole('button', { name: 'Switch BST to time gaps (new run)' }),
  ).toBeVisible();

  // Both runs side by side in the results, each with its BST row.
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/);
  await page.getByRole('checkbox', { name: 'Compare Run 1' }).check();
  await page.getByRole('checkbox', { name: 'Compare Run 2' }).check();
  const side = page.getByRole('table', { name: 'Selected runs side by side' });
  await expect(side.getByRole('rowheader', { name: 'BST' })).toHaveCount(2);

  if (process.env.BST_SHOTS) {
    await open(page, 'bst=1&bstheads=2&lang=zh');
    await expect(page.locator('section.bst-room table.bst-matrix')).toBeVisible({
      timeout: 120_000,
    });
    await shots(page, 'zh');
  }
});

test('BST off: the room offers to train it; the Settings group and the time world switch it on', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await open(page);
  await ready(page);
  await expect(page.getByRole('article', { name: 'BST', exact: true })).toHaveCount(0);
  await room(page).getByRole('button', { name: 'Train BST too' }).click();
  await expect(page.getByRole('article', { name: 'BST', exact: true })).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('bst')).toBe('1');

  // The Settings group shows BST's settings while it is on; the world gains a time signal.
  await page.getByText(/^Settings/).click();
  await expect(page.getByRole('checkbox', { name: 'Train BST too' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'BST positions' })).toHaveValue('timeGap');
  await page.getByRole('combobox', { name: 'BST heads' }).selectOption('2');
  await expect.poll(() => new URL(page.url()).searchParams.get('bstheads')).toBe('2');
  if (process.env.BST_SHOTS)
    await page
      .locator('.settings-panel')
      .screenshot({ path: 'test-results/bst-shots/settings-en.png' });

  await ready(page);
  await room(page)
    .getByRole('button', { name: 'Time-informative world with BST (new run)' })
    .click();
  await expect(page.getByRole('combobox', { name: 'Time signal' })).toHaveValue('0.1');
  await expect.poll(() => new URL(page.url()).searchParams.get('tsig')).toBe('0.1');
  await expect(runsRegion(page).getByRole('listitem')).toHaveCount(4);
  await expect(runsRegion(page)).toContainText('time signal: off → 0.1');

  await page.getByRole('checkbox', { name: 'Train BST too' }).uncheck();
  await expect(page.getByRole('article', { name: 'BST', exact: true })).toHaveCount(0);
  await expect(room(page).getByRole('button', { name: 'Train BST too' })).toBeVisible();
});

test('a random shopper of a time world shows the time between purchases; an added one has none', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await open(page, 'bst=1&tsig=0.1');
  await ready(page);
  await page.getByRole('button', { name: 'Random shopper' }).click();
  const strip = page.getByRole('list', { name: 'Purchase history' });
  const later = /^(\d+ (hour|day|month|year)s? later|within the hour)$/;
  const labels = strip.getByText(later);
  // minh=4: at least three purchases in the history, so at least two gaps between them.
  await expect.poll(() => labels.count()).toBeGreaterThanOrEqual(2);
  const n = await strip.getByRole('listitem').count();
  await expect(labels).toHaveCount(n - 1);
  // Text of the purchase, not part of its buttons' names.
  await expect(strip.getByRole('listitem').nth(1)).toContainText(/ later|within the hour/);
  await expect(strip.getByRole('button', { name: /later|within the hour/ })).toHaveCount(0);

  // A purchase from the shop has no time: no gap beside it, and one sentence says why.
  const hint = page.getByText(/^Purchases you added or moved have no time/);
  await expect(hint).toHaveCount(0);
  await page.getByRole('button', { name: 'Add headset' }).click();
  await expect(strip.getByRole('listitem')).toHaveCount(n + 1);
  await expect(labels).toHaveCount(n - 1);
  await expect(hint).toBeVisible();
});
