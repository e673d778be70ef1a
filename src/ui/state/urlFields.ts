/**
 * The link's settings as a declarative table: one URL key per setting, with its reader and where
 * it lives in the page state (urlState.ts parses and writes links from it; the runs panel's
 * `runs` parameter reuses it). Keys are short because readers paste these links into chats.
 */
import type { LabId } from '../../model/bugs';
import { DEFAULT_BST, type BstSettings } from '../../model/bstConfig';
import type { BackendName, ModelSettings, TrainSettings, WorldConfig } from '../../train/protocol';
import { bool, int, labList, num, oneOf, withBst, withLab, type Reader } from './urlReaders';
import type { Lang } from '../text/i18n';

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

/** One URL key per setting. */
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
