/**
 * Base, DIN and DIEN side by side (and BST when the run trains it): this history's predicted CTR,
 * the truth, and the training loss and test metrics of the step the views show (live, or the
 * rewound step: see shownMetrics).
 */
import { memo } from 'react';
import type { EvalMetrics, ModelName } from '../../train/protocol';
import { fmt, pct } from '../common/format';
import { MODEL_COLOR, MODELS, OKABE_ITO } from '../common/palette';
import { BST_STRINGS } from '../bst/strings';
import { useStrings, useText } from '../text/TextContext';
import type { Scored } from '../state/types';
import { METRIC_STRINGS } from './metricStrings';
import './metrics.css';
import { targetLoss, type ShownMetrics } from './shownMetrics';

export const ModelCards = memo(function ModelCards({
  ready,
  scored,
  shown,
  liveStep,
  alpha,
  bstOn = false,
}: {
  ready: boolean;
  scored: Scored | null;
  /** The loss and test metrics of the step on screen, each with its step. */
  shown: ShownMetrics;
  liveStep: number;
  /** DIEN's auxiliary-loss weight: its target loss is total − α·aux. */
  alpha: number;
  /** The run trains BST: a fourth card. */
  bstOn?: boolean;
}) {
  const t = useStrings();
  const w = useText(METRIC_STRINGS);
  const b = useText(BST_STRINGS);
  const bstLoss = shown.loss?.value.bst;
  const bstTest = shown.test?.bst;
  // Rewound into curves kept without BST's numbers (saved by an earlier page): say why it is '–'.
  const bstMissing =
    shown.at !== null &&
    ((shown.loss !== undefined && bstLoss === undefined) ||
      (shown.test !== undefined && bstTest === undefined));
  const viewStep = shown.at ?? liveStep;
  const ctrStep = scored?.result.step;
  return (
    <>
      <p className={shown.at === null ? 'cards-step' : 'cards-step rewound'}>
        {shown.at === null
          ? w.cardsLive(liveStep, shown.test?.step)
          : w.cardsRewound(shown.at, shown.loss?.step, shown.test?.step)}
        {ready && ctrStep !== undefined && ctrStep !== viewStep ? ` ${w.ctrStep(ctrStep)}` : ''}
      </p>
      <div className="model-cards">
        {MODELS.map((m: ModelName) => {
          const test: EvalMetrics | undefined = shown.test?.value[m];
          const ctr = scored?.result[m].ctr;
          const total = shown.loss?.value.loss[m];
          const aux = shown.loss?.value.aux ?? NaN;
          const loss = m === 'dien' && total !== undefined ? targetLoss(total, aux, alpha) : total;
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
                    <dd>{scored ? pct(scored.result.truth?.ctr) : '–'}</dd>
                  </div>
                  <div>
                    <dt>{t.trainingLoss}</dt>
                    <dd>{fmt(loss, 4)}</dd>
                  </div>
                  {m === 'dien' && alpha !== 0 && (
                    <div>
                      <dt>{w.totalLoss(alpha)}</dt>
                      <dd>{fmt(total, 4)}</dd>
                    </div>
                  )}
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
        {bstOn && (
          <article
            className="model-card"
            aria-labelledby="card-bst"
            style={{ borderTopColor: OKABE_ITO.green }}
          >
            <h3 id="card-bst">{b.name}</h3>
            {!ready ? (
              <p className="loading">{t.loading}</p>
            ) : (
              <dl>
                <div>
                  <dt>{t.predicted}</dt>
                  <dd className="big">
                    {scored?.result.bst ? pct(scored.result.bst.ctr) : t.waiting}
                  </dd>
                </div>
                <div>
                  <dt>{t.trueCtr}</dt>
                  <dd>{scored ? pct(scored.result.truth?.ctr) : '–'}</dd>
                </div>
                <div>
                  <dt>{t.trainingLoss}</dt>
                  <dd>{fmt(bstLoss, 4)}</dd>
                </div>
                <div>
                  <dt>{t.testAuc}</dt>
                  <dd>{bstTest ? fmt(bstTest.auc, 4) : t.notEvaluated}</dd>
                </div>
                <div>
                  <dt>{t.gauc}</dt>
                  <dd>{bstTest ? fmt(bstTest.gauc, 4) : '–'}</dd>
                </div>
                <div>
                  <dt>{t.logloss}</dt>
                  <dd>{bstTest ? fmt(bstTest.logloss, 4) : '–'}</dd>
                </div>
              </dl>
            )}
          </article>
        )}
      </div>
      {bstOn && bstMissing && <p className="hint">{b.liveOnly}</p>}
      <p className="hint">{w.singleNoisy}</p>
    </>
  );
});
