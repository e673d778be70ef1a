/**
 * Padding, truncation and masks. Shapes are fixed ([B, T]) so that a GPU backend compiles its
 * kernels once; ids are validated here because an out-of-range gather silently returns 0 on
 * webgpu/webgl (TFJS_NOTES).
 */
import { GAP_UNKNOWN, gapBucket } from '../world/gaps';
import { Rng } from '../world/random';
import type { Catalogue } from '../world/types';
import type { Batch, IteratorState, Sample } from './types';

/** Indices of the original history that survive truncation to T: the most recent T. */
export function keptIndices(historyLength: number, T: number): number[] {
  const start = Math.max(0, historyLength - T);
  const out: number[] = [];
  for (let i = start; i < historyLength; i++) out.push(i);
  return out;
}

function allocate(B: number, T: number): Batch {
  return {
    size: B,
    T,
    user: new Int32Array(B),
    histItem: new Int32Array(B * T),
    histCat: new Int32Array(B * T),
    histShop: new Int32Array(B * T),
    mask: new Float32Array(B * T),
    length: new Int32Array(B),
    candItem: new Int32Array(B),
    candCat: new Int32Array(B),
    candShop: new Int32Array(B),
    label: new Float32Array(B),
    auxNegItem: new Int32Array(B * T),
    auxNegCat: new Int32Array(B * T),
    auxNegShop: new Int32Array(B * T),
    auxMask: new Float32Array(B * T),
    histGap: new Int32Array(B * T),
  };
}

function checkGood(id: number, N: number, what: string): void {
  if (!Number.isInteger(id) || id < 1 || id > N) {
    throw new Error(`batch: ${what} good id ${id} is outside 1..${N}`);
  }
}

function checkT(T: number): void {
  if (!Number.isInteger(T) || T < 1)
    throw new Error(`batch: T must be a positive integer, got ${T}`);
}

/** Timestamps of one row: the history's (aligned with it; NaN: unknown) and the candidate's. */
export interface RowTimes {
  times: number[];
  now: number;
}

/**
 * The gap index (Batch.histGap) of a behavior at `time` seen from `now`: gapBucket of the days
 * between, GAP_UNKNOWN where either time is unknown (NaN), e.g. a purchase the reader added.
 */
export function gapIndex(now: number, time: number): number {
  return Number.isFinite(now) && Number.isFinite(time) ? gapBucket(now - time) : GAP_UNKNOWN;
}

/**
 * Writes one row. `auxNegatives` may be null: the aux negatives are then 0 (padding id) while
 * auxMask still marks the real next positions. Without `when` every real gap is GAP_UNKNOWN.
 */
function fillRow(
  b: Batch,
  row: number,
  catalogue: Catalogue,
  user: number,
  history: number[],
  candidate: number,
  label: number,
  auxNegatives: number[] | null,
  when?: RowTimes,
): void {
  const { T } = b;
  const goods = catalogue.goods;
  const N = goods.length;
  if (!Number.isInteger(user) || user < 0) throw new Error(`batch: user id ${user} is invalid`);
  if (label !== 0 && label !== 1) throw new Error(`batch: label must be 0 or 1, got ${label}`);
  checkGood(candidate, N, 'candidate');
  if (auxNegatives && auxNegatives.length !== history.length) {
    throw new Error(
      `batch: auxNegatives has length ${auxNegatives.length}, history has ${history.length}`,
    );
  }
  if (when && when.times.length !== history.length) {
    throw new Error(`batch: ${when.times.length} times for a history of ${history.length}`);
  }
  const start = Math.max(0, history.length - T);
  const len = history.length - start;
  b.user[row] = user;
  b.length[row] = len;
  b.label[row] = label;
  const cand = goods[candidate - 1];
  b.candItem[row] = candidate;
  b.candCat[row] = cand.category;
  b.candShop[row] = cand.shop;
  const base = row * T;
  for (let t = 0; t < len; t++) {
    const id = history[start + t];
    checkGood(id, N, 'history');
    const g = goods[id - 1];
    b.histItem[base + t] = id;
    b.histCat[base + t] = g.category;
    b.histShop[base + t] = g.shop;
    b.mask[base + t] = 1;
    b.histGap[base + t] = when ? gapIndex(when.now, when.times[start + t]) : GAP_UNKNOWN;
    if (t + 1 < len) {
      b.auxMask[base + t] = 1;
      if (auxNegatives) {
        const neg = auxNegatives[start + t];
        checkGood(neg, N, 'aux negative');
        const ng = goods[neg - 1];
        b.auxNegItem[base + t] = neg;
        b.auxNegCat[base + t] = ng.category;
        b.auxNegShop[base + t] = ng.shop;
      }
    }
  }
}

function timesOf(s: Sample): RowTimes | undefined {
  if (s.times === undefined || s.time === undefined) return undefined;
  return { times: s.times, now: s.time };
}

