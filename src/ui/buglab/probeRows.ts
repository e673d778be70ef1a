/**
 * The probe's rows for one switch: what to compare, correct against bugged, on the reader's own
 * history. Which rows a switch gets is the bug's signature: padding → the CTR at several padding
 * lengths, softmax → the sum of DIN's weights, the AUGRU gate → the state's move where a_t is
 * smallest; every switch → the CTR on the history as the views score it.
 */
import { twinKey, type BugEntry, type LabId } from '../../model/bugs';
import type { ModelName, TwinProbeResult } from '../../train/protocol';
import { fmt } from '../common/format';

export interface ProbeWords {
  model: Record<ModelName, string>;
  ctrAt: (model: string, slots: number, L: number) => string;
  ctr: (model: string) => string;
  weightSum: string;
  quietMove: (position: number, correctA: string, buggedA: string) => string;
}

export interface ProbeRow {
  label: string;
  correct: string;
  bugged: string;
}

const PADDING: ReadonlySet<LabId> = new Set(['paddingLeak']);
const WEIGHTS: ReadonlySet<LabId> = new Set(['scaledSoftmax', 'dinAuthors']);
const GATE: ReadonlySet<LabId> = new Set(['invertedAugru', 'dienAuthors']);

export function probeRows(
  entry: BugEntry<LabId>,
  result: TwinProbeResult,
  w: ProbeWords,
): ProbeRow[] {
  return entry.models.flatMap((m) => {
    const p = result.probes[twinKey(entry.id, m)];
    if (!p) return [];
    const name = w.model[m];
    const rows: ProbeRow[] = PADDING.has(entry.id)
      ? p.lengths.map((slots, i) => ({
          label: w.ctrAt(name, slots, p.lengths[0]),
          correct: fmt(p.correct[i], 4),
          bugged: fmt(p.bugged[i], 4),
        }))
      : [{ label: w.ctr(name), correct: fmt(p.correct[0], 4), bugged: fmt(p.bugged[0], 4) }];
    if (WEIGHTS.has(entry.id) && p.weightSum) {
      rows.push({
        label: w.weightSum,
        correct: fmt(p.weightSum.correct, 3),
        bugged: fmt(p.weightSum.bugged, 3),
      });
    }
    if (GATE.has(entry.id) && p.quietest) {
      const q = p.quietest;
      rows.push({
        label: w.quietMove(q.position + 1, fmt(q.correctA, 3), fmt(q.buggedA, 3)),
        correct: fmt(q.correctMove, 3),
        bugged: fmt(q.buggedMove, 3),
      });
    }
    return rows;
  });
}
