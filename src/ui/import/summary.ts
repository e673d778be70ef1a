/**
 * An import's summary as plain sentences: what was read, what was left out and why, what the
 * models will train on. A sentence whose count is zero is left out, so each one says something.
 */
import type { ImportSummary } from '../../data/import/types';
import type { Lang } from '../text/i18n';
import type { SummaryWords } from './strings';

const NUMBER = { en: new Intl.NumberFormat('en'), zh: new Intl.NumberFormat('zh') };

export const megabytes = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);

/** Unix seconds as a calendar day (UTC: the same day whoever reads it). */
export const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

export function summarySentences(s: ImportSummary, w: SummaryWords, lang: Lang): string[] {
  const n = (x: number) => NUMBER[lang].format(x);
  const out = [w.rows(n(s.rows), megabytes(s.bytes))];
  const reasons = (['short', 'badTime', 'behavior', 'rating'] as const).filter(
    (r) => s.skipped[r] > 0,
  );
  if (reasons.length > 0) {
    const total = reasons.reduce((a, r) => a + s.skipped[r], 0);
    const line = s.skipped.firstLine === undefined ? undefined : n(s.skipped.firstLine);
    out.push(
      w.skipped(
        n(total),
        reasons.map((r) => w.skipReason[r](n(s.skipped[r]))),
        line,
      ),
    );
  }
  if (s.duplicates > 0) out.push(w.duplicates(n(s.duplicates)));
  const u = s.users;
  out.push(w.users(n(u.kept), n(u.inFile), n(u.tooFew), n(u.overCap)));
  const i = s.items;
  out.push(
    i.inOther > 0
      ? w.items(n(i.kept), n(i.inFile), i.approximate, n(i.inOther))
      : w.itemsAll(n(i.kept), n(i.inFile), i.approximate),
  );
  const e = s.events;
  out.push(w.events(n(e.kept), n(e.inOther), n(e.beyondHistory)));
  out.push(s.noCategory ? w.noCategory : w.categories(n(s.categories)));
  if (s.noShop) out.push(w.noShop);
  if (s.missingMeta > 0) out.push(w.missingMeta(n(s.missingMeta)));
  if (Number.isFinite(s.firstTime) && Number.isFinite(s.lastTime))
    out.push(w.span(day(s.firstTime), day(s.lastTime)));
  return out;
}
