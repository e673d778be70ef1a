/**
 * The explainer page end to end, driven like a reader would: by role and accessible name only.
 * Runs against the built site with a tiny world (URL parameters) on a CPU-side backend so the
 * suite stays fast under a software GPU.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goodByName } from '../src/world/catalogue';

/** A small world and model: enough data for DIN to learn the lesson, fast on wasm. */
const TINY = 'backend=wasm&shoppers=400&minh=4&maxh=12&T=10&emb=6&batch=32&lr=0.01&eval=10';

const history = (page: Page) => page.getByRole('list', { name: 'Purchase history' });
const items = (page: Page) => history(page).getByRole('listitem');
const candidate = (page: Page) => page.getByLabel('Candidate ad');
const backend = (page: Page) => page.getByRole('status', { name: 'Backend' });

async function ready(page: Page) {
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeEnabled({
    timeout: 120_000,
  });
}

/** DIN's weight of a purchase, read from its bar's accessible name ("mouse: attention 0.42"). */
async function weight(page: Page, name: string): Promise<number> {
  const label = await page
    .getByRole('img', { name: new RegExp(`^${name}: attention -?\\d`) })
    .first()
    .getAttribute('aria-label');
  return Number(label?.split('attention ')[1]);
}

/** The three cards' predicted CTRs, e.g. "51.2% 49.8% 50.1%". */
async function predictions(page: Page): Promise<string> {
  const out: string[] = [];
  for (const m of ['Base', 'DIN', 'DIEN']) {
    out.push(
      (await page
        .getByRole('article', { name: m })
        .getByRole('definition')
        .first()
        .textContent()) ?? '',
    );
  }
  return out.join(' ');
}

async function stepTo(page: Page, target: number) {
  const counter = page.getByText(/^Step \d+ · epoch/);
  for (;;) {
    const text = (await counter.textContent()) ?? '';
    const step = Number(/^Step (\d+)/.exec(text)?.[1] ?? 0);
    if (step >= target) return;
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await expect(counter).not.toHaveText(text, { timeout: 60_000 });
  }
}

