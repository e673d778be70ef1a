/**
 * Issue 12, the first minute: with only a software WebGPU adapter (the headless default here) the
 * page trains on WASM and says why; the backend picker switches backend and training goes on from
 * the same step; the busy line and the buttons follow the engine.
 */
import { test, expect } from './fixtures';
import { backendStatus, open, ready, stepCount, stepOnce } from './helpers';

const picker = (page: import('@playwright/test').Page) =>
  page.getByRole('combobox', { name: 'Train on' });

test('a software WebGPU is not the default: WASM is, the badge says why, the picker switches', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await open(page);
  // Before the engine is up the buttons cannot act, and the busy line says what is happening.
  await expect(page.getByRole('status', { name: 'Engine' })).toHaveText(/Starting|Evaluating|^$/);
  await expect(backendStatus(page)).toHaveText(
    /^WASM — WebGPU and WebGL here are software emulators, far slower than WASM on this page/,
    { timeout: 60_000 },
  );
  await ready(page);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeDisabled();
  await stepOnce(page);
  await stepOnce(page);
  // A few steps on WASM give it a measured speed in the picker.
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect.poll(() => stepCount(page)).toBe(12);
  await expect(picker(page).locator('option[value="wasm"]')).toHaveText(
    /^WASM · [\d.,]+ ms per step$/,
  );
  await expect(picker(page).locator('option[value="webgpu"]')).toHaveText(
    'WebGPU · software emulator · not measured yet',
  );
  await expect(picker(page).locator('option[value="auto"]')).toHaveText('Automatic (WASM)');

  // Switch to WebGPU: the weights and the step carry over, the link follows the choice.
  await picker(page).selectOption('webgpu');
  await expect(backendStatus(page)).toHaveText(/^WebGPU \(software adapter\) — forced/, {
    timeout: 60_000,
  });
  await ready(page);
  expect(await stepCount(page)).toBe(12);
  await expect.poll(() => new URL(page.url()).searchParams.get('backend')).toBe('webgpu');
  await stepOnce(page);
  expect(await stepCount(page)).toBe(13);

  // Back to automatic: WASM again, still from the same step.
  await picker(page).selectOption('auto');
  await expect(backendStatus(page)).toHaveText(/^WASM — /, { timeout: 60_000 });
  await ready(page);
  expect(await stepCount(page)).toBe(13);
  await expect.poll(() => new URL(page.url()).searchParams.get('backend')).toBeNull();
});

test('the way around: a skip link, contents, the shop as one tab stop, Settings without an inner scroll', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, 'backend=wasm');
  await ready(page);
  // The first Tab reaches the skip link; following it lands by the training buttons.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the training controls' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeFocused();

  // The contents list every section.
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('link')).toHaveCount(12);
  await contents.getByRole('link', { name: '6. Training curves and results' }).click();
  await expect(
    page.getByRole('heading', { name: '6. Training curves and results' }),
  ).toBeInViewport();

  // The shop: arrow keys move between goods, one Tab leaves it.
  const shop = page.getByRole('toolbar', { name: 'The shop' });
  const goods = shop.getByRole('button');
  const first = goods.first();
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(goods.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(goods.last()).toBeFocused();
  expect(await shop.locator('button[tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[role=toolbar]'))).toBeNull();

  // Settings open in the page's own scroll: the training column has no scrollbar of its own.
  await page.getByText('Settings (changing one restarts training)').click();
  await page.getByRole('combobox', { name: 'Batch size' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('combobox', { name: 'Batch size' })).toBeInViewport();
  const side = await page.getByRole('complementary', { name: 'Training' }).evaluate((el) => ({
    scroll: el.scrollHeight,
    client: el.clientHeight,
    overflow: getComputedStyle(el).overflowY,
  }));
  expect(side.overflow).toBe('visible');
});
