/**
 * Page state <-> query string. Parsing never throws: every bad value is reported in `problems`
 * (shown to the reader) and the default for that one field is kept, so a mangled link still
 * opens a working page with as much of the sender's state as could be read.
 */
import { fitBudget } from '../../data/budget';
import type { LabId } from '../../model/bugs';
import { DEFAULT_BST, type BstSettings } from '../../model/bstConfig';
import type { BackendName, ModelSettings, TrainSettings, WorldConfig } from '../../train/protocol';
import { URL_WORDS } from '../text/urlWords';
import { bool, int, labList, num, oneOf, withBst, withLab, type Reader } from './urlReaders';
import type { Lang } from '../text/i18n';

export type { Lang };
export { withBst, withLab };

export interface PageState {
  history: number[];
  candidate: number;
  world: WorldConfig;
  model: ModelSettings;
  train: TrainSettings;
  /** Training steps per worker tick while playing. */
  speed: number;
  lang: Lang;
  /** Forced backend (tests, benchmarks); undefined = automatic chain. */
  backend?: BackendName;
  /** The bug lab's switches on (absent: none, never an empty list). */
  bugLab?: LabId[];
  /** BST trained as a fourth model (absent: off, never half a setting). */
  bst?: BstSettings;
}

export interface ParseResult {
  state: PageState;
  /** Human-readable descriptions of what was ignored. */
  problems: string[];
}

/** One URL key per setting. Keys are short because readers paste these links into chats. */
export interface Field<T> {
  key: string;
  read: Reader<T>;
  get: (s: PageState) => T;
  set: (s: PageState, v: T) => PageState;
}

function field<T>(f: Field<T>): Field<unknown> {
  return f as unknown as Field<unknown>;
}

export const LIMITS = {
  T: [1, 100],
  embDim: [1, 64],
  batchSize: [1, 2048],
  shoppers: [10, 20000],
  history: [2, 200],
  timeSignal: [0, 10],
} as const;

/**
 * One of BST's settings in the link: read only where `bst=1` came first (FIELDS' order), and
 * written only where it differs from DEFAULT_BST, so `bst=1` alone is the paper's BST.
 */
function bstField<K extends keyof BstSettings>(
  key: string,
  name: K,
  read: Reader<NonNullable<BstSettings[K]>>,
): Field<unknown> {
  return field({
    key,
    read,
    get: (s) => (s.bst && s.bst[name] !== DEFAULT_BST[name] ? s.bst[name] : undefined),
    set: (s, v) => (s.bst ? withBst(s, { ...s.bst, [name]: v }) : s),
  });
}

/** `?kernels=`'s values, as train/page/workers.ts reads them. */
const KERNELS = oneOf(['on', 'off'] as const);