test('first paint shows the shop, the lesson history and the narrative; cards load', async ({
  page,
}) => {
  await page.goto(`./?${TINY}`);
  await expect(items(page)).toHaveText([/mouse/, /T-shirt/, /face wash/]);
  await expect(candidate(page)).toHaveValue(String(goodByName('keyboard').id));
  await expect(page.getByRole('heading', { name: /Selective attention/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add keyboard' })).toBeVisible();
  await ready(page);
  await expect(backend(page)).toContainText(/wasm|WASM/);
  await expect(page.getByRole('img', { name: /^mouse: attention -?\d/ })).toBeVisible();
  await expect(page.getByRole('article', { name: 'DIN' })).toContainText('%');
  // Inside the activation unit: the MLP's hidden activations for the inspected purchase.
  await expect(page.getByRole('img', { name: /^hidden layer 1 \(36 units\): \[/ })).toBeVisible();
});

test('editing by mouse and keyboard changes the list and the predictions', async ({ page }) => {
  await page.goto(`./?${TINY}`);
  await ready(page);
  // A few steps first: freshly initialised models barely depend on their input.
  await stepTo(page, 10);
  await expect(page.getByRole('img', { name: /^face wash: attention/ })).toBeVisible();
  const before = await predictions(page);

  // Add by click.
  await page.getByRole('button', { name: 'Add headset' }).click();
  await expect(items(page)).toHaveText([/mouse/, /T-shirt/, /face wash/, /headset/]);
  await expect(page.getByRole('img', { name: /^headset: attention/ })).toBeVisible();
  await expect.poll(() => predictions(page)).not.toBe(before);

  // Remove by click.
  await page.getByRole('button', { name: 'Remove T-shirt' }).click();
  await expect(items(page)).toHaveText([/mouse/, /face wash/, /headset/]);

  // Reorder by button (mouse) and by keyboard (Enter on a move button, Alt+Arrow on an item).
  await page.getByRole('button', { name: 'Move mouse right' }).click();
  await expect(items(page)).toHaveText([/face wash/, /mouse/, /headset/]);
  await page.getByRole('button', { name: 'Move headset left' }).focus();
  await page.keyboard.press('Enter');
  await expect(items(page)).toHaveText([/face wash/, /headset/, /mouse/]);
  await items(page).nth(2).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(items(page)).toHaveText([/mouse/, /face wash/, /headset/]);

  // Reorder by drag and drop.
  await items(page).nth(0).dragTo(items(page).nth(2));
  await expect(items(page)).toHaveText([/face wash/, /headset/, /mouse/]);

  // Clear, then undo keeps the reader's work.
  await page.getByRole('button', { name: 'Clear history' }).click();
  await expect(items(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(items(page)).toHaveCount(3);

  // The lesson preset restores the keyboard example.
  await page.getByRole('button', { name: 'Lesson example' }).click();
  await expect(items(page)).toHaveText([/mouse/, /T-shirt/, /face wash/]);
  await expect(candidate(page)).toHaveValue(String(goodByName('keyboard').id));
});

test('after training DIN attends to the mouse for the keyboard, and the candidate moves the weights', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto(`./?${TINY}`);
  await ready(page);
  await page.getByLabel(/Speed/).selectOption('20');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(
      async () => {
        const [m, t, f] = [
          await weight(page, 'mouse'),
          await weight(page, 'T-shirt'),
          await weight(page, 'face wash'),
        ];
        return m > t && m > f;
      },
      { timeout: 400_000, intervals: [2000] },
    )
    .toBe(true);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Curves and results table filled in.
  await expect(page.getByRole('img', { name: /^Training loss: step \d+/ })).toBeVisible();
  const results = page.getByRole('table', { name: /Results on this toy world/ });
  await expect(
    results
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'DIN', exact: true }) }),
  ).toContainText(/0\.\d{4}/);
  // A different candidate gives different weights for the same purchases.
  const mouseForKeyboard = await weight(page, 'mouse');
  await candidate(page).selectOption(String(goodByName('lipstick').id));
  await expect.poll(() => weight(page, 'mouse')).not.toBe(mouseForKeyboard);
});

test('steps advance the counters, curves and the results table', async ({ page }) => {
  await page.goto(`./?${TINY}`);
  await ready(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByText(/^Step 1 · epoch/)).toBeVisible();
  await stepTo(page, 20);
  await expect(page.getByRole('img', { name: /^Training loss: step \d+/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Test AUC: step \d+/ })).toBeVisible();
  const results = page.getByRole('table', { name: /Results on this toy world/ });
  await expect(results).toContainText(/0\.\d{4}/);
  const baseRow = results
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Base', exact: true }) });
  // RelaImpr of Base against itself: 0% once Base's AUC is clear of chance, else hidden and said why.
  await expect(baseRow).toContainText(/\+0\.00%|within noise/);
  if (((await baseRow.textContent()) ?? '').includes('within noise'))
    await expect(
      page.getByText(/^RelaImpr is shown once Base’s and the model’s AUC/),
    ).toBeVisible();
});

test('a copied URL reproduces the page state', async ({ page, context }) => {
  await page.goto(`./?${TINY}`);
  await page.getByRole('button', { name: 'Interest shift' }).click();
  await page.getByRole('button', { name: 'Add game controller' }).click();
  await candidate(page).selectOption(String(goodByName('headset').id));
  await page.getByText(/^Settings/).click();
  await page.getByLabel('Activation-unit input').selectOption('dot');
  await expect(history(page).getByRole('listitem')).toHaveCount(8);
  await page.getByLabel('Language').selectOption('zh');
  await expect.poll(() => page.url()).toContain('lang=zh');
  const url = page.url();
  // The purchases as the Chinese page names them (goods have Chinese names there).
  const zhHistory = (p: typeof page) =>
    p.getByRole('list', { name: '购买历史' }).getByRole('listitem');
  const names = await zhHistory(page).allTextContents();
  expect(names.length).toBe(8);
  expect(names.join(' ')).toMatch(/[\u4e00-\u9fff]/);

  const copy = await context.newPage();
  await copy.goto(url);
  await expect(zhHistory(copy)).toHaveText(names);
  await expect(copy.getByLabel('候选广告')).toHaveValue(String(goodByName('headset').id));
  await expect(copy.getByLabel('激活单元输入')).toHaveValue('dot');
  await expect(copy.getByRole('heading', { name: /选择性注意力/ })).toBeVisible();
});

test('a garbage URL does not crash: it says what was ignored and keeps the rest', async ({
  page,
}) => {
  await page.goto(`./?${TINY}&h=2.zz.999.12&c=abc&T=-4&lr=lots&cell=lstm&%E0%A4%A=1`);
  await expect(page.getByText(/Parts of the link were ignored/)).toBeVisible();
  await expect(items(page)).toHaveText([/mouse/, /T-shirt/]);
  await ready(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByText(/^Step 1 · epoch/)).toBeVisible();
});

test('keyboard only: edit, pick a candidate and train without a mouse', async ({ page }) => {
  await page.goto(`./?${TINY}`);
  await ready(page);
  // Tab from the top of the page to the first preset button.
  const lesson = page.getByRole('button', { name: 'Interest shift' });
  for (let i = 0; i < 30 && !(await lesson.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(lesson).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(items(page).first()).toContainText('basketball shoes');
  const n = await items(page).count();
  // Into the candidate picker and choose with arrows.
  await candidate(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(candidate(page)).not.toHaveValue(String(goodByName('keyboard').id));
  // Add a good from the shop with Enter, remove one with Delete.
  await page.getByRole('button', { name: 'Add teapot' }).focus();
  await page.keyboard.press('Enter');
  await expect(items(page)).toHaveCount(n + 1);
  await items(page).first().focus();
  await page.keyboard.press('Delete');
  await expect(items(page)).toHaveCount(n);
  // Train with Space on the buttons.
  await page.getByRole('button', { name: 'Step ×10' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(/^Step 10 · epoch/)).toBeVisible({ timeout: 60_000 });
});

for (const width of [1280, 375]) {
  test(`screenshot at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width > 400 ? 900 : 800 });
    await page.goto(`./?${TINY}`);
    await ready(page);
    await stepTo(page, 20);
    await expect(page.getByRole('img', { name: /^mouse: attention/ })).toBeVisible();
    // Nothing may overflow the viewport sideways.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/explainer-${width}.png`, fullPage: true });
    // Viewport-sized slices too: a full page shrunk to fit a viewer hides the details.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const slice = width > 400 ? 900 : 800;
    for (let y = 0, i = 0; y < height && i < 12; y += slice, i++) {
      await page.screenshot({
        path: `test-results/explainer-${width}-${i}.png`,
        fullPage: true,
        clip: { x: 0, y, width, height: Math.min(slice, height - y) },
      });
    }
  });
}
