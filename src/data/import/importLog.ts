/**
 * The import pipeline, in two passes over the event file so that memory follows the caps, not
 * the file: pass 1 counts events per user (and distinct items, up to a bound); pass 2 keeps only
 * the chosen users' most recent events; an optional pass over the metadata file reads only the
 * kept items. build.ts then turns what was kept into a catalogue and shoppers.
 */
import { MAX_HISTORY_CELLS } from '../budget';
import { detach } from './fields';
import { badRowsError, hashKey, rowReader } from './rows';
import { buildImported, type KeptEvent, type ItemInfo } from './build';
import { readMeta } from './meta';
import { readHead, readRecords } from './records';
import { checkMapping } from './detect';
import { detectMeta } from './detectMeta';
import {
  ImportError,
  type ByteSource,
  type ImportedWorld,
  type ImportHooks,
  type ImportSettings,
  type ImportSummary,
} from './types';

/** Past this the file is refused before reading: a browser tab cannot hold its counts. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;
/** Distinct users pass 1 may count exactly. */
export const MAX_DISTINCT_USERS = 3_000_000;
/** Distinct items counted for the summary; past it the count is a lower bound. */
export const MAX_DISTINCT_ITEMS = 1_000_000;
/** Bad rows are skipped and counted up to this share of the rows (and at least 10 rows). */
export const MAX_BAD_SHARE = 0.01;

