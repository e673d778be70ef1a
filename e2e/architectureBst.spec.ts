/**
 * BST's diagram in the architecture view, by role and name: with bst=1 the model switch opens
 * BST's diagram, its blocks are buttons, each purchase's edge is named with the same number the
 * BST room's matrix shows for the candidate's row, a block takes the reader to the BST room, and
 * the text alternative covers BST. With BST off the diagram says so and leads to the room's
 * "Train BST too". Tiny shapes, wasm.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { open, ready } from './helpers';

const FAST = 'backend=wasm';
const region = (page: Page) => page.getByRole('region', { name: 'Architecture' });
const diagram = (page: Page) => region(page).getByRole('group', { name: 'BST', exact: true });
const room = (page: Page) => page.getByRole('region', { name: 'BST attention', exact: true });
const counter = (page: Page) => page.getByText(/^Step \d+ · epoch/);

const BLOCKS = [
  'Embedding + time-gap position',
  'Multi-head self-attention (1 head, full)',
  'Feed-forward',
  'All outputs concatenated',
  'MLP',
  'CTR',
];

/** The BST room's matrix (head 1): the candidate's row, as "mouse: BST attention 0.42". */
async function roomRow(page: Page): Promise<string[]> {
  const table = room(page).getByRole('table', { name: 'BST attention weights, head 1' });
  return table.locator('tbody tr').evaluateAll((trs) => {
    const last = trs[trs.length - 1];
    const cells = Array.from(last.querySelectorAll('td'), (td) => td.textContent ?? '');
    const labels = trs.slice(0, -1).map((tr) => tr.querySelector('th')?.textContent ?? '');
    // Row labels are "1. mouse"; the candidate's row has a cell per token, then the row's sum.
    return labels.map((l, i) => `${l.replace(/^\d+\. /, '')}: BST attention ${cells[i]}`);
  });
}

async function edgeNames(page: Page): Promise<string[]> {
  return diagram(page)
    .getByRole('img', { name: /: BST attention -?\d/ })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

test('BST on: its diagram behind the switch, edges named as the room’s numbers, blocks go to the room', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 390, height: 900 });
  await open(page, `${FAST}&bst=1`);
  await ready(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(counter(page)).toHaveText(/^Step 10 ·/);

  await region(page)
    .getByRole('radiogroup', { name: 'Model' })
    .getByRole('radio', { name: 'BST' })
    .check();
  await expect(diagram(page)).toBeVisible();
  await expect(region(page).getByRole('group', { name: 'DIN', exact: true })).toBeHidden();
  for (const b of BLOCKS)
    await expect(diagram(page).getByRole('button', { name: b, exact: true })).toBeVisible();
  await expect(diagram(page).getByRole('button', { name: 'Add & norm', exact: true })).toHaveCount(
    2,
  );
  await expect(
    diagram(page).getByRole('img', { name: /BST attention to itself \d\.\d\d$/ }),
  ).toHaveCount(1);

  // Each drawn edge's name is the room's number for the same purchase (both read the same score).
  await expect
    .poll(async () => {
      const [want, got] = [await roomRow(page), await edgeNames(page)];
      const same = got.length > 0 && want.slice(-got.length).join('|') === got.join('|');
      return same ? 'same' : `room ${want.join('|')} / diagram ${got.join('|')}`;
    })
    .toBe('same');
  expect((await edgeNames(page))[0]).toMatch(/^.+: BST attention \d\.\d\d$/);
  await region(page).screenshot({ path: 'test-results/architecture-bst-390-en.png' });

  // The attention's card says what its lines are; pressing it goes to the BST room.
  const mhsa = diagram(page).getByRole('button', {
    name: 'Multi-head self-attention (1 head, full)',
  });
  // The pointer may rest on another block after the switch: its card would open too.
  await page.mouse.move(0, 0);
  await mhsa.focus();
  const card = diagram(page).getByRole('tooltip').filter({ hasText: 'softmax(' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('the candidate’s row of attention');
  await expect(mhsa).toHaveAccessibleDescription(/Every token reads every token/);
  await mhsa.click();
  await expect(page.locator('#bst-h')).toBeFocused();
  await expect(room(page)).toBeInViewport();

  // The text alternative: BST's path and its column of attention.
  const text = region(page).getByText('The diagrams as text');
  await text.click();
  await expect(
    region(page).getByText(/^BST: the purchases and the candidate as one sequence/),
  ).toBeVisible();
  await expect(region(page).getByRole('columnheader', { name: 'BST attention' })).toBeVisible();

  // Wide: BST below the three, no switch.
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect(region(page).getByRole('radiogroup', { name: 'Model' })).toBeHidden();
  await expect(diagram(page)).toBeVisible();
  await expect(region(page).getByRole('group', { name: 'DIEN', exact: true })).toBeVisible();
  await region(page).screenshot({ path: 'test-results/architecture-bst-1400-en.png' });
});

test('BST off: its diagram says so, draws no numbers, and leads to the room’s switch', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 900 });
  await open(page, FAST);
  await ready(page);
  await region(page).getByRole('radio', { name: 'BST' }).check();
  await expect(diagram(page)).toContainText('BST is not training in this run');
  await expect(diagram(page).getByRole('img')).toHaveCount(0);
  await expect(diagram(page).getByRole('button', { name: 'MLP' })).toHaveCount(0);
  await diagram(page).getByRole('button', { name: 'Go to the BST room' }).click();
  await expect(page.locator('#bst-h')).toBeFocused();

  // Switched on from the room: the diagram draws BST's blocks and, with its first score, numbers.
  await room(page).getByRole('button', { name: 'Train BST too' }).click();
  await expect(diagram(page).getByRole('button', { name: 'Feed-forward' })).toBeVisible();
  await expect(
    diagram(page)
      .getByRole('img', { name: /: BST attention \d/ })
      .first(),
  ).toBeVisible({
    timeout: 90_000,
  });
});
