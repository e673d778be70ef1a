/**
 * The live architecture view, by role and name: a diagram per model with its blocks as buttons,
 * DIN's weights in the diagram equal to the attention bars' after an edit and a step, a block
 * that takes the reader to its view, and the model switch on a phone. Screenshots go to
 * test-results/ for a person to look at.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { open, ready, stepOnce } from './helpers';

const FAST = 'backend=wasm';

const region = (page: Page) => page.getByRole('region', { name: 'Architecture' });
const diagram = (page: Page, model: string) =>
  region(page).getByRole('group', { name: model, exact: true });

const BLOCKS: Record<string, string[]> = {
  Base: ['Embeddings', 'SUM pooling', 'MLP', 'CTR'],
  DIN: ['Embeddings', 'Activation unit', 'Weighted sum', 'MLP', 'CTR'],
  DIEN: [
    'Embeddings',
    'Interest extractor (GRU)',
    'Auxiliary loss',
    'Attention',
    'Interest evolving (AUGRU)',
    'MLP',
    'CTR',
  ],
};

/** Accessible names of the images matching `pattern` in `scope`, in document order. */
async function names(scope: ReturnType<Page['getByRole']>, pattern: RegExp): Promise<string[]> {
  const imgs = scope.getByRole('img', { name: pattern });
  const out: string[] = [];
  for (const img of await imgs.all()) out.push((await img.getAttribute('aria-label')) ?? '');
  return out;
}

/** The bars' DIN values, renamed to the diagram's wording ("mouse: DIN weight 0.42"). */
async function barWeights(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Purchase history' });
  const bars = await names(list, /: attention -?\d/);
  return bars.map((n) => n.replace(': attention ', ': DIN weight '));
}

async function diagramWeights(page: Page): Promise<string[]> {
  return names(diagram(page, 'DIN'), /: DIN weight -?\d/);
}

test('a diagram per model, blocks as buttons; DIN weights follow an edit and a step', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await open(page, FAST);
  await expect(region(page)).toBeVisible();
  await ready(page);
  for (const [model, blocks] of Object.entries(BLOCKS)) {
    for (const b of blocks) {
      await expect(
        diagram(page, model).getByRole('button', { name: b, exact: true }),
      ).toBeVisible();
    }
  }
  // Wide: the three side by side, no switch needed.
  await expect(region(page).getByRole('radiogroup', { name: 'Model' })).toBeHidden();

  await page.getByRole('button', { name: 'Add basketball', exact: true }).click();
  await stepOnce(page);
  // The diagram follows the page's deferred score, the bars the current one: equal once settled.
  await expect
    .poll(async () => {
      const [bars, diag] = [await barWeights(page), await diagramWeights(page)];
      const same = bars.length === 4 && bars.join('|') === diag.join('|');
      return same ? 'same' : `bars ${bars.join('|')} / diagram ${diag.join('|')}`;
    })
    .toBe('same');
  expect((await diagramWeights(page))[3]).toMatch(/^basketball: DIN weight -?\d+\.\d\d$/);
  await region(page).screenshot({ path: 'test-results/architecture-1400-en.png' });
});

test('a block opens its view: "Activation unit" scrolls to #unit and focuses it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await open(page, FAST);
  await ready(page);
  const unit = diagram(page, 'DIN').getByRole('button', { name: 'Activation unit' });
  // Its card on focus: what it computes and its equation.
  await unit.focus();
  await expect(diagram(page, 'DIN').getByRole('tooltip')).toContainText('w_j = MLP(');
  await unit.press('Escape');
  await expect(diagram(page, 'DIN').getByRole('tooltip')).toBeHidden();
  await unit.click();
  await expect(page.locator('#unit-h')).toBeFocused();
  await expect(page.locator('#unit')).toBeInViewport();

  // Chinese: the buttons have Chinese names; the first score's numbers show the page is live.
  await open(page, `${FAST}&lang=zh`);
  await expect(page.locator('#architecture').getByRole('img').first()).toBeVisible({
    timeout: 120_000,
  });
  await page.locator('#architecture').screenshot({ path: 'test-results/architecture-1400-zh.png' });
});

test('on a phone the model switch shows one diagram at a time', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, FAST);
  await ready(page);
  const sw = region(page).getByRole('radiogroup', { name: 'Model' });
  await expect(sw.getByRole('radio', { name: 'DIN' })).toBeChecked();
  await expect(diagram(page, 'DIN')).toBeVisible();
  await expect(diagram(page, 'DIEN')).toBeHidden();
  await sw.getByRole('radio', { name: 'DIEN' }).check();
  await expect(diagram(page, 'DIEN')).toBeVisible();
  await expect(diagram(page, 'DIN')).toBeHidden();
  await expect(
    diagram(page, 'DIEN').getByRole('button', { name: 'Interest evolving (AUGRU)' }),
  ).toBeVisible();
  await expect(diagram(page, 'DIEN').getByRole('img', { name: /: DIEN a_t -?\d/ })).toHaveCount(3);
  await region(page).screenshot({ path: 'test-results/architecture-375-en.png' });

  // Chinese: the buttons have Chinese names; the first score's numbers show the page is live.
  await open(page, `${FAST}&lang=zh`);
  await expect(page.locator('#architecture').getByRole('img').first()).toBeVisible({
    timeout: 120_000,
  });
  await page.locator('#architecture').screenshot({ path: 'test-results/architecture-375-zh.png' });
});
