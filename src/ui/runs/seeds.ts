/**
 * "Repeat over 3 seeds": the same settings trained for seeds s, s+1, s+2 to one step count, one
 * after another in the same worker, then each model's test metrics as mean ± sample std (the
 * README's table form). The pure summary is here; useRuns drives the runs.
 */
import { meanStd } from '../../metrics';
import type { EvalMetrics, ModelName, Progress, Response } from '../../train/protocol';

export const REPEAT_SEEDS = 3;
export const REPEAT_STEPS = 300;
export const METRICS: (keyof EvalMetrics)[] = ['auc', 'gauc', 'logloss'];

export interface SeedResult {
  seed: number;
  step: number;
  test: Record<ModelName, EvalMetrics>;
  /** BST's test metrics, when the run trains it. */
  bst?: EvalMetrics;
}

type SeedRow = Record<keyof EvalMetrics, { mean: number; std: number }>;
/** Per model, and BST's row where every seed's run trained BST. */
export type SeedSummary = Record<ModelName, SeedRow> & { bst?: SeedRow };

export function seedSummary(results: SeedResult[]): SeedSummary {
  const models: ModelName[] = ['base', 'din', 'dien'];
  const out = {} as SeedSummary;
  for (const m of models) {
    const row = {} as SeedSummary[ModelName];
    for (const k of METRICS) row[k] = meanStd(results.map((r) => r.test[m][k]));
    out[m] = row;
  }
  const bst = results.map((r) => r.bst);
  if (results.length > 0 && bst.every((b) => b !== undefined)) {
    const row = {} as SeedRow;
    for (const k of METRICS) row[k] = meanStd(bst.map((b) => b[k]));
    out.bst = row;
  }
  return out;
}

/** The seeds of a repeat from the current one (the world's seed stays: the same shop). */
export function repeatSeeds(seed: number, n = REPEAT_SEEDS): number[] {
  return Array.from({ length: n }, (_, i) => seed + i);
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

interface Subscribable {
  subscribe(l: (r: Response) => void): () => void;
}

/** The first progress that satisfies `ok`; rejects with Cancelled when `signal` aborts. */
export function progressWhere(
  client: Subscribable,
  ok: (p: Progress) => boolean,
  signal: AbortSignal,
): Promise<Progress> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Cancelled());
    const done = () => {
      off();
      signal.removeEventListener('abort', abort);
    };
    const abort = () => {
      done();
      reject(new Cancelled());
    };
    const off = client.subscribe((r) => {
      if (r.type === 'progress' && ok(r.progress)) {
        done();
        resolve(r.progress);
      } else if (r.type === 'error' && r.fatal) {
        done();
        reject(new Error(r.message));
      }
    });
    signal.addEventListener('abort', abort);
  });
}
