/**
 * Issue 14, nothing lost: a reload resumes the saved run at its step with its curves, its rewind
 * snapshots and the runs panel's kept runs; Start fresh forgets it; a tab that dies mid-save
 * loads the last complete save; a corrupted record is set aside with a message; blocked storage
 * says the run is not saved and training goes on.
 */
import { test, expect } from './fixtures';
import { open, ready, stepCount, stepOnce } from './helpers';

const savedRun = (page: import('@playwright/test').Page) =>
  page.getByRole('status', { name: 'Saved run' });

/** What the autosave database holds: the current record's step and run keys, every key. */
function stored(page: import('@playwright/test').Page) {
  return page.evaluate(
    () =>
      new Promise<{ step: number; named: number[]; sessions: number; runs: number[] }>(
        (resolve) => {
          const none = { step: -1, named: [] as number[], sessions: 0, runs: [] as number[] };
          const r = indexedDB.open('din-dien-explainer');
          r.onerror = () => resolve(none);
          r.onsuccess = () => {
            const db = r.result;
            if (!db.objectStoreNames.contains('runs')) return resolve(none);
            const tx = db.transaction(['meta', 'sessions', 'runs']);
            const out = { ...none };
            tx.objectStore('sessions').count().onsuccess = (e) =>
              (out.sessions = (e.target as IDBRequest<number>).result);
            tx.objectStore('runs').getAllKeys().onsuccess = (e) =>
              (out.runs = (e.target as IDBRequest<number[]>).result);
            tx.objectStore('meta').get('current').onsuccess = (e) => {
              const key = (e.target as IDBRequest<number | undefined>).result;
              if (key === undefined) return;
              tx.objectStore('sessions').get(key).onsuccess = (f) => {
                const rec = (f.target as IDBRequest).result as {
                  checkpoint: { step: number };
                  runs?: { keys: number[] };
                };
                out.step = rec.checkpoint.step;
                out.named = rec.runs?.keys ?? [];
              };
            };
            tx.oncomplete = () => {
              db.close();
              resolve(out);
            };
          };
        },
      ),
  );
}

const runsRegion = (page: import('@playwright/test').Page) =>
  page.getByRole('region', { name: 'Runs', exact: true });
