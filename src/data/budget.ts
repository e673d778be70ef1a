/**
 * Resource budgets: what the settings would cost before any world or model is built, and the
 * largest settings that fit a phone-class tab. The data set keeps every prefix of every history
 * (the papers' protocol), so its memory grows with shoppers × history² (20,000 shoppers with
 * histories of 200 needed ~4.3 GB and killed the tab); one training step's activations grow with
 * batch × T × embedding width. The URL parser, the settings panel and the worker all use these.
 */

/** The settings the budgets read. */
export interface BudgetSettings {
  world: { shoppers: number; minHistory: number; maxHistory: number };
  model: { T: number; embDim: number };
  train: { batchSize: number };
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

export function stepCells(c: Pick<BudgetSettings, 'model' | 'train'>): number {
  return c.train.batchSize * c.model.T * 3 * c.model.embDim;
}

export function stepWork(c: Pick<BudgetSettings, 'model' | 'train'>): number {
  return stepCells(c) * 3 * c.model.embDim;
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
  const perExample = out.model.T * 3 * out.model.embDim;
  const maxBatch = Math.max(
    1,
    Math.floor(
      Math.min(MAX_STEP_CELLS / perExample, MAX_STEP_WORK / (perExample * 3 * out.model.embDim)),
    ),
  );
  if (out.train.batchSize > maxBatch) {
    caps.push({
      setting: 'batch',
      asked: out.train.batchSize,
      kept: maxBatch,
      message: `batch ${out.train.batchSize} × T ${out.model.T} × embeddings 3×${out.model.embDim} is too much for one step (~${Math.round((stepCells(out) * 800) / 1e6)} MB); kept batch ${maxBatch} (the limits are ${MAX_STEP_CELLS / 1e3} k activation cells and ${MAX_STEP_WORK / 1e6} M multiply-adds a step)`,
    });
    out = { ...out, train: { ...out.train, batchSize: maxBatch } };
  }
  return { settings: out, caps };
}
