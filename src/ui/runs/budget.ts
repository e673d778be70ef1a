/**
 * The memory budget for kept runs: their weights (with the optimizer's moments) and rewind
 * snapshots, counted in bytes of Float32Arrays. Over budget, the oldest runs' snapshots are
 * thinned first (every other one, oldest run first), then the oldest runs' weights are dropped;
 * a run without weights stays listed with its curves and metrics but cannot be resumed.
 */
import type { WeightsSnapshot } from '../../train/protocol';

/** 64 MiB: a few dozen kept runs at the page's default shapes. */
export const RUNS_BUDGET_BYTES = 64 * 1024 * 1024;

export interface Kept {
  id: number;
  weights?: WeightsSnapshot;
  rewind: WeightsSnapshot[];
}

/** What the budget took from one run. */
export interface Drop {
  id: number;
  snapshots: number;
  weights: boolean;
}

export function snapshotBytes(s: WeightsSnapshot | undefined): number {
  if (!s) return 0;
  let n = 0;
  const lists = [...Object.values(s.tensors), ...Object.values(s.twins ?? {})];
  for (const list of lists) for (const t of list ?? []) n += t.values.byteLength;
  const optimizers = [
    ...Object.values(s.training?.optimizer ?? {}),
    ...Object.values(s.training?.twins?.optimizer ?? {}),
  ];
  for (const o of optimizers) for (const m of o?.moments ?? []) n += m.values.byteLength;
  return n;
}

export function keptBytes(k: Kept): number {
  return snapshotBytes(k.weights) + k.rewind.reduce((a, s) => a + snapshotBytes(s), 0);
}

/** Every other snapshot, the newest always kept (it is the closest to the run's end). */
export function thinned(rewind: WeightsSnapshot[]): WeightsSnapshot[] {
  const last = rewind.length - 1;
  return rewind.filter((_, i) => (last - i) % 2 === 0 && i !== 0 && rewind.length > 1);
}

/**
 * The kept runs (oldest first) within `limit` bytes, and what was dropped. `live` (the run
 * training now) has nothing kept on the page and is never touched.
 */
export function fitRuns<K extends Kept>(
  runs: K[],
  limit: number,
  live: number | null,
): { runs: K[]; dropped: Drop[] } {
  const out = runs.map((r) => ({ ...r }));
  const drops = new Map<number, Drop>();
  const drop = (id: number) => {
    const d = drops.get(id) ?? { id, snapshots: 0, weights: false };
    drops.set(id, d);
    return d;
  };
  let total = out.reduce((a, r) => a + keptBytes(r), 0);
  const older = out.filter((r) => r.id !== live);
  for (const r of older) {
    while (total > limit && r.rewind.length > 0) {
      const next = thinned(r.rewind);
      total -= keptBytes(r);
      drop(r.id).snapshots += r.rewind.length - next.length;
      r.rewind = next;
      total += keptBytes(r);
    }
  }
  for (const r of older) {
    if (total <= limit) break;
    if (!r.weights) continue;
    total -= snapshotBytes(r.weights);
    r.weights = undefined;
    drop(r.id).weights = true;
  }
  return { runs: out, dropped: [...drops.values()] };
}
