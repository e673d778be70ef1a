/**
 * Page state <-> query string. Parsing never throws: every bad value is reported in `problems`
 * (shown to the reader) and the default for that one field is kept, so a mangled link still
 * opens a working page with as much of the sender's state as could be read.
 */
import { fitBudget } from '../../data/budget';
import { URL_WORDS } from '../text/urlWords';
import { oneOf, withBst, withLab } from './urlReaders';
import { FIELDS, type PageState } from './urlFields';
import type { Lang } from '../text/i18n';

export type { Lang, PageState };
export { withBst, withLab };

export interface ParseResult {
  state: PageState;
  /** Human-readable descriptions of what was ignored. */
  problems: string[];
}

/** `?kernels=`'s values, as train/page/workers.ts reads them. */
const KERNELS = oneOf(['on', 'off'] as const);

function clip(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
}

/**
 * Reads the query string over `defaults`. `goodCount` bounds valid good ids (1..goodCount). The
 * problems are worded in the link's own language (its `lang`, else the default's).
 */
export function parseUrlState(search: string, defaults: PageState, goodCount: number): ParseResult {
  const problems: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state: defaults, problems: [URL_WORDS[defaults.lang].unreadable] };
  }
  const lang =
    params.get('lang') === 'zh' ? 'zh' : params.get('lang') === 'en' ? 'en' : defaults.lang;
  const w = URL_WORDS[lang];
  let state = defaults;
  // `runs`: the runs panel's own parameter (src/ui/runs/runsParam.ts); `kernels`: the workers'
  // switch of the fused kernels (src/train/page/workers.ts), checked below.
  const known = new Set(['h', 'c', 'runs', 'kernels', ...FIELDS.map((f) => f.key)]);
  const kernels = params.get('kernels');
  if (kernels !== null && KERNELS(kernels) === undefined)
    problems.push(w.badValue('kernels', clip(kernels), w.expected(KERNELS.expect)));
  const seen = new Map<string, number>();
  for (const key of params.keys()) seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const [key, n] of seen) {
    if (!known.has(key)) problems.push(w.unknownKey(clip(key)));
    else if (n > 1) problems.push(w.repeated(key, n));
  }
  for (const f of FIELDS) {
    const raw = params.get(f.key);
    if (raw === null) continue;
    const v = f.read(raw.trim());
    if (v === undefined) problems.push(w.badValue(f.key, clip(raw), w.expected(f.read.expect)));
    else state = f.set(state, v);
  }
  if (state.world.maxHistory < state.world.minHistory) {
    problems.push(w.inverted(defaults.world.minHistory, defaults.world.maxHistory));
    state = {
      ...state,
      world: {
        ...state.world,
        minHistory: defaults.world.minHistory,
        maxHistory: defaults.world.maxHistory,
      },
    };
  }
  // Settings that are each allowed can still not fit together (memory, time): cap them.
  const fit = fitBudget(state);
  state = fit.settings;
  problems.push(...fit.caps.map((c) => w.budget(c)));
  const validGood = (n: number) => Number.isInteger(n) && n >= 1 && n <= goodCount;
  const h = params.get('h');
  if (h !== null) {
    const parts = h.trim() === '' ? [] : h.split(/[.,\s]+/).filter((p) => p !== '');
    const ids = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
    const good = ids.filter(validGood);
    if (good.length < ids.length) {
      problems.push(w.notGoods(ids.length - good.length, ids.length, good.length));
    }
    state = { ...state, history: good };
  }
  const c = params.get('c');
  if (c !== null) {
    const id = /^\d+$/.test(c.trim()) ? Number(c.trim()) : NaN;
    if (validGood(id)) state = { ...state, candidate: id };
    else problems.push(w.badCandidate(clip(c), goodCount));
  }
  return { state, problems };
}

/** Writes only what differs from the defaults, so links stay short and defaults can evolve. */
export function serializeUrlState(state: PageState, defaults: PageState): string {
  const params = new URLSearchParams();
  if (state.history.join('.') !== defaults.history.join('.'))
    params.set('h', state.history.join('.'));
  if (state.candidate !== defaults.candidate) params.set('c', String(state.candidate));
  for (const f of FIELDS) {
    const v = f.get(state);
    if (v === undefined || v === f.get(defaults)) continue;
    params.set(f.key, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
