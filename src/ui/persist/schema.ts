/**
 * What an autosaved session is, as a valibot schema: nothing read back from storage reaches the
 * page or the worker before it passes. Shapes are checked against the settings they claim
 * (embedding table rows × embDim), values must be finite, and a record of a newer format is
 * refused rather than guessed at.
 */
import * as v from 'valibot';
import { LAB_IDS, MAX_LAB_ENTRIES, twinsOf, type LabId } from '../../model/bugs';
import { CATALOGUE } from '../../world/catalogue';
import type { EvalMetrics, ModelName, SessionConfig, WeightsSnapshot } from '../../train/protocol';
import type { Curves } from '../state/types';

export const SESSION_FORMAT = 'din-dien-explainer/session';
/** Bump when a saved record's meaning changes; older records are then set aside, not loaded. */
export const SESSION_VERSION = 1;

const GOOD_IDS = new Set(CATALOGUE.goods.map((g) => g.id));
const TABLE_ROWS =
  CATALOGUE.goods.length + CATALOGUE.categories.length + CATALOGUE.shops.length + 3;

const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const num = v.pipe(v.number(), v.finite());
/** Any catalogue's good id: the toy shop's are checked against the config below (toyGoods). */
const good = int(1, 1_000_001);
const toyGoods = (c: { data?: unknown }, goods: number[]) =>
  c.data !== undefined || goods.every((g) => GOOD_IDS.has(g));

const World = v.looseObject({
  seed: int(0, 2 ** 31),
  shoppers: int(1, 1_000_000),
  minHistory: int(1, 1000),
  maxHistory: int(1, 1000),
  drift: num,
  noise: num,
  related: num,
  timeSignal: v.optional(v.pipe(num, v.minValue(0))),
});

const Model = v.looseObject({
  embDim: int(1, 256),
  T: int(1, 1000),
  hidden: v.array(int(1, 4096)),
  activation: v.picklist(['prelu', 'dice']),
  basePooling: v.picklist(['sum', 'mean']),
  attentionInput: v.picklist(['outer', 'diffprod', 'dot']),
  attentionHidden: v.array(int(1, 4096)),
  attentionSoftmax: v.boolean(),
  evolving: v.picklist(['augru', 'agru', 'aigru']),
  auxWeight: num,
});

const Train = v.looseObject({
  batchSize: int(1, 100_000),
  learningRate: v.pipe(num, v.minValue(0)),
  seed: int(0, 2 ** 31),
  evalEvery: int(0, 1_000_000),
});

const Values = v.pipe(
  v.instance(Float32Array),
  v.check((a) => a.every(Number.isFinite), 'a weight is NaN or infinite'),
);
const Named = v.object({
  // Weight names are paths like "att/dense0/w": anything else (markup, say) is not one.
  name: v.pipe(
    v.string(),
    v.maxLength(200),
    v.regex(/^[A-Za-z0-9_./-]+$/, 'a weight name with characters no weight name has'),
  ),
  shape: v.array(int(0, 1e7)),
  values: Values,
});
const Tensors = v.array(
  v.pipe(
    Named,
    v.check(
      (t) => t.shape.reduce((a, b) => a * b, 1) === t.values.length,
      'a shape that does not hold its values',
    ),
  ),
);

const TwinKeySchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z]{1,40}\|(base|din|dien)$/, 'a bug-lab twin with a name no twin has'),
);
const Optimizer = v.object({ iterations: int(0, 1e9), moments: Tensors });
const Position = v.object({ orderRng: num, pos: int(0, 1e9), seen: int(0, 1e12) });
const Weights = v.object({
  step: int(0, 1e9),
  tensors: v.object({ base: Tensors, din: Tensors, dien: Tensors }),
  twins: v.optional(v.record(TwinKeySchema, Tensors)),
  bst: v.optional(Tensors),
  training: v.optional(
    v.object({
      optimizer: v.record(v.string(), Optimizer),
      data: Position,
      twins: v.optional(
        v.object({ optimizer: v.record(TwinKeySchema, Optimizer), data: v.optional(Position) }),
      ),
      bst: v.optional(Optimizer),
    }),
  ),
});

/** The twins a checkpoint holds are exactly those its settings' bug lab trains. */
const twinsMatch = (bugLab: readonly LabId[] | undefined, w: v.InferOutput<typeof Weights>) => {
  const want = twinsOf(bugLab ?? []).map((t) => t.key);
  const have = Object.keys(w.twins ?? {});
  return want.length === have.length && want.every((k) => have.includes(k));
};