const runItem = (page: import('@playwright/test').Page, n: number) =>
  runsRegion(page)
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^Run ${n}(?!\\d)`) });
const scrubber = (page: import('@playwright/test').Page) =>
  page.getByRole('slider', { name: 'Rewind to step' });

/** The rewind scrubber's first stop, as it reads it ("step 0 of 10"). */
async function firstStop(page: import('@playwright/test').Page): Promise<string | null> {
  await expect(scrubber(page)).toBeEnabled();
  await scrubber(page).focus();
  await page.keyboard.press('Home');
  const text = await scrubber(page).getAttribute('aria-valuetext');
  await page.getByRole('button', { name: 'Back to live' }).click();
  return text;
}

test('a reload brings back the kept runs and the rewind snapshots with the current run', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await open(page, 'backend=wasm&attn=diffprod');
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect.poll(() => stepCount(page)).toBe(10);
  await page.getByText(/^Settings/).click();
  await page.getByRole('combobox', { name: 'Activation-unit input' }).selectOption('dot');
  await expect(runsRegion(page).getByRole('listitem')).toHaveCount(2);
  await expect.poll(() => stepCount(page)).toBe(0);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect.poll(() => stepCount(page)).toBe(10);
  // The record of step 10 names one kept run, and that run's record is all the runs store has.
  await expect
    .poll(
      async () => {
        const s = await stored(page);
        return [s.step, s.named.length, s.runs.length, s.sessions];
      },
      { timeout: 20_000 },
    )
    .toEqual([10, 1, 1, 1]);
  const stop = await firstStop(page);
  expect(stop).toMatch(/^step \d+ of 10$/);

  await page.reload();
  await expect(savedRun(page)).toContainText('Resumed the run saved at step 10', {
    timeout: 60_000,
  });
  await expect.poll(() => stepCount(page)).toBe(10);
  await expect(runsRegion(page).getByRole('listitem')).toHaveCount(2);
  await expect(runItem(page, 1)).toContainText(/^Run 1step 10(?!\d)/);
  await expect(runItem(page, 2)).toContainText('training now, step 10');
  // The same rewind snapshots as before the reload.
  expect(await firstStop(page)).toBe(stop);
  if (process.env.PERSIST_SHOTS)
    for (const [what, where] of [
      ['runs', 'section.runs'],
      ['saved', '.saved-run'],
      ['rewind', '.rewind'],
    ])
      await page
        .locator(where)
        .first()
        .screenshot({ path: `test-results/persist-shots/${what}.png` });
  // The kept run resumes from its own weights and settings, as before the reload.
  await ready(page);
  await page.getByRole('button', { name: 'Resume Run 1' }).click();
  await expect(runItem(page, 1)).toContainText('training now, step 10');
  await page.getByText(/^Settings/).click();
  await expect(page.getByRole('combobox', { name: 'Activation-unit input' })).toHaveValue(
    'diffprod',
  );
  await stepOnce(page);
  expect(await stepCount(page)).toBe(11);
  await expect.poll(async () => (await stored(page)).step, { timeout: 20_000 }).toBe(11);

  // A link of other settings: the saved runs join its panel, and the saved one is offered.
  await open(page, 'backend=wasm&attn=outer');
  await expect(savedRun(page)).toContainText(
    'A run saved at step 11 has other settings than this link',
    { timeout: 60_000 },
  );
  await expect(runsRegion(page).getByRole('listitem')).toHaveCount(3);
  await expect(runItem(page, 1)).toContainText(/^Run 1step 11(?!\d)/);
  await expect(runItem(page, 2)).toContainText(/^Run 2step 10(?!\d)/);
  await expect(runItem(page, 3)).toContainText('training now');
  await ready(page);
  await savedRun(page).getByRole('button', { name: 'Resume the saved run' }).click();
  await expect(savedRun(page)).toContainText('Resumed the run saved at step 11');
  await expect(runItem(page, 1)).toContainText('training now, step 11');
  await expect.poll(() => stepCount(page)).toBe(11);
});

test('a tab that dies mid-save: the next load resumes the last complete save, none of the half one', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  // Test-only: while __stall is set, a save's transaction writes its record, then never moves
  // the pointer and is kept open (reads issued forever), as a save the tab dies in.
  await page.addInitScript(() => {
    const w = window as unknown as { __stall?: boolean; __stalled?: string[] };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value, key) {
      if (!w.__stall) return put.call(this, value, key);
      w.__stalled ??= [];
      w.__stalled.push(this.name);
      if (this.name !== 'meta' || key !== 'current') return put.call(this, value, key);
      const spin = () => {
        this.get('current').onsuccess = spin;
      };
      spin();
      return new Promise(() => undefined) as unknown as IDBRequest<IDBValidKey>;
    };
  });
  await open(page, 'backend=wasm');
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect.poll(() => stepCount(page)).toBe(10);
  await expect.poll(async () => (await stored(page)).step, { timeout: 20_000 }).toBe(10);
  const complete = await stored(page);

  await page.evaluate(() => ((window as unknown as { __stall: boolean }).__stall = true));
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect.poll(() => stepCount(page)).toBe(20);
  // Step 20's save is under way: its record was written inside the open transaction.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __stalled?: string[] }).__stalled), {
      timeout: 20_000,
    })
    .toEqual(['sessions', 'meta']);
  const url = page.url();
  await page.close();

  const next = await context.newPage();
  await next.goto(url);
  await expect(savedRun(next)).toContainText('Resumed the run saved at step 10', {
    timeout: 60_000,
  });
  await expect.poll(() => stepCount(next)).toBe(10);
  // Exactly the complete save's record: nothing of step 20's transaction was kept.
  expect(await stored(next)).toEqual(complete);
  await ready(next);
  await stepOnce(next);
});

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
        // Whatever version the page has opened it at (a version-1 database if not yet).
        const r = indexedDB.open('din-dien-explainer');
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
  // The cards' CTRs come from the scoring worker, one report behind at most: read them once
  // they are the step-10 weights' (the line says "still from step …" until then).
  await expect(page.getByText(/Predicted CTRs still from step/)).toHaveCount(0);
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