export const FIELDS: Field<unknown>[] = [
  field({
    key: 'seed',
    read: int(0, 2 ** 31 - 1),
    get: (s) => s.world.seed,
    set: (s, v) => ({ ...s, world: { ...s.world, seed: v } }),
  }),
  field({
    key: 'shoppers',
    read: int(...LIMITS.shoppers),
    get: (s) => s.world.shoppers,
    set: (s, v) => ({ ...s, world: { ...s.world, shoppers: v } }),
  }),
  field({
    key: 'minh',
    read: int(...LIMITS.history),
    get: (s) => s.world.minHistory,
    set: (s, v) => ({ ...s, world: { ...s.world, minHistory: v } }),
  }),
  field({
    key: 'maxh',
    read: int(...LIMITS.history),
    get: (s) => s.world.maxHistory,
    set: (s, v) => ({ ...s, world: { ...s.world, maxHistory: v } }),
  }),
  field({
    key: 'drift',
    read: num(0, 1),
    get: (s) => s.world.drift,
    set: (s, v) => ({ ...s, world: { ...s.world, drift: v } }),
  }),
  field({
    key: 'noise',
    read: num(0, 1),
    get: (s) => s.world.noise,
    set: (s, v) => ({ ...s, world: { ...s.world, noise: v } }),
  }),
  field({
    key: 'tsig',
    read: num(...LIMITS.timeSignal),
    get: (s) => s.world.timeSignal ?? 0,
    // 0 is the timeless world: left out, as a config without the field means the same.
    set: (s, v) => {
      const world: WorldConfig = { ...s.world, timeSignal: v };
      if (v === 0) delete world.timeSignal;
      return { ...s, world };
    },
  }),
  field({
    key: 'T',
    read: int(...LIMITS.T),
    get: (s) => s.model.T,
    set: (s, v) => ({ ...s, model: { ...s.model, T: v } }),
  }),
  field({
    key: 'emb',
    read: int(...LIMITS.embDim),
    get: (s) => s.model.embDim,
    set: (s, v) => ({ ...s, model: { ...s.model, embDim: v } }),
  }),
  field({
    key: 'act',
    read: oneOf(['prelu', 'dice'] as const),
    get: (s) => s.model.activation,
    set: (s, v) => ({ ...s, model: { ...s.model, activation: v } }),
  }),
  field({
    key: 'attn',
    read: oneOf(['outer', 'diffprod', 'dot'] as const),
    get: (s) => s.model.attentionInput,
    set: (s, v) => ({ ...s, model: { ...s.model, attentionInput: v } }),
  }),
  field({
    key: 'softmax',
    read: bool,
    get: (s) => s.model.attentionSoftmax,
    set: (s, v) => ({ ...s, model: { ...s.model, attentionSoftmax: v } }),
  }),
  field({
    key: 'pool',
    read: oneOf(['sum', 'mean'] as const),
    get: (s) => s.model.basePooling,
    set: (s, v) => ({ ...s, model: { ...s.model, basePooling: v } }),
  }),
  field({
    key: 'cell',
    read: oneOf(['augru', 'agru', 'aigru'] as const),
    get: (s) => s.model.evolving,
    set: (s, v) => ({ ...s, model: { ...s.model, evolving: v } }),
  }),
  field({
    key: 'aux',
    read: num(0, 10),
    get: (s) => s.model.auxWeight,
    set: (s, v) => ({ ...s, model: { ...s.model, auxWeight: v } }),
  }),
  field({
    key: 'batch',
    read: int(...LIMITS.batchSize),
    get: (s) => s.train.batchSize,
    set: (s, v) => ({ ...s, train: { ...s.train, batchSize: v } }),
  }),
  field({
    key: 'lr',
    read: num(1e-6, 1),
    get: (s) => s.train.learningRate,
    set: (s, v) => ({ ...s, train: { ...s.train, learningRate: v } }),
  }),
  field({
    key: 'tseed',
    read: int(0, 2 ** 31 - 1),
    get: (s) => s.train.seed,
    set: (s, v) => ({ ...s, train: { ...s.train, seed: v } }),
  }),
  field({
    key: 'eval',
    read: int(1, 100000),
    get: (s) => s.train.evalEvery,
    set: (s, v) => ({ ...s, train: { ...s.train, evalEvery: v } }),
  }),
  field({
    key: 'bugs',
    read: labList,
    get: (s) => (s.bugLab ?? []).join(','),
    set: (s, v) => withLab(s, v === '' ? [] : (v.split(',') as LabId[])),
  }),
  field({
    key: 'bst',
    read: bool,
    get: (s) => s.bst !== undefined,
    set: (s, v) => withBst(s, v ? (s.bst ?? DEFAULT_BST) : undefined),
  }),
  bstField('bstpos', 'position', oneOf(['timeGap', 'position'] as const)),
  bstField(
    'bstheads',
    'heads',
    Object.assign((raw: string) => (raw === '1' ? 1 : raw === '2' ? 2 : undefined), {
      expect: int(1, 2).expect,
    }),
  ),
  bstField('bstattn', 'attention', oneOf(['full', 'causal'] as const)),
  bstField('bstout', 'output', oneOf(['concat', 'candidate'] as const)),
  field({
    key: 'speed',
    read: int(1, 100),
    get: (s) => s.speed,
    set: (s, v) => ({ ...s, speed: v }),
  }),
  field({
    key: 'lang',
    read: oneOf(['en', 'zh'] as const),
    get: (s) => s.lang,
    set: (s, v) => ({ ...s, lang: v }),
  }),
  field({
    key: 'backend',
    read: oneOf(['webgpu', 'webgl', 'wasm', 'cpu'] as const),
    get: (s) => s.backend,
    set: (s, v) => ({ ...s, backend: v }),
  }),
];

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
