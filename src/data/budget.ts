/**
 * Resource budgets: what the settings would cost before any world or model is built, and the
 * largest settings that fit a phone-class tab. The data set keeps every prefix of every history
 * (the papers' protocol), so its memory grows with shoppers × history² (20,000 shoppers with
 * histories of 200 needed ~4.3 GB and killed the tab); one training step's activations grow with
 * batch × T × embedding width, and BST's (when it trains) with batch × (T + 1)² as well. The URL
 * parser, the settings panel and the worker all use these.
 */

/** The settings the budgets read. */
export interface BudgetSettings {
  world: { shoppers: number; minHistory: number; maxHistory: number };
  model: { T: number; embDim: number };
  train: { batchSize: number };
  /** BST trained as a fourth model (SessionConfig.bst; its shape here, data/ reads no model/). */
  bst?: { heads: number; ffnHidden?: number };
}

/**
 * Prefix cells the data set holds (history + auxiliary negatives of every prefix, n(n − 1) for a
 * history of n): at most this many. Measured ~5 bytes a cell in V8 (20,000 shoppers × 200:
 * 796 M cells, ~4.3 GB), so ~80 MB; the default world holds ~0.6 M.
 */
export const MAX_HISTORY_CELLS = 16_000_000;

/** Bytes a history cell costs, measured (see MAX_HISTORY_CELLS). */
const BYTES_PER_CELL = 5;

/**
 * One training step, with D = 3 · embedding size (goods ⊕ shop ⊕ category) and DIEN's hidden
 * size D: its activations (kept for the backward pass) grow with batch × T × D, its matrix work
 * with batch × T × D². Measured on Node wasm at T 100, emb 64, batch 104: ~800 bytes and
 * ~40 ns per unit, 1.6 GB and 15 s a step. The limits keep a step near ~150 MB and ~1.5 s there;
 * the defaults (64 × 20 × 18) use 8 % and 1 % of them.
 */
export const MAX_STEP_CELLS = 300_000;
export const MAX_STEP_WORK = 40_000_000;
/** Bytes a step cell costs, measured (see MAX_STEP_CELLS). */
const BYTES_PER_STEP_CELL = 800;

/**
 * BST's step, in the same units. Its tokens are the T behaviors and the candidate, L = T + 1, each
 * d = 4 · embedding size wide (goods ⊕ shop ⊕ category ⊕ position, as model/bst.ts builds them);
 * self-attention keeps heads · L² scores, the Q/K/V/O projections and the feed-forward layer
 * (hidden f, default 4d) cost L·d·(4d + 2f) multiply-adds, the scores and their weighted sum
 * 2·L²·d more. Measured on Node wasm in 2026-12 (scripts/bst-cost.ts's method, each model's
 * training step timed interleaved batch for batch, plus tf.profile's peak bytes of each step; the
 * script was not kept; 19 settings, emb 6–32, T 10–160, heads 1–2, batch 16–64, and
 * BENCHMARKS.md's "BST's cost against T"):
 * - memory: ~520 bytes per token value (L·d) and ~108 per score (heads·L²), every setting within
 *   4 % (e.g. emb 6, T 160, batch 64: 319 MB with 1 head, 499 MB with 2; the three models 97 MB);
 * - time, against DIEN's step counted as its units (batch · T · (3·emb)²): ~1/23 unit per
 *   multiply-add and ~2.7 units per score (the softmax's elementwise passes and their gradients
 *   outweigh the matmuls at these widths), 7 % rms over the 18 settings with T ≥ 40 (BST / DIEN
 *   measured 1.42, 2.0 and 3.8 at T 40, 80 and 160 with emb 6, these constants give 1.57, 2.15
 *   and 3.33). Counting against DIEN alone, not all three models, errs towards a smaller batch.
 */
const BST_BYTES_PER_TOKEN_VALUE = 520;
const BST_BYTES_PER_SCORE = 108;
const BST_MULADDS_PER_UNIT = 23;
const BST_UNITS_PER_SCORE = 2.7;

type StepSettings = Pick<BudgetSettings, 'model' | 'train' | 'bst'>;

/** E[n(n − 1)] for n uniform on the integers minHistory..maxHistory. */
function meanCells(a: number, b: number): number {
  let s = 0;
  for (let n = a; n <= b; n++) s += n * (n - 1);
  return s / (b - a + 1);
}

