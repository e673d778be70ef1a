/** Evaluation metrics as the papers define them. Plain arrays in, numbers out. */

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  if (a.length !== b.length) {
    throw new Error(`${what}: lengths differ (${a.length} vs ${b.length})`);
  }
}

/**
 * ROC AUC as the Mann–Whitney statistic: the probability that a random positive scores above a
 * random negative, ties counting one half (via average ranks). NaN if a class is absent.
 */
export function auc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  checkLengths(labels, scores, 'auc');
  const n = labels.length;
  // A diverged model's NaN scores would make the sort order arbitrary: report NaN instead.
  for (let i = 0; i < n; i++) if (Number.isNaN(scores[i])) return NaN;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let nPos = 0;
  let rankSumPos = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const avgRank = (i + j) / 2 + 1; // ranks are 1-based
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]] === 1) {
        nPos++;
        rankSumPos += avgRank;
      }
    }
    i = j + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * DIN paper Eq. 10, user-weighted AUC: Σ_u n_u · AUC_u / Σ_u n_u with n_u the user's number of
 * samples; users whose samples are all one label have no AUC and are skipped. NaN if none is left.
 */
export function gauc(
  users: ArrayLike<number>,
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): number {
  checkLengths(users, labels, 'gauc');
  checkLengths(users, scores, 'gauc');
  const groups = new Map<number, number[]>();
  for (let i = 0; i < users.length; i++) {
    const g = groups.get(users[i]);
    if (g) g.push(i);
    else groups.set(users[i], [i]);
  }
  let num = 0;
  let den = 0;
  for (const idx of groups.values()) {
    const a = auc(
      idx.map((i) => labels[i]),
      idx.map((i) => scores[i]),
    );
    if (Number.isNaN(a)) continue;
    num += idx.length * a;
    den += idx.length;
  }
  return den > 0 ? num / den : NaN;
}

/** Mean binary cross-entropy, probabilities clipped to [eps, 1 − eps] so a confident miss is finite. */
export function logloss(labels: ArrayLike<number>, probs: ArrayLike<number>, eps = 1e-7): number {
  checkLengths(labels, probs, 'logloss');
  if (labels.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probs[i]));
    s -= labels[i] * Math.log(p) + (1 - labels[i]) * Math.log(1 - p);
  }
  return s / labels.length;
}

/** RelaImpr in percent: ((AUC_model − 0.5) / (AUC_base − 0.5) − 1) × 100. */
export function relaImpr(aucModel: number, aucBase: number): number {
  return ((aucModel - 0.5) / (aucBase - 0.5) - 1) * 100;
}

/** Mean and sample standard deviation (n − 1); std is NaN for fewer than two values. */
export function meanStd(xs: number[]): { mean: number; std: number } {
  const n = xs.length;
  if (n === 0) return { mean: NaN, std: NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, std: NaN };
  const v = xs.reduce((a, x) => a + (x - mean) * (x - mean), 0) / (n - 1);
  return { mean, std: Math.sqrt(v) };
}
