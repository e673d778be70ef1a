/**
 * The `test` every e2e spec uses: it fails a test on any console error or uncaught page error
 * (main thread or worker), and on any request that leaves the local origin.
 */
import { test as base, expect, type ConsoleMessage } from '@playwright/test';

export { expect };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for URLs served by the test server itself (or not fetched at all: data:, blob:). */
export function isLocalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return (
    (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:') &&
    LOCAL_HOSTS.has(u.hostname)
  );
}

export interface Problems {
  /** Every console error, page error and off-origin request seen so far. */
  list: string[];
  /** Drop problems matching `pattern` (a test that provokes an expected error says so). */
  allow: (pattern: RegExp) => void;
}

export const test = base.extend<{ problems: Problems }>({
  problems: [
    async ({ context, page }, use) => {
      const list: string[] = [];
      const allowed: RegExp[] = [];
      const add = (p: string) => {
        if (!allowed.some((a) => a.test(p))) list.push(p);
      };
      const onConsole = (where: string) => (msg: ConsoleMessage) => {
        if (msg.type() === 'error') add(`console error (${where}): ${msg.text()}`);
      };
      page.on('console', onConsole('page'));
      page.on('pageerror', (e) => add(`page error: ${e.message}`));
      page.on('worker', (w) => w.on('console', onConsole(`worker ${w.url()}`)));
      context.on('request', (req) => {
        if (!isLocalUrl(req.url())) add(`request left the origin: ${req.url()}`);
      });
      // Belt and braces: nothing off-origin is ever answered.
      await context.route(
        (url) => !isLocalUrl(url.href),
        (route) => route.abort('blockedbyclient'),
      );
      await use({ list, allow: (p) => allowed.push(p) });
      expect(list, 'console errors, page errors or requests that left the origin').toEqual([]);
    },
    { auto: true },
  ],
});
