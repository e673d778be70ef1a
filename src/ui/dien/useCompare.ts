/** DIN versus DIEN: the same history scored for a current-interest and an old-interest candidate. */
import type { ScoreResult } from '../../train/protocol';
import { useRequest } from '../common/useRequest';
import type { Trainer } from '../training/useTrainer';

const COMPARE_INTERVAL_MS = 2000;

export interface CompareData {
  current: ScoreResult;
  old: ScoreResult;
}

export function useCompare(
  trainer: Trainer,
  history: number[],
  goods: { current: number; old: number },
  atStep: number | null,
  /** Changes when the weights may have moved (training progress, a rewind). */
  tick: unknown,
): CompareData | null {
  const { client, ready, version } = trainer;
  const at = atStep ?? undefined;
  return useRequest<CompareData>(
    ready && client !== null,
    `${history.join()}|${goods.current}|${goods.old}|${atStep}|${version}`,
    async () => {
      const [current, old] = await Promise.all([
        client!.score(history, goods.current, at),
        client!.score(history, goods.old, at),
      ]);
      return { current, old };
    },
    tick,
    COMPARE_INTERVAL_MS,
  ).value;
}