/** Reads, caps and builds. Throws ImportError with a reader-facing message. */
export async function importLog(
  events: ByteSource,
  meta: ByteSource | undefined,
  settings: ImportSettings,
  hooks: ImportHooks = {},
): Promise<ImportedWorld> {
  if (meta && !settings.meta) {
    // A metadata file came without its detection: take the suggested one.
    const head = await readHead(meta, 64 * 1024);
    settings = { ...settings, meta: detectMeta(head, head.byteLength >= meta.size) };
  }
  // A suggestion with a problem the reader did not correct is refused here, with that message.
  const checked = settings.detection;
  const mapping = checkMapping(
    checked.mapping,
    checked.columns,
    checked.preview,
    checked.header ? 2 : 1,
  );
  settings = { ...settings, detection: { ...checked, mapping } };
  const { detection: d, caps } = settings;
  if (
    !(caps.minEvents >= 2) ||
    !(caps.topItems >= 1) ||
    !(caps.maxUsers >= 1) ||
    !(caps.maxHistory >= 2)
  ) {
    throw new ImportError({
      code: 'capsLeaveNothing',
      message: 'Caps: at least 2 events per user, 1 item, 1 user and a history of 2.',
    });
  }
  if (events.size > MAX_FILE_BYTES) {
    throw new ImportError({
      code: 'tooLarge',
      message: `The file is ${(events.size / 1024 ** 3).toFixed(1)} GB: the limit is 2 GB. Cut it (e.g. head -n) first.`,
    });
  }
  const progress = (pass: 1 | 2 | 3, rows: number, bytes: number, totalBytes: number) =>
    hooks.onProgress?.({ pass, rows, bytes, totalBytes });
  const skipped: ImportSummary['skipped'] = { short: 0, badTime: 0, behavior: 0, rating: 0 };
  const userCounts = new Map<string, number>();
  const items = new Set<string>();
  let itemsApprox = false;
  let rows = 0;
  let firstTime = Infinity;
  let lastTime = -Infinity;
  const reader = rowReader(mapping, settings);
  const skipHeader = (line: number) => d.header && line === 1;

  // Pass 1: count.
  await readRecords(
    events,
    d,
    (f, line) => {
      if (skipHeader(line)) return;
      rows++;
      const e = reader.read(f);
      if (!e) {
        const why = reader.reason!;
        skipped[why]++;
        if (why === 'short' || why === 'badTime') {
          skipped.firstLine ??= line;
          const bad = skipped.short + skipped.badTime;
          if (rows >= 1000 && bad > rows / 2) throw badRowsError(skipped, rows, true);
        }
        return;
      }
      if (e.time < firstTime) firstTime = e.time;
      if (e.time > lastTime) lastTime = e.time;
      const c = userCounts.get(e.user);
      // A new key is stored: detach it from the chunk (an existing key stays as it was stored).
      if (c === undefined) userCounts.set(detach(e.user), 1);
      else userCounts.set(e.user, c + 1);
      if (userCounts.size > MAX_DISTINCT_USERS) {
        throw new ImportError({
          code: 'tooLarge',
          message: `More than ${MAX_DISTINCT_USERS.toLocaleString('en')} distinct users by line ${line}: too many to count in a browser tab. Cut the file first.`,
          line,
        });
      }
      if (!itemsApprox) {
        if (!items.has(e.item)) items.add(detach(e.item));
        if (items.size >= MAX_DISTINCT_ITEMS) itemsApprox = true;
      }
    },
    { signal: hooks.signal, onChunk: (_, bytes) => progress(1, rows, bytes, events.size) },
  );
  if (rows === 0) {
    throw new ImportError({
      code: 'empty',
      message: d.header ? 'The file has a header but no data rows.' : 'The file has no data rows.',
      line: 2,
    });
  }
  const bad = skipped.short + skipped.badTime;
  if (bad > Math.max(10, rows * MAX_BAD_SHARE)) throw badRowsError(skipped, rows, false);
  if (userCounts.size === 0) {
    throw new ImportError({
      code: 'capsLeaveNothing',
      message: `No row has the chosen behaviour types (${(settings.behaviors ?? []).join(', ')}): choose more.`,
    });
  }
  if (userCounts.size === 1) {
    throw new ImportError({
      code: 'singleUser',
      message: `Every event belongs to one user (column "${d.columns[mapping.user]}"): the user column is probably mapped wrong.`,
      column: d.columns[mapping.user],
    });
  }
  let maxCount = 0;
  for (const c of userCounts.values()) if (c > maxCount) maxCount = c;
  if (maxCount < 2) {
    throw new ImportError({
      code: 'noPairs',
      message: `No user has two events: the papers' samples predict a user's next event from the earlier ones (column "${d.columns[mapping.user]}").`,
      column: d.columns[mapping.user],
    });
  }
  const eligible: string[] = [];
  for (const [user, c] of userCounts) if (c >= caps.minEvents) eligible.push(user);
  if (eligible.length === 0) {
    throw new ImportError({
      code: 'capsLeaveNothing',
      message: `No user has ${caps.minEvents} events (the most is ${maxCount}): lower "users with at least N events".`,
    });
  }
  let chosen = eligible;
  if (eligible.length > caps.maxUsers) {
    const h = new Map(eligible.map((u) => [u, hashKey(settings.seed, u)]));
    const picked = new Set(
      eligible
        .slice()
        .sort((a, b) => h.get(a)! - h.get(b)! || (a < b ? -1 : 1))
        .slice(0, caps.maxUsers),
    );
    chosen = eligible.filter((u) => picked.has(u));
  }
  const usersInFile = userCounts.size;
  userCounts.clear();

  // Pass 2: keep the chosen users' latest events (a buffer trimmed to maxHistory as it grows).
  const kept = new Map<string, KeptEvent[]>(chosen.map((u) => [u, []]));
  const info = new Map<string, ItemInfo>();
  /** Each kept item's id as stored (detached), so that events share one string per item. */
  const stored = new Map<string, string>();
  const m = mapping;
  let rows2 = 0;
  let beyondHistory = 0;
  let duplicates = 0;
  const trim = (list: KeptEvent[], to: number): KeptEvent[] => {
    list.sort((a, b) => a.time - b.time || a.seq - b.seq);
    const seen = new Set<string>();
    const unique = list.filter((e) => {
      const k = `${e.time}\u0000${e.item}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    duplicates += list.length - unique.length;
    beyondHistory += Math.max(0, unique.length - to);
    return unique.slice(-to);
  };
  await readRecords(
    events,
    d,
    (f, line) => {
      if (skipHeader(line)) return;
      rows2++;
      // Most rows belong to users left out: skip them before reading the timestamp.
      const u = f[m.user];
      if (u === undefined || !kept.has(u.trim())) return;
      const e = reader.read(f);
      if (!e) return;
      let list = kept.get(e.user)!;
      let item = stored.get(e.item);
      if (item === undefined) {
        item = detach(e.item);
        stored.set(item, item);
        const cell = (c: number | undefined) => (c === undefined ? undefined : detach(f[c].trim()));
        info.set(item, { category: cell(m.category), shop: cell(m.shop), name: cell(m.name) });
      }
      list.push({ item, time: e.time, seq: rows2 });
      if (list.length > 2 * caps.maxHistory + 16) {
        list = trim(list, caps.maxHistory);
        kept.set(e.user, list);
      }
    },
    { signal: hooks.signal, onChunk: (_, bytes) => progress(2, rows2, bytes, events.size) },
  );
  for (const [u, list] of kept) kept.set(u, trim(list, caps.maxHistory));
  // The data set keeps every prefix (the papers' protocol): the same budget as the toy world's.
  let cells = 0;
  for (const list of kept.values()) cells += list.length * (list.length - 1);
  if (cells > MAX_HISTORY_CELLS) {
    throw new ImportError({
      code: 'tooLarge',
      message: `The kept users' histories hold ${cells.toLocaleString('en')} prefix cells, more than the ${MAX_HISTORY_CELLS.toLocaleString('en')} a tab can train on: lower "at most U users" or "history length T".`,
    });
  }

  const summary: ImportSummary = {
    rows,
    bytes: events.size,
    skipped,
    duplicates,
    users: {
      inFile: usersInFile,
      tooFew: usersInFile - eligible.length,
      overCap: eligible.length - chosen.length,
      kept: 0,
    },
    items: { inFile: items.size, approximate: itemsApprox, kept: 0, inOther: 0 },
    events: { kept: 0, inOther: 0, beyondHistory },
    categories: 0,
    noCategory: false,
    noShop: m.shop === undefined,
    missingMeta: 0,
    firstTime,
    lastTime,
  };
  items.clear();
  if (meta && settings.meta) {
    const wanted = new Set<string>();
    for (const list of kept.values()) for (const e of list) wanted.add(e.item);
    summary.missingMeta = await readMeta(meta, settings.meta, wanted, info, {
      signal: hooks.signal,
      onChunk: (r, bytes) => progress(3, r, bytes, meta.size),
    });
  }
  return buildImported(kept, info, settings, summary, {
    fileName: events.name,
    metaFileName: meta?.name,
  });
}
