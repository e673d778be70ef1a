/** Base, DIN and DIEN side by side: this history's predicted CTR, the truth, and test metrics. */
import { memo } from 'react';
import type { EvalMetrics, ModelName, Progress } from '../../train/protocol';
import { fmt, pct } from '../common/format';
import { MODEL_COLOR, MODELS } from '../common/palette';
import { useStrings } from '../text/TextContext';
import type { Scored } from '../state/types';

export const ModelCards = memo(function ModelCards({
  ready,
  scored,
  progress,
}: {
  ready: boolean;
  scored: Scored | null;
  progress: Progress | null;
}) {
  const t = useStrings();
  return (
    <div className="model-cards">
      {MODELS.map((m: ModelName) => {
        const test: EvalMetrics | undefined = progress?.test?.[m];
        const ctr = scored?.result[m].ctr;
        const loss = progress?.loss[m];
        return (
          <article
            key={m}
            className="model-card"
            aria-labelledby={`card-${m}`}
            style={{ borderTopColor: MODEL_COLOR[m] }}
          >
            <h3 id={`card-${m}`}>{t.modelNames[m]}</h3>
            {!ready ? (
              <p className="loading">{t.loading}</p>
            ) : (
              <dl>
                <div>
                  <dt>{t.predicted}</dt>
                  <dd className="big">{scored ? pct(ctr) : t.waiting}</dd>
                </div>
                <div>
                  <dt>{t.trueCtr}</dt>
                  <dd>{scored ? pct(scored.result.truth.ctr) : '–'}</dd>
                </div>
                <div>
                  <dt>{t.trainingLoss}</dt>
                  <dd>{loss !== undefined && Number.isFinite(loss) ? fmt(loss, 4) : '–'}</dd>
                </div>
                <div>
                  <dt>{t.testAuc}</dt>
                  <dd>{test ? fmt(test.auc, 4) : t.notEvaluated}</dd>
                </div>
                <div>
                  <dt>{t.gauc}</dt>
                  <dd>{test ? fmt(test.gauc, 4) : '–'}</dd>
                </div>
                <div>
                  <dt>{t.logloss}</dt>
                  <dd>{test ? fmt(test.logloss, 4) : '–'}</dd>
                </div>
              </dl>
            )}
          </article>
        );
      })}
    </div>
  );
});
