/**
 * The bug lab's live probe on the reader's history and candidate: asked of the training worker
 * (it holds the twins) when the inputs change and, throttled, as training goes on.
 */
import type { TwinProbeResult } from '../../train/protocol';
import { useRequest } from '../common/useRequest';
import type { Trainer } from '../training/useTrainer';

const PROBE_INTERVAL_MS = 2000;

export function useTwinProbe(
  trainer: Trainer,
  twins: boolean,
  goods: number[],
  candidate: number,
): TwinProbeResult | null {
  const { client, ready, progress, version } = trainer;
  const probe = useRequest<TwinProbeResult>(
    twins && ready && client !== null && goods.length > 0,
    `${version}|${goods.join('.')}|${candidate}`,
    () => client!.probeTwins(goods, candidate),
    progress?.step,
    PROBE_INTERVAL_MS,
  );
  return probe.value;
}
