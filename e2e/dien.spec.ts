/**
 * Issue 5 end to end: DIEN's interest evolution on the page, driven by role and accessible name.
 * A tiny world on wasm (as in explainer.spec.ts); the DIN-versus-DIEN claim uses the
 * strong-drift world (drift=0.35), whose shoppers change interest often enough that following
 * the order of purchases pays off.
 */
import type { Page } from '@playwright/test';
import { COMPARE_STRINGS, verdictText } from '../src/ui/dien/compareStrings';
import { verdict } from '../src/ui/dien/verdict';
import { expect, test } from './fixtures';
import { cardValue } from './helpers';

const TINY = 'backend=wasm&shoppers=400&minh=4&maxh=12&T=10&emb=6&batch=32&lr=0.01&eval=10';
const SHIFT_PRESET = [
  'basketball shoes',
  'basketball',
  'basketball shoes',
  'football',
  'mouse',
  'headset',
  'monitor',
];

const history = (page: Page) => page.getByRole('list', { name: 'Purchase history' });
const items = (page: Page) => history(page).getByRole('listitem');
const scrubber = (page: Page) => page.getByRole('slider', { name: 'Rewind to step' });
const counter = (page: Page) => page.getByText(/^Step \d+ · epoch/);

async function ready(page: Page) {
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeEnabled({
    timeout: 120_000,
  });
}

async function stepCount(page: Page): Promise<number> {
  return Number(/^Step (\d+)/.exec((await counter(page).textContent()) ?? '')?.[1] ?? -1);
}

/** Play at full speed until the counter reaches `target`, then pause. */
async function trainTo(page: Page, target: number) {
  await page.getByLabel(/Speed/).selectOption('20');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(() => stepCount(page), { timeout: 500_000, intervals: [1000] })
    .toBeGreaterThanOrEqual(target);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Steps already queued in the worker may still land: wait until the counter stands still.
  let last = -1;
  for (let now = await stepCount(page); now !== last; now = await stepCount(page)) {
    last = now;
    await page.waitForTimeout(800);
  }
}

/** Step ×10 until the counter reaches `target` exactly (deterministic: no Play overshoot). */
async function stepTo(page: Page, target: number) {
  for (let step = await stepCount(page); step < target; step = await stepCount(page)) {
    await page.getByRole('button', { name: 'Step ×10' }).click();
    // Progress arrives mid-batch: wait for all ten steps before the next click.
    await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(step + 10);
  }
}

/** Every attention bar's accessible name, in order: "mouse: attention 0.42 | …". */
async function bars(page: Page): Promise<string> {
  const labels = await page
    .getByRole('img', { name: /: attention -?\d/ })
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  return labels.join(' | ');
}

/** The comparison table's "Difference" for a row (DIN, DIEN or True CTR), in percentage points. */
async function gap(page: Page, row: string): Promise<number> {
  const table = page.getByRole('table', { name: /Predicted CTR for the current history/ });
  const cells = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
    .getByRole('cell');
  const text = (await cells.nth(2).textContent()) ?? '';
  const m = /([+−])(\d+\.\d) pts/.exec(text);
  if (!m) throw new Error(`no difference in "${text}"`);
  return (m[1] === '−' ? -1 : 1) * Number(m[2]);
}

/** aria-valuenow of each gate meter of one kind, per purchase ("mouse: a_t 0.42"). */
async function meters(page: Page, kind: RegExp): Promise<number[]> {
  return page
    .getByRole('table', { name: /^Per purchase, oldest first/ })
    .getByRole('meter', { name: kind })
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('aria-valuenow'))));
}

test('interest shift: DIEN separates the current interest from the old one by more than DIN', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto(`./?${TINY}&drift=0.35`);
  await page.getByRole('button', { name: 'Interest shift' }).click();
  await expect(items(page)).toHaveText(SHIFT_PRESET.map((n) => new RegExp(n)));
  await ready(page);
  const compare = page.getByRole('table', { name: /Predicted CTR for the current history/ });
  await expect(compare).toBeVisible();
  await expect(page.getByLabel('Current-interest candidate')).toHaveValue(/\d+/);
  // The truth: the keyboard (current interest) is far likelier than basketball shoes (old).
  expect(await gap(page, 'True CTR')).toBeGreaterThan(30);

  // Exactly 200 steps (Step ×10 twenty times), so the weights are the same on every run.
  await stepTo(page, 200);
  // The panel re-scores after the pause: wait until it shows the final step's weights.
  const step = await stepCount(page);
  await expect(compare).toHaveAccessibleName(new RegExp(`at step ${step},`));
  const din = await gap(page, 'DIN');
  const dien = await gap(page, 'DIEN');
  test.info().annotations.push({
    type: 'gaps',
    description: `step ${step}: DIN ${din} pts, DIEN ${dien} pts`,
  });
  expect(dien).toBeGreaterThan(0);
  expect(dien).toBeGreaterThan(din);
  // The sentence says what the table's own numbers say, whichever case they fall in.
  const truth = await gap(page, 'True CTR');
  const said = verdictText(
    COMPARE_STRINGS.en,
    verdict({ din, dien, truth }),
    'keyboard',
    'basketball shoes',
  );
  await expect(page.getByText(said, { exact: true })).toBeVisible();
});

