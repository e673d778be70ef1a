/**
 * The built site works from a sub-path (as on GitHub Pages): every asset, the worker and the
 * wasm binaries are requested relative to the page. Requests under /some/sub/path/ are served
 * from the site root, so any absolute URL in the build would 404 and fail the test.
 */
import { expect, test } from './fixtures';

const SUB = '/some/sub/path/';

test('served from a sub-path, the page loads, the worker starts and a step trains', async ({
  page,
  context,
}) => {
  const notFound: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith(SUB)) {
      notFound.push(url.pathname);
      return route.fulfill({ status: 404, body: 'outside the sub-path' });
    }
    url.pathname = '/' + url.pathname.slice(SUB.length);
    const response = await route.fetch({ url: url.toString() });
    return route.fulfill({ response });
  });
  await page.goto(`${SUB}?backend=cpu&shoppers=30&minh=3&maxh=6&T=5&emb=2&batch=8&eval=0`);
  await expect(page.getByRole('list', { name: 'Purchase history' })).toBeVisible();
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect(step).toBeEnabled({ timeout: 120_000 });
  await step.click();
  await expect(page.getByText(/^Step 1 · epoch/)).toBeVisible();
  expect(notFound).toEqual([]);
});
