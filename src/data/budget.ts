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
 * Prefix cells the data set holds (history + auxiliary negatives of every prefix): at most this
 * many (≈ 16 bytes each in JS arrays, so ~130 MB). The default world holds ~1.3 M.
 */
export const MAX_HISTORY_CELLS = 8_000_000;

/**
 * batch × T × (3 · embedding size) per step: DIEN's recurrences keep a few tensors of this size
 * per layer for the backward pass. The default is 64 × 20 × 18 ≈ 23 k; this allows ~85× that.
 */
export const MAX_STEP_CELLS = 2_000_000;

/** E[n²] for n uniform on the integers minHistory..maxHistory. */
function meanSquare(a: number, b: number): number {
  let s = 0;
  for (let n = a; n <= b; n++) s += n * n;
  return s / (b - a + 1);
}

export function historyCells(w: BudgetSettings['world']): number {
  return 2 * w.shoppers * meanSquare(w.minHistory, w.maxHistory);
}

export function stepCells(c: Pick<BudgetSettings, 'model' | 'train'>): number {
  return c.train.batchSize * c.model.T * 3 * c.model.embDim;
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
      message: `${s.world.shoppers} shoppers with histories of ${s.world.minHistory}–${s.world.maxHistory} would need ~${Math.round((cells * 16) / 1e6)} MB for the data set; kept ${kept} shoppers (the limit is ${MAX_HISTORY_CELLS / 1e6} M history cells, ~${Math.round((MAX_HISTORY_CELLS * 16) / 1e6)} MB)`,
    });
    out = { ...out, world: { ...out.world, shoppers: kept } };
  }
  const step = stepCells(out);
  if (step > MAX_STEP_CELLS) {
    const kept = Math.max(1, Math.floor(MAX_STEP_CELLS / (out.model.T * 3 * out.model.embDim)));
    caps.push({
      setting: 'batch',
      asked: out.train.batchSize,
      kept,
      message: `batch ${out.train.batchSize} × T ${out.model.T} × embeddings 3×${out.model.embDim} is too much for one step; kept batch ${kept} (the limit is ${MAX_STEP_CELLS / 1e6} M cells per step)`,
    });
    out = { ...out, train: { ...out.train, batchSize: kept } };
  }
  return { settings: out, caps };
}
