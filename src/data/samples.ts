/**
 * The papers' public-data protocol: every history prefix predicts the next purchase against one
 * uniformly sampled negative; each shopper's last position is the test set.
 */
import { Rng } from '../world/random';
import type { Catalogue, Shopper } from '../world/types';
import type { Dataset, Sample } from './types';

/** Uniform over 1..N excluding `exclude`, without rejection loops (so it always terminates). */
export function sampleOther(rng: Rng, N: number, exclude: number): number {
  if (N < 2) throw new Error('sampleOther: need at least two goods to sample a negative');
  const r = 1 + rng.int(N - 1);
  return r >= exclude ? r + 1 : r;
}

/**
 * Bug lab (pitfall 7): uniform over all of 1..N, the positive included. One draw like sampleOther,
 * so a data set built with it pairs sample for sample with the correct one.
 */
export function sampleAny(rng: Rng, N: number): number {
  return 1 + rng.int(N);
}

export interface DatasetOptions {
  seed: number;
  /** Bug lab (pitfall 7): negatives, CTR and auxiliary, drawn with sampleAny. */
  negativesMayEqualPositive?: boolean;
  /** Shortest prefix turned into a sample (default 1). */
  minPrefix?: number;
}

/**
 * What the protocol reads of a world: the catalogue and each shopper's purchases and times. A
 * simulated World is one; so is an imported log, which has no interest phases to carry.
 */
export interface ProtocolSource {
  catalogue: Catalogue;
  shoppers: readonly Pick<Shopper, 'id' | 'purchases' | 'times'>[];
}

/**
 * Histories of the samples of one shopper share one array per prefix (the positive and the
 * negative of a position point to the same arrays): treat Sample arrays as read-only.
 */
export function buildDataset(world: ProtocolSource, opts: DatasetOptions): Dataset {
  const minPrefix = opts.minPrefix ?? 1;
  if (!Number.isInteger(minPrefix) || minPrefix < 1) {
    throw new Error(`buildDataset: minPrefix must be an integer >= 1, got ${minPrefix}`);
  }
  const N = world.catalogue.goods.length;
  const root = new Rng(opts.seed);
  const train: Sample[] = [];
  const test: Sample[] = [];
  for (const shopper of world.shoppers) {
    const p = shopper.purchases;
    const n = p.length;
    for (const b of p) {
      if (!Number.isInteger(b) || b < 1 || b > N) {
        throw new Error(`buildDataset: shopper ${shopper.id} has good id ${b} outside 1..${N}`);
      }
    }
    const times = shopper.times;
    if (times && times.length !== n) {
      throw new Error(
        `buildDataset: shopper ${shopper.id} has ${times.length} times for ${n} purchases`,
      );
    }
    const rng = root.fork(shopper.id);
    const draw = (positive: number) =>
      opts.negativesMayEqualPositive ? sampleAny(rng, N) : sampleOther(rng, N, positive);
    // One aux negative per real next behavior, shared by every prefix of this shopper so that
    // the auxiliary task sees a consistent negative for a given position.
    const aux = new Array<number>(n).fill(0);
    for (let t = 0; t + 1 < n; t++) aux[t] = draw(p[t + 1]);
    for (let k = minPrefix; k <= n - 1; k++) {
      const history = p.slice(0, k);
      const auxNegatives = aux.slice(0, k);
      auxNegatives[k - 1] = 0; // history[k] is the candidate, not part of this prefix
      const positive = p[k];
      const negative = draw(positive);
      const into = k === n - 1 ? test : train;
      const user = shopper.id;
      // Both samples of a position are shown at the time of the purchase they predict.
      const when = times ? { times: times.slice(0, k), time: times[k] } : {};
      into.push({ user, history, candidate: positive, label: 1, auxNegatives, ...when });
      into.push({ user, history, candidate: negative, label: 0, auxNegatives, ...when });
    }
  }
  return { train, test };
}

/** A seeded Fisher–Yates shuffle of a copy. */
export function shuffleSamples(samples: Sample[], seed: number): Sample[] {
  return new Rng(seed).shuffle(samples.slice());
}
