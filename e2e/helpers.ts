/** Page helpers shared by the training e2e specs: elements by role and accessible name. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const TINY = 'shoppers=40&minh=4&maxh=8&T=6&emb=4&batch=16&eval=5';
export const MODELS = ['Base', 'DIN', 'DIEN'] as const;

export function open(page: Page, extra = ''): Promise<unknown> {
  return page.goto(`./?${TINY}${extra ? `&${extra}` : ''}`);
}

export const backendStatus = (page: Page) => page.getByRole('status', { name: 'Backend' });
export const stepButton = (page: Page) => page.getByRole('button', { name: 'Step', exact: true });

export async function stepCount(page: Page): Promise<number> {
  const text = await page.getByText(/^Step \d+ · epoch/).textContent();
  const m = /^Step (\d+)/.exec(text ?? '');
  if (!m) throw new Error(`no step counter in "${text}"`);
  return Number(m[1]);
}

/** The value of term `term` in the model card `model`. */
export function cardValue(page: Page, model: string, term: string) {
  return page
    .getByRole('article', { name: model, exact: true })
    .locator('dt', { hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

export async function losses(page: Page): Promise<string[]> {
  return Promise.all(
    MODELS.map(async (m) => (await cardValue(page, m, 'Training loss').textContent()) ?? ''),
  );
}

/** Wait until the page is ready to train (the Step button is enabled). */
export async function ready(page: Page): Promise<void> {
  await expect(stepButton(page)).toBeEnabled({ timeout: 120_000 });
}

export async function stepOnce(page: Page): Promise<void> {
  const before = await stepCount(page);
  await stepButton(page).click();
  await expect.poll(() => stepCount(page), { timeout: 90_000 }).toBe(before + 1);
}
