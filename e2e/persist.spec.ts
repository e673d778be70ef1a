/**
 * Issue 14, nothing lost: a reload resumes the saved run at its step with its curves; Start
 * fresh forgets it; a corrupted record is set aside with a message; blocked storage says the run
 * is not saved and training goes on.
 */
import { test, expect } from './fixtures';
import { open, ready, stepCount, stepOnce } from './helpers';

const savedRun = (page: import('@playwright/test').Page) =>
  page.getByRole('status', { name: 'Saved run' });

test('a reload resumes the saved run; Start fresh forgets it', async ({ page }) => {
  await open(page, 'backend=wasm');
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect.poll(() => stepCount(page)).toBe(10);
  // Half a second after the steps settle, the live state is saved: wait for step 10's record.
  const savedStep = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const r = indexedDB.open('din-dien-explainer');
          r.onsuccess = () => {
            const db = r.result;
            if (!db.objectStoreNames.contains('meta')) return resolve(-1);
            const tx = db.transaction(['meta', 'sessions']);
            const key = tx.objectStore('meta').get('current');
            key.onsuccess = () => {
              if (key.result === undefined) return resolve(-1);
              const rec = tx.objectStore('sessions').get(key.result as IDBValidKey);
              rec.onsuccess = () =>
                resolve((rec.result as { checkpoint: { step: number } }).checkpoint.step);
            };
          };
          r.onerror = () => resolve(-1);
        }),
    );
  await expect.poll(savedStep, { timeout: 20_000 }).toBe(10);
  await page.reload();
  await expect(savedRun(page)).toBeVisible({ timeout: 60_000 });
  await expect(savedRun(page)).toContainText('Resumed the run saved at step 10');
  // The counter, the curves' last point and training all go on from step 10.
  await expect.poll(() => stepCount(page)).toBe(10);
  await ready(page);
  await stepOnce(page);
  expect(await stepCount(page)).toBe(11);
  await savedRun(page).getByRole('button', { name: 'Start fresh' }).click();
  await expect.poll(() => stepCount(page)).toBe(0);
  await page.reload();
  await ready(page);
  await expect(savedRun(page)).toHaveCount(0);
  expect(await stepCount(page)).toBe(0);
});

test('a corrupted saved record is set aside with a message; the page works', async ({ page }) => {
  await open(page, 'backend=wasm');
  await ready(page);
  // A record that claims to be a session but holds garbage, as a crash or a bug could leave.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const r = indexedDB.open('din-dien-explainer', 1);
        r.onupgradeneeded = () => {
          r.result.createObjectStore('sessions');
          r.result.createObjectStore('meta');
        };
        r.onsuccess = () => {
          const tx = r.result.transaction(['sessions', 'meta'], 'readwrite');
          tx.objectStore('sessions').put(
            { format: 'din-dien-explainer/session', version: 1, checkpoint: 'garbage' },
            7,
          );
          tx.objectStore('meta').put(7, 'current');
          tx.oncomplete = () => resolve();
        };
      }),
  );
  await page.reload();
  await expect(savedRun(page)).toContainText('could not be loaded and was set aside', {
    timeout: 60_000,
  });
  await ready(page);
  await stepOnce(page);
});

test('blocked storage: the page says the run is not saved, and training goes on', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException(
          'The user denied permission to access the database.',
          'SecurityError',
        );
      },
    });
  });
  await open(page, 'backend=wasm');
  await ready(page);
  await expect(page.getByText(/This run is not being saved/)).toBeVisible({ timeout: 30_000 });
  await stepOnce(page);
});

test('a session file taken to a fresh browser goes on where it was; a bad one changes nothing', async ({
  page,
  browser,
}) => {
  await open(page, 'backend=wasm');
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect.poll(() => stepCount(page)).toBe(10);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download session file' }).click(),
  ]);
  const path = await file.path();
  const din = await page
    .getByRole('article', { name: 'DIN', exact: true })
    .locator('dt', { hasText: /^Predicted CTR$/ })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();

  // Another browser profile: nothing saved there.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await open(fresh, 'backend=wasm&emb=6');
  await ready(fresh);
  // A broken file first: a message, and the page stays at step 0 with its own settings.
  await fresh.getByLabel('Open a session file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"din-dien-explainer/session-file","version":1,"session":{'),
  });
  await expect(fresh.getByRole('alert')).toContainText(
    'This file could not be opened: it is not a session file (not JSON, or cut short). Your current work is unchanged.',
  );
  expect(await stepCount(fresh)).toBe(0);
  // The real one: the run, its settings and its predictions come back.
  await fresh.getByLabel('Open a session file').setInputFiles(path);
  await expect(fresh.getByRole('status', { name: 'Saved run' })).toContainText(
    'Resumed the run saved at step 10',
  );
  await expect.poll(() => stepCount(fresh)).toBe(10);
  await expect
    .poll(() => new URL(fresh.url()).searchParams.get('emb'))
    .toBe(new URL(page.url()).searchParams.get('emb'));
  await expect(
    fresh
      .getByRole('article', { name: 'DIN', exact: true })
      .locator('dt', { hasText: /^Predicted CTR$/ })
      .locator('xpath=following-sibling::dd[1]'),
  ).toHaveText(din ?? '');
  await other.close();
});