/**
 * BST's weights (and, in a checkpoint with Adam's state, BST's Adam state) are there exactly
 * when the settings train BST, and its embedding table fits them as the others' do.
 */
const bstMatch = (
  bst: unknown,
  rows: number | null,
  embDim: number,
  w: v.InferOutput<typeof Weights>,
  { optimizer }: { optimizer: boolean },
) => {
  if (bst === undefined) return w.bst === undefined && w.training?.bst === undefined;
  if (!w.bst || (optimizer && w.training && !w.training.bst)) return false;
  return w.bst.some(
    (t) => t.name === 'embeddings' && rowsFit(rows, t.shape[0]) && t.shape[1] === embDim,
  );
};
const BST = 'BST weights that do not match its settings';
const OPT = { optimizer: true };
const NO_OPT = { optimizer: false };

/**
 * The embedding table's rows: the toy catalogue's, or, for an imported file's session, the same
 * in every model (the file's catalogue is checked when its data set is loaded: the engine
 * refuses weights of another shape).
 */
const rowsOf = (c: { data?: unknown }): number | null => (c.data === undefined ? TABLE_ROWS : null);
const rowsFit = (want: number | null, have: number | undefined) =>
  have !== undefined && (want === null || have === want);

/** Every model's embedding table has the rows of the catalogue and the settings' width. */
const tablesFit = (c: SchemaConfig, w: v.InferOutput<typeof Weights>) => {
  const rows = (m: 'base' | 'din' | 'dien') =>
    w.tensors[m].find((t) => t.name === 'embeddings' && t.shape[1] === c.model.embDim)?.shape[0];
  const want = rowsOf(c) ?? rows('base');
  return (['base', 'din', 'dien'] as const).every((m) => rowsFit(want ?? -1, rows(m)));
};
const TABLES = 'weights whose embedding table does not match the settings';
const TWINS = 'bug-lab weights that do not match its switches';

const Metrics = v.object({ auc: v.number(), gauc: v.number(), logloss: v.number() });
const PerModel = <T extends v.GenericSchema>(s: T) => v.object({ base: s, din: s, dien: s });
// BST's numbers are optional: curves saved before they were kept (or of runs without BST) load.
const CurvesSchema = v.object({
  version: v.number(),
  loss: v.array(
    v.object({
      step: int(0, 1e9),
      loss: PerModel(v.number()),
      aux: v.number(),
      bst: v.optional(v.number()),
    }),
  ),
  test: v.array(v.object({ step: int(0, 1e9), test: PerModel(Metrics), bst: v.optional(Metrics) })),
});
const Config = v.object({
  world: World,
  model: Model,
  train: Train,
  bugLab: v.optional(v.pipe(v.array(v.picklist(LAB_IDS)), v.maxLength(MAX_LAB_ENTRIES))),
  bst: v.optional(
    v.object({
      position: v.picklist(['timeGap', 'position']),
      attention: v.picklist(['full', 'causal']),
      output: v.picklist(['concat', 'candidate']),
      heads: v.picklist([1, 2]),
      ffnHidden: v.optional(int(1, 4096)),
    }),
  ),
  data: v.optional(
    v.object({
      kind: v.literal('imported'),
      id: v.pipe(v.string(), v.maxLength(200)),
      name: v.pipe(v.string(), v.maxLength(1000)),
    }),
  ),
});
type SchemaConfig = v.InferOutput<typeof Config>;
/** Rewind snapshots are weights alone, taken as training went: at most the store's capacity. */
const Rewind = v.pipe(v.array(Weights), v.maxLength(256));

/** A kept run of the runs panel: checked against its own settings, not the current run's. */
const KeptRunSchema = v.pipe(
  v.object({
    id: int(1, 1e6),
    config: Config,
    curves: CurvesSchema,
    step: int(0, 1e9),
    test: v.optional(
      v.object({ step: int(0, 1e9), value: PerModel(Metrics), bst: v.optional(Metrics) }),
    ),
    weights: v.optional(Weights),
    rewind: Rewind,
    weightsDropped: v.boolean(),
  }),
  v.check((r) => !r.weights || tablesFit(r.config, r.weights), TABLES),
  v.check((r) => r.rewind.every((w) => tablesFit(r.config, w)), TABLES),
  v.check((r) => !r.weights || twinsMatch(r.config.bugLab, r.weights), TWINS),
  v.check(
    (r) =>
      (!r.weights ||
        bstMatch(r.config.bst, rowsOf(r.config), r.config.model.embDim, r.weights, OPT)) &&
      r.rewind.every((w) =>
        bstMatch(r.config.bst, rowsOf(r.config), r.config.model.embDim, w, NO_OPT),
      ),
    BST,
  ),
);