/** A shopper with n purchases gives prefixes 1..n−1, each a history and its aux negatives. */
export function historyCells(w: BudgetSettings['world']): number {
  return w.shoppers * meanCells(w.minHistory, w.maxHistory);
}

/** One example's step cells for BST (0 when it does not train). */
function bstCellsPerExample(c: StepSettings): number {
  if (!c.bst) return 0;
  const L = c.model.T + 1;
  const d = 4 * c.model.embDim;
  const bytes = BST_BYTES_PER_TOKEN_VALUE * L * d + BST_BYTES_PER_SCORE * c.bst.heads * L * L;
  return bytes / BYTES_PER_STEP_CELL;
}

/** One example's step work for BST (0 when it does not train). */
function bstWorkPerExample(c: StepSettings): number {
  if (!c.bst) return 0;
  const L = c.model.T + 1;
  const d = 4 * c.model.embDim;
  const f = c.bst.ffnHidden ?? 4 * d;
  const muladds = L * d * (4 * d + 2 * f) + 2 * L * L * d;
  return muladds / BST_MULADDS_PER_UNIT + BST_UNITS_PER_SCORE * c.bst.heads * L * L;
}

export function bstStepCells(c: StepSettings): number {
  return c.train.batchSize * bstCellsPerExample(c);
}

export function bstStepWork(c: StepSettings): number {
  return c.train.batchSize * bstWorkPerExample(c);
}

/** The three models' step cells, and BST's when it trains. */
export function stepCells(c: StepSettings): number {
  return c.train.batchSize * c.model.T * 3 * c.model.embDim + bstStepCells(c);
}

export function stepWork(c: StepSettings): number {
  const D = 3 * c.model.embDim;
  return c.train.batchSize * c.model.T * D * D + bstStepWork(c);
}

/** What a budget changed, in words for the reader. */
export interface BudgetCap {
  setting: 'shoppers' | 'batch';
  asked: number;
  kept: number;
  message: string;
}

/**
 * The settings capped to the budgets: fewer shoppers when the data set would not fit, a smaller
 * batch when a step would not. `caps` says what changed and why (empty when nothing did).
 */
export function fitBudget<S extends BudgetSettings>(s: S): { settings: S; caps: BudgetCap[] } {
  const caps: BudgetCap[] = [];
  let out = s;
  const cells = historyCells(s.world);
  if (cells > MAX_HISTORY_CELLS) {
    const perShopper = cells / s.world.shoppers;
    const kept = Math.max(1, Math.floor(MAX_HISTORY_CELLS / perShopper));
    caps.push({
      setting: 'shoppers',
      asked: s.world.shoppers,
      kept,
      message: `${s.world.shoppers} shoppers with histories of ${s.world.minHistory}–${s.world.maxHistory} would need ~${Math.round((cells * BYTES_PER_CELL) / 1e6)} MB for the data set; kept ${kept} shoppers (the limit is ${MAX_HISTORY_CELLS / 1e6} M history cells, ~${Math.round((MAX_HISTORY_CELLS * BYTES_PER_CELL) / 1e6)} MB)`,
    });
    out = { ...out, world: { ...out.world, shoppers: kept } };
  }
  const one = { ...out, train: { ...out.train, batchSize: 1 } };
  const maxBatch = Math.max(
    1,
    Math.floor(Math.min(MAX_STEP_CELLS / stepCells(one), MAX_STEP_WORK / stepWork(one))),
  );
  if (out.train.batchSize > maxBatch) {
    const mb = (cells: number) => Math.round((cells * BYTES_PER_STEP_CELL) / 1e6);
    const bst = out.bst
      ? ` with BST (${out.bst.heads} head${out.bst.heads === 1 ? '' : 's'} of self-attention over ${out.model.T + 1} tokens)`
      : '';
    const bstShare = out.bst ? `, BST ~${mb(bstStepCells(out))} MB of it` : '';
    caps.push({
      setting: 'batch',
      asked: out.train.batchSize,
      kept: maxBatch,
      message: `batch ${out.train.batchSize} × T ${out.model.T} × embeddings 3×${out.model.embDim}${bst} is too much for one step (~${mb(stepCells(out))} MB${bstShare}); kept batch ${maxBatch} (the limits are ${MAX_STEP_CELLS / 1e3} k activation cells and ${MAX_STEP_WORK / 1e6} M multiply-adds a step)`,
    });
    out = { ...out, train: { ...out.train, batchSize: maxBatch } };
  }
  return { settings: out, caps };
}