test('the trajectory has one point per purchase, named on focus, with a table alternative', async ({
  page,
}) => {
  await page.goto(`./?${TINY}`);
  await page.getByRole('button', { name: 'Interest shift' }).click();
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/, { timeout: 60_000 });
  const trajectory = page.getByRole('group', { name: /^Interest trajectories: / });
  await expect(trajectory).toHaveAccessibleName(/^Interest trajectories: 7 points per path/);
  await expect(trajectory.getByRole('img', { name: /^h′_\d+: / })).toHaveCount(7);
  await expect(trajectory.getByRole('img', { name: /^h_\d+: / })).toHaveCount(7);
  // Focus (keyboard) names the purchase.
  const first = trajectory.getByRole('img', { name: /^h′_1: basketball shoes/ });
  await first.focus();
  await expect(trajectory.getByText(/^t=1: basketball shoes/)).toBeVisible();
  // The context points and the frozen projection's explanation and refit control.
  await expect(
    page.getByText(/Projection frozen: PCA fitted on the item embeddings of step/).first(),
  ).toBeVisible();
  // Refit uses the latest embeddings the page has: wait until those are step 10's (they refresh
  // on a throttle, so right after the counter reaches 10 they may still be step 9's).
  await expect(
    page.getByRole('img', { name: /^Embedding map: \d+ goods of DIEN at step 10,/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Refit projection' }).click();
  await expect(
    page.getByText(/Projection frozen: PCA fitted on the item embeddings of step 10/).first(),
  ).toBeVisible();
  // One more purchase: one more point on each path.
  await page.getByRole('button', { name: 'Add keyboard' }).click();
  await expect(trajectory).toHaveAccessibleName(/^Interest trajectories: 8 points per path/);
  await expect(trajectory.getByRole('img', { name: /^h′_\d+: / })).toHaveCount(8);
  await expect(trajectory.getByRole('img', { name: /^h′_8: keyboard/ })).toBeVisible();
  // The table alternative: one row per purchase.
  const figure = page.locator('#evolution');
  await figure.getByText('Show as a table').first().click();
  await expect(
    page.getByRole('table', { name: 'Interest trajectories' }).getByRole('row'),
  ).toHaveCount(9);
  // The aux-loss detail: the next real purchase against a sampled one, for a chosen step.
  await page.getByLabel('Auxiliary-loss step t').selectOption('4');
  await expect(page.getByText('h_4: the interest after ⚽ football')).toBeVisible();
  await expect(page.getByRole('meter', { name: /^next real mouse: σ \d\.\d\d$/ })).toBeVisible();
  await expect(page.getByRole('meter', { name: /^sampled .+: σ \d\.\d\d$/ })).toBeVisible();
  // The embedding map: every good, DIEN by default, other models on request.
  await expect(page.getByLabel('Embedding map model')).toHaveValue('dien');
  await expect(
    page.getByRole('img', { name: /^Embedding map: \d+ goods of DIEN at step 10/ }),
  ).toBeVisible();
  await page.getByLabel('Embedding map model').selectOption('din');
  await expect(
    page.getByRole('img', { name: /^Embedding map: \d+ goods of DIN at step 10/ }),
  ).toBeVisible();
});

test('the rewind scrubber replays the bars at an earlier step and returns to live', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto(`./?${TINY}`);
  await ready(page);
  await expect(scrubber(page)).toBeDisabled();
  // The step-0 evaluation, as the cards show it live.
  const baseAuc = cardValue(page, 'Base', 'Test AUC');
  await expect(baseAuc).toHaveText(/^0\.\d{4}$/, { timeout: 60_000 });
  const aucAt0 = await baseAuc.textContent();
  await stepTo(page, 60);
  const step = await stepCount(page);
  await expect(page.getByText(`Live: step ${step}`)).toBeVisible();
  // The views refresh on a throttle after the last step: wait until they show its weights (the
  // map names its step; the bars are re-scored within a few hundred ms of the same progress).
  const liveMapImg = page.getByRole('img', {
    name: new RegExp(`^Embedding map: \\d+ goods of DIEN at step ${step},`),
  });
  await expect(liveMapImg).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => bars(page)).toMatch(/mouse: attention/);
  await page.waitForTimeout(1000);
  const liveBars = await bars(page);
  const liveMap = await liveMapImg.getAttribute('aria-label');

  // Scrub to the first snapshot (step 0) with the keyboard.
  await expect(scrubber(page)).toBeEnabled();
  await scrubber(page).focus();
  await page.keyboard.press('Home');
  await expect(scrubber(page)).toHaveAttribute('aria-valuetext', `step 0 of ${step}`);
  await expect(
    page.getByText(`Replaying the weights of step 0 (training is at step ${step})`),
  ).toBeVisible();
  await expect.poll(() => bars(page)).not.toBe(liveBars);
  // The cards' numbers are step 0's too, and say so: no loss yet, the evaluation of step 0.
  await expect(
    page.getByText(
      'Rewound to step 0: no training loss yet; test metrics from the evaluation at step 0.',
    ),
  ).toBeVisible();
  await expect(baseAuc).toHaveText(aucAt0 ?? '');
  await expect(cardValue(page, 'DIN', 'Training loss')).toHaveText('–');
  await expect(
    page.getByRole('img', { name: /^Embedding map: \d+ goods of DIEN at step 0,/ }),
  ).toBeVisible();
  const heatmapRows = await page.locator('#heatmap').textContent();
  expect(heatmapRows).toBeTruthy();

  // Back to live: the same bars as before.
  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(page.getByText(`Live: step ${step}`)).toBeVisible();
  await expect(
    page.getByText(new RegExp(`^Live, step ${step}\\. Test metrics from`)),
  ).toBeVisible();
  await expect.poll(() => bars(page)).toBe(liveBars);
  await expect(page.getByRole('img', { name: /^Embedding map:/ })).toHaveAttribute(
    'aria-label',
    liveMap ?? '',
  );

  // Rewind again, then Step: training continues from the latest state and the views go live.
  await scrubber(page).fill('1');
  await expect(page.getByText(/^Replaying the weights of step \d+/)).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(counter(page)).toHaveText(new RegExp(`^Step ${step + 1} ·`), { timeout: 60_000 });
  await expect(page.getByText(`Live: step ${step + 1}`)).toBeVisible();
  await expect(scrubber(page)).toHaveAttribute('aria-valuetext', `Live: step ${step + 1}`);
});

