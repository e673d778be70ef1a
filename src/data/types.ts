/** One CTR sample: a history prefix, a candidate and its label. Plain ids, untruncated. */
export interface Sample {
  user: number;
  /** Good ids, oldest first (full prefix; truncation to T happens when batching). */
  history: number[];
  candidate: number;
  label: 0 | 1;
  /**
   * DIEN auxiliary-loss negatives, aligned with history: auxNegatives[t] is a good sampled
   * for position t + 1 that differs from history[t + 1]. The last entry is unused (0).
   */
  auxNegatives: number[];
  /** When each history behavior happened (days, aligned with history); absent without timestamps. */
  times?: number[];
  /** When the candidate is shown: the time of the purchase it predicts. */
  time?: number;
}

export interface Dataset {
  train: Sample[];
  test: Sample[];
}

/**
 * A padded mini-batch in flat typed arrays, row-major [B, T].
 * Histories are left-aligned: position 0 is the oldest kept behavior, padding (id 0) at the end.
 */
export interface Batch {
  size: number;
  T: number;
  user: Int32Array; // [B]
  histItem: Int32Array; // [B*T]
  histCat: Int32Array; // [B*T]
  histShop: Int32Array; // [B*T]
  /** 1 = real behavior, 0 = padding. Float32 on purpose (TFJS_NOTES: no bool masks). */
  mask: Float32Array; // [B*T]
  /** Number of real behaviors per row. */
  length: Int32Array; // [B]
  candItem: Int32Array; // [B]
  candCat: Int32Array; // [B]
  candShop: Int32Array; // [B]
  label: Float32Array; // [B]
  /** Negative for position t+1 (aligned with mask), see Sample.auxNegatives. */
  auxNegItem: Int32Array; // [B*T]
  auxNegCat: Int32Array; // [B*T]
  auxNegShop: Int32Array; // [B*T]
  /** 1 where position t has a real next behavior t+1 inside the kept window. */
  auxMask: Float32Array; // [B*T]
  /**
   * Bucket of the time from behavior t to the candidate (world/gaps.ts gapBucket): 0 = padding,
   * 1 = unknown (the sample has no timestamps), 2.. = log₂ buckets of days.
   */
  histGap: Int32Array; // [B*T]
}

/** A BatchIterator's position (see BatchIterator.state). */
export interface IteratorState {
  orderRng: number;
  pos: number;
  seen: number;
}
