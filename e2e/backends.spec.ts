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
