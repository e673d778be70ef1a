/** A good in the toy shop. Ids start at 1: id 0 is reserved for padding everywhere. */
export interface Good {
  id: number;
  name: string;
  emoji: string;
  /** Category id, 1-based (0 = padding). */
  category: number;
  /** Shop id, 1-based (0 = padding). */
  shop: number;
}

export interface Category {
  id: number;
  name: string;
  /** Categories a shopper drifts to more readily from this one (ids). */
  related: number[];
}

export interface Shop {
  id: number;
  name: string;
  category: number;
}

export interface Catalogue {
  /** goods[i].id === i + 1 */
  goods: Good[];
  /** categories[i].id === i + 1 */
  categories: Category[];
  /** shops[i].id === i + 1 */
  shops: Shop[];
}

/** Every knob of the simulated world, in one place. */
export interface WorldConfig {
  seed: number;
  /** Number of simulated shoppers. */
  shoppers: number;
  /** Each shopper's number of purchases is uniform in [minHistory, maxHistory]. */
  minHistory: number;
  maxHistory: number;
  /** Probability, per purchase, that the shopper's interest moves to another category. */
  drift: number;
  /** Probability that a purchase is a random good, unrelated to the current interest. */
  noise: number;
  /** Share of drift moves that go to a related category rather than any category. */
  related: number;
  /**
   * How much the time between purchases matters, per day (absent = 0). After a gap of Δ days
   * the interest stays with probability (1 − drift)·exp(−timeSignal·Δ): 0 means time carries no
   * signal and the world and its truth are exactly those without timestamps.
   */
  timeSignal?: number;
}

export interface Shopper {
  id: number;
  /** Purchased good ids, oldest first. */
  purchases: number[];
  /** The true interest category behind each purchase (hidden from models). */
  interests: number[];
  /**
   * When each purchase happened, in days since the shopper's first purchase (oldest first, so
   * times[0] = 0, non-decreasing). Absent when the source has no timestamps.
   */
  times?: number[];
}

export interface World {
  config: WorldConfig;
  catalogue: Catalogue;
  shoppers: Shopper[];
}

/** What the world knows about a history and a candidate. */
export interface Truth {
  /** Bayes-optimal probability that the candidate is the positive under the sampling protocol. */
  ctr: number;
  /** Probability that the shopper's next purchase is the candidate. */
  nextProbability: number;
  /** Per behavior (same order as the history): how relevant it is to the candidate, in [0, 1]. */
  relevance: number[];
}