export function makeBatch(samples: Sample[], catalogue: Catalogue, T: number): Batch {
  checkT(T);
  const b = allocate(samples.length, T);
  samples.forEach((s, i) =>
    fillRow(b, i, catalogue, s.user, s.history, s.candidate, s.label, s.auxNegatives, timesOf(s)),
  );
  return b;
}

/**
 * A batch of one row for scoring a (history, candidate) pair: user 0, label 0. Its aux
 * negatives are 0 (padding) even where auxMask is 1, so it is for the forward pass only; the
 * auxiliary loss computed on it is meaningless.
 */
export function singleBatch(
  history: number[],
  candidate: number,
  catalogue: Catalogue,
  T: number,
  when?: RowTimes,
): Batch {
  checkT(T);
  const b = allocate(1, T);
  fillRow(b, 0, catalogue, 0, history, candidate, 0, null, when);
  return b;
}

/** Evaluation batches in order; the last one may be smaller. */
export function batches(
  samples: Sample[],
  catalogue: Catalogue,
  T: number,
  batchSize: number,
): Batch[] {
  checkBatchSize(batchSize);
  const out: Batch[] = [];
  for (let i = 0; i < samples.length; i += batchSize) {
    out.push(makeBatch(samples.slice(i, i + batchSize), catalogue, T));
  }
  return out;
}

export interface EvalBatch {
  batch: Batch;
  /** Rows 0..valid−1 are real samples; later rows repeat the chunk's first sample as filler. */
  valid: number;
}

/** Like `batches`, but every batch has exactly batchSize rows so a GPU never sees a new shape. */
export function evalBatches(
  samples: Sample[],
  catalogue: Catalogue,
  T: number,
  batchSize: number,
): EvalBatch[] {
  checkBatchSize(batchSize);
  const out: EvalBatch[] = [];
  for (let i = 0; i < samples.length; i += batchSize) {
    const chunk = samples.slice(i, i + batchSize);
    const valid = chunk.length;
    while (chunk.length < batchSize) chunk.push(chunk[0]);
    out.push({ batch: makeBatch(chunk, catalogue, T), valid });
  }
  return out;
}

function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`batch: batchSize must be a positive integer, got ${batchSize}`);
  }
}

/**
 * Endless training batches of a fixed size. An epoch is one pass over a seeded shuffle of all
 * samples; a batch that crosses the end of an epoch is completed from the next epoch's fresh
 * shuffle, so every batch has the same shape.
 */
export class BatchIterator {
  private readonly samples: Sample[];
  private readonly catalogue: Catalogue;
  private readonly T: number;
  private readonly batchSize: number;
  private readonly rng: Rng;
  private order: number[];
  /** The RNG's position before the current order was shuffled: the order is re-derived from it. */
  private orderRng: number;
  private pos = 0;
  private seen = 0;

  constructor(samples: Sample[], catalogue: Catalogue, T: number, batchSize: number, seed: number) {
    if (samples.length === 0) throw new Error('BatchIterator: no samples');
    checkT(T);
    checkBatchSize(batchSize);
    this.samples = samples;
    this.catalogue = catalogue;
    this.T = T;
    this.batchSize = batchSize;
    this.rng = new Rng(seed);
    this.orderRng = this.rng.save();
    this.order = this.freshOrder();
  }

  private freshOrder(): number[] {
    this.orderRng = this.rng.save();
    return this.rng.shuffle(Array.from({ length: this.samples.length }, (_, i) => i));
  }

  /** Where the iterator is, in a few numbers (the epoch's order is reshuffled from them). */
  get state(): IteratorState {
    return { orderRng: this.orderRng, pos: this.pos, seen: this.seen };
  }

  /** Continue from `state`: the same batches follow as after the step it was taken at. */
  restore(state: IteratorState): void {
    if (state.pos < 0 || state.pos > this.samples.length || state.seen < 0)
      throw new Error(`BatchIterator: state ${JSON.stringify(state)} does not fit this data set`);
    this.rng.restore(state.orderRng);
    this.order = this.freshOrder();
    this.pos = state.pos;
    this.seen = state.seen;
  }

  next(): Batch {
    const chunk: Sample[] = [];
    while (chunk.length < this.batchSize) {
      if (this.pos === this.order.length) {
        this.order = this.freshOrder();
        this.pos = 0;
      }
      chunk.push(this.samples[this.order[this.pos++]]);
    }
    this.seen += this.batchSize;
    return makeBatch(chunk, this.catalogue, this.T);
  }

  /** Completed epochs. */
  get epoch(): number {
    return Math.floor(this.seen / this.samples.length);
  }

  /** Epochs as a fraction (1.5 = halfway through the second epoch). */
  get epochProgress(): number {
    return this.seen / this.samples.length;
  }

  get samplesSeen(): number {
    return this.seen;
  }
}
