/**
 * The bug lab's rows for the results table: each bugged copy's test metrics, shown only for the
 * step the table shows (the twins' metrics are live only: a rewound table has none for them).
 */
import { labEntry, twinsOf, type TwinKey } from '../../model/bugs';
import type { EvalMetrics, Progress, SessionConfig } from '../../train/protocol';
import type { Lang } from '../text/i18n';
import { BUGLAB_STRINGS } from './strings';

export interface TwinRow {
  key: TwinKey;
  /** "DIN + Padding not masked". */
  name: string;
  metrics: EvalMetrics;
}

export function twinRows(
  config: SessionConfig,
  progress: Progress | null,
  shownStep: number | undefined,
  lang: Lang,
): TwinRow[] {
  const twins = progress?.twinTest;
  if (!twins || shownStep === undefined || progress?.testStep !== shownStep) return [];
  const w = BUGLAB_STRINGS[lang];
  return twinsOf(config.bugLab ?? []).flatMap(({ key, id, model }) => {
    const metrics = twins[key];
    const title = labEntry(id)?.title[lang];
    return metrics && title ? [{ key, name: w.twinRow(w.model[model], title), metrics }] : [];
  });
}
