/**
 * SUM pooling versus attention: each kept purchase's embedding, its DIN weight and contribution
 * w·e, then the plain sum and the weighted sum, and the CTR each pooling gives.
 */
import { memo } from 'react';
import { fmt, pct } from '../common/format';
import { useGoodNames } from '../common/goods';
import { ScrollRegion } from '../common/ScrollRegion';
import { useStrings } from '../text/TextContext';
import type { Scored } from '../state/types';
import { divergingScale, maxAbs, VectorStrip } from '../common/VectorStrip';

export const PoolingView = memo(function PoolingView({ scored }: { scored: Scored | null }) {
  const t = useStrings();
  const names = useGoodNames();
  if (!scored) return <p className="loading">{t.loading}</p>;
  const { result } = scored;
  const din = result.din;
  const embs = din.behaviorEmbeddings;
  const dim = din.candidateEmbedding.length;
  // Plain arithmetic on the model's own embeddings: the sum with every weight equal to 1.
  const equalSum = Array.from({ length: dim }, (_, d) => embs.reduce((s, e) => s + (e[d] ?? 0), 0));
  const scale = divergingScale(maxAbs(equalSum, din.pooled, ...embs, ...din.contributions));
  return (
    <div className="pooling">
      <p className="caption">{t.poolingCaption}</p>
      <ScrollRegion label={t.pooling}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.behavior}</th>
              <th scope="col">e_j</th>
              <th scope="col">{t.dinWeight}</th>
              <th scope="col">{t.contribution}</th>
            </tr>
          </thead>
          <tbody>
            {result.kept.map((h, k) => {
              const label = names.label(result.history[h]);
              return (
                <tr key={`${h}`}>
                  <th scope="row">{label}</th>
                  <td>
                    <VectorStrip values={embs[k] ?? []} scale={scale} label={`e ${label}`} />
                  </td>
                  <td className="num">{fmt(din.weights[k], 2)}</td>
                  <td>
                    <VectorStrip
                      values={din.contributions[k] ?? []}
                      scale={scale}
                      label={`w·e ${label}`}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.equalSum}</th>
              <td colSpan={3}>
                <VectorStrip values={equalSum} scale={scale} label={t.equalSum} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t.weightedSum}</th>
              <td colSpan={3}>
                <VectorStrip values={din.pooled} scale={scale} label={t.weightedSum} />
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <dl className="ctr-compare">
        <div>
          <dt>{t.ctrBase}</dt>
          <dd>{pct(result.base.ctr)}</dd>
        </div>
        <div>
          <dt>{t.ctrEqual}</dt>
          <dd>{pct(din.ctrWithEqualWeights)}</dd>
        </div>
        <div>
          <dt>{t.ctrDin}</dt>
          <dd>{pct(din.ctr)}</dd>
        </div>
        <div>
          <dt>{t.trueCtr}</dt>
          <dd>{pct(result.truth?.ctr)}</dd>
        </div>
      </dl>
    </div>
  );
});
