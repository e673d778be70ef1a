/**
 * Edit latency on the real page: from the input event (a candidate change or an "Add …" click)
 * until the changed attention bars are in the DOM and the next frame has run.
 */
import type { Page } from '@playwright/test';
import type { EditStats } from '../types';

declare global {
  interface Window {
    __editWait?: Promise<number>;
  }
}

/** Arms a wait in the page: resolves with ms from the next input event to the re-scored view painted. */
async function armEdit(page: Page, kind: 'labels' | string): Promise<void> {
  // A string, not a function: tsx's keep-names helper (__name) does not exist in the page.
  await page.evaluate(`((kind) => {\n${ARM_EDIT}\n})(${JSON.stringify(kind)})`);
}

const ARM_EDIT = String.raw`
    const labels = () =>
      Array.from(document.querySelectorAll('svg[role="img"]'))
        .map((e) => e.getAttribute('aria-label') ?? '')
        .filter((l) => l.includes('attention'))
        .join('|');
    const before = labels();
    let t0 = NaN;
    const onInput = (e) => {
      if (Number.isNaN(t0)) t0 = e.timeStamp;
    };
    document.addEventListener('change', onInput, { capture: true });
    document.addEventListener('click', onInput, { capture: true });
    window.__editWait = new Promise((resolve) => {
      const done = () => {
        const l = labels();
        if (Number.isNaN(t0)) return false;
        return kind === 'labels'
          ? l !== before
          : l.split('|').some((x) => x.startsWith(kind + ': attention'));
      };
      const timer = setTimeout(() => finish(NaN), 5000);
      const obs = new MutationObserver(() => {
        if (done()) finish(0);
      });
      const finish = (v) => {
        obs.disconnect();
        clearTimeout(timer);
        document.removeEventListener('change', onInput, { capture: true });
        document.removeEventListener('click', onInput, { capture: true });
        if (Number.isNaN(v)) return resolve(NaN);
        // On screen: the frame after the DOM change has been produced.
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      };
      obs.observe(document.body, {
        subtree: true,
        attributes: true,
        childList: true,
        attributeFilter: ['aria-label'],
      });
    });
`;

function stats(samples: number[]): EditStats {
  const ok = samples.filter((x) => Number.isFinite(x));
  const q = (p: number) => {
    const s = [...ok].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN;
  };
  return {
    n: samples.length,
    missed: samples.length - ok.length,
    p50: q(0.5),
    p95: q(0.95),
    max: ok.length ? Math.max(...ok) : NaN,
    samples: samples.map((x) => Math.round(x * 10) / 10),
  };
}

export async function edits(page: Page, n: number): Promise<EditStats> {
  const select = page.getByLabel('Candidate ad');
  const options = await select.evaluate((s) =>
    Array.from((s as HTMLSelectElement).options)
      .map((o) => o.value)
      .slice(0, 8),
  );
  const historyNames = await page
    .getByRole('list', { name: 'Purchase history' })
    .getByRole('listitem')
    .allTextContents();
  const addNames = (
    await Promise.all(
      (await page.getByRole('button', { name: /^Add / }).all()).map((b) =>
        b.getAttribute('aria-label'),
      ),
    )
  )
    .map((l) => (l ?? '').replace(/^Add /, ''))
    .filter((name) => name && !historyNames.some((h) => h.includes(name)))
    .slice(0, 4);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 3 === 2 && addNames.length > 0) {
      const name = addNames[i % addNames.length];
      await armEdit(page, name);
      await page.getByRole('button', { name: `Add ${name}`, exact: true }).click();
      out.push(await page.evaluate(() => window.__editWait!));
      await page
        .getByRole('button', { name: `Remove ${name}` })
        .last()
        .click();
    } else {
      const current = await select.inputValue();
      const next = options.filter((o) => o !== current)[i % (options.length - 1)];
      await armEdit(page, 'labels');
      await select.selectOption(next);
      out.push(await page.evaluate(() => window.__editWait!));
    }
    await page.waitForTimeout(250);
  }
  return stats(out);
}