export const SavedSessionSchema = v.pipe(
  v.object({
    format: v.literal(SESSION_FORMAT),
    version: v.literal(SESSION_VERSION),
    savedAt: num,
    config: Config,
    history: v.pipe(v.array(good), v.maxLength(1000)),
    // Days relative to the candidate's moment (<= 0), null where unknown (JSON has no NaN).
    times: v.optional(v.array(v.nullable(v.pipe(num, v.maxValue(0))))),
    candidate: good,
    curves: CurvesSchema,
    checkpoint: Weights,
    rewind: v.optional(Rewind),
    runs: v.optional(
      v.pipe(
        v.object({ current: int(1, 1e6), next: int(1, 1e6), kept: v.array(KeptRunSchema) }),
        v.check(
          (r) => new Set([r.current, ...r.kept.map((k) => k.id)]).size === r.kept.length + 1,
          'two runs with the same number',
        ),
        v.check(
          (r) => r.kept.every((k) => k.id < r.next) && r.current < r.next,
          'a run numbered past the next',
        ),
      ),
    ),
  }),
  v.check((s) => toyGoods(s.config, s.history), 'history: a good the shop does not sell'),
  v.check(
    (s) => s.times === undefined || s.times.length === s.history.length,
    'times: not one per purchase of the history',
  ),
  v.check((s) => toyGoods(s.config, [s.candidate]), 'candidate: a good the shop does not sell'),
  v.check((s) => tablesFit(s.config, s.checkpoint), TABLES),
  v.check((s) => twinsMatch(s.config.bugLab, s.checkpoint), TWINS),
  v.check(
    (s) => bstMatch(s.config.bst, rowsOf(s.config), s.config.model.embDim, s.checkpoint, OPT),
    BST,
  ),
  v.check(
    (s) =>
      (s.rewind ?? []).every((w) =>
        bstMatch(s.config.bst, rowsOf(s.config), s.config.model.embDim, w, NO_OPT),
      ),
    BST,
  ),
  v.check(
    (s) => (s.rewind ?? []).every((w) => w.step <= s.checkpoint.step),
    'a rewind snapshot past the checkpoint',
  ),
  v.check(
    (s) => (s.rewind ?? []).every((w) => tablesFit(s.config, w)),
    'a rewind snapshot whose embedding table does not match the settings',
  ),
);

/** A kept run as saved: the runs panel's run without what only this page's life means. */
export interface SavedKeptRun {
  id: number;
  config: SessionConfig;
  curves: Curves;
  step: number;
  test?: { step: number; value: Record<ModelName, EvalMetrics>; bst?: EvalMetrics };
  weights?: WeightsSnapshot;
  rewind: WeightsSnapshot[];
  weightsDropped: boolean;
}

/** The runs panel as saved: the current run's number, the next free one, the kept runs. */
export interface SavedRuns {
  current: number;
  next: number;
  kept: SavedKeptRun[];
}

/**
 * The record as the page writes it. The schema checks every field the page and the worker read;
 * settings fields it does not name pass through as they were saved (a later check, the worker's
 * own, refuses weights that do not fit the models those settings build).
 */
export interface SavedSession {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  savedAt: number;
  config: SessionConfig;
  history: number[];
  /**
   * When each purchase happened, days relative to the candidate's moment (null: unknown);
   * absent when none is known (and in records saved before times were kept).
   */
  times?: (number | null)[];
  candidate: number;
  curves: Curves;
  checkpoint: WeightsSnapshot;
  /** The current run's rewind snapshots up to the checkpoint's step. */
  rewind?: WeightsSnapshot[];
  /** The runs panel's other runs (absent in records of pages before the runs were saved). */
  runs?: SavedRuns;
}

export type Checked = { ok: true; session: SavedSession } | { ok: false; problem: string };

/** Validate a record read back; a problem names the first thing wrong, in plain words. */
export function checkSaved(raw: unknown): Checked {
  if (typeof raw === 'object' && raw !== null) {
    const r = raw as { format?: unknown; version?: unknown };
    if (r.format === SESSION_FORMAT && typeof r.version === 'number' && r.version > SESSION_VERSION)
      return {
        ok: false,
        problem: `it was saved by a newer version of this page (format ${r.version})`,
      };
  }
  const parsed = v.safeParse(SavedSessionSchema, raw);
  if (parsed.success) return { ok: true, session: parsed.output as unknown as SavedSession };
  const issue = parsed.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, problem: path ? `${path}: ${issue.message}` : issue.message };
}