test('switching AUGRU / AGRU / AIGRU retrains and the gates follow the cell', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`./?${TINY}`);
  await page.getByRole('button', { name: 'Interest shift' }).click();
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/, { timeout: 60_000 });
  await page.getByText(/^Settings/).click();
  const cell = page.getByRole('combobox', { name: 'DIEN evolving cell' });
  const close = (a: number[], b: number[]) =>
    a.length === 7 && b.length === 7 && a.every((x, i) => Math.abs(x - b[i]) <= 0.0015);

  // AGRU: the attention itself is the gate.
  await cell.selectOption('agru');
  await expect(counter(page)).toHaveText(/^Step 0 ·/, { timeout: 60_000 });
  await expect(page.getByText('Training restarted: DIEN evolving cell changed.')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'effective gate (a_t)' })).toBeVisible();
  await expect
    .poll(async () =>
      close(await meters(page, /effective gate \(a_t\)/), await meters(page, /: a_t /)),
    )
    .toBe(true);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/, { timeout: 60_000 });
  const agruBars = await meters(page, /: a_t /);

  // AIGRU: the attention scales the input; the effective gate is the update gate.
  await cell.selectOption('aigru');
  await expect(counter(page)).toHaveText(/^Step 0 ·/, { timeout: 60_000 });
  await expect(page.getByRole('columnheader', { name: 'effective gate (u′_t)' })).toBeVisible();
  await expect
    .poll(async () =>
      close(await meters(page, /effective gate \(u′_t\)/), await meters(page, /: u′_t /)),
    )
    .toBe(true);

  // AUGRU: a_t · u′_t (means over units: a_t times the mean of u′_t).
  await cell.selectOption('augru');
  await expect(counter(page)).toHaveText(/^Step 0 ·/, { timeout: 60_000 });
  await expect(page.getByRole('columnheader', { name: 'effective gate (a_t·u′_t)' })).toBeVisible();
  await expect
    .poll(async () => {
      const [a, u, e] = [
        await meters(page, /: a_t /),
        await meters(page, /: u′_t /),
        await meters(page, /effective gate \(a_t·u′_t\)/),
      ];
      return close(
        e,
        a.map((x, i) => x * u[i]),
      );
    })
    .toBe(true);
  expect(agruBars).toHaveLength(7);

  // α: the aux-loss weight also retrains, and the aux-loss detail says which α is in force.
  await page.getByRole('combobox', { name: 'Auxiliary loss weight α' }).selectOption('0');
  await expect(
    page.getByText('Training restarted: Auxiliary loss weight α changed.'),
  ).toBeVisible();
  await expect(page.getByText(/with α = 0 \(the curve/)).toBeVisible();
});

for (const width of [1280, 375]) {
  test(`screenshots of the DIEN sections at ${width}px`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width, height: width > 400 ? 900 : 800 });
    await page.goto(`./?${TINY}&drift=0.35`);
    await page.getByRole('button', { name: 'Interest shift' }).click();
    await ready(page);
    await trainTo(page, 40);
    await expect(page.getByRole('group', { name: /^Interest trajectories/ })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page
      .getByRole('complementary', { name: 'Training' })
      .screenshot({ path: `test-results/dien-${width}-side.png` });
    for (const id of ['dien', 'evolution', 'embeddings']) {
      await page.locator(`#${id}`).screenshot({ path: `test-results/dien-${width}-${id}.png` });
    }
  });
}
