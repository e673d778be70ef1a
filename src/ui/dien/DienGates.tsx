/** DIEN per purchase, oldest first: attention a_t, update gate u′_t and the effective gate. */
import { memo } from 'react';
import { fmt } from '../common/format';
import { useGoodNames } from '../common/goods';
import { ScrollRegion } from '../common/ScrollRegion';
import { useStrings } from '../text/TextContext';
import type { ModelSettings } from '../../train/protocol';
import type { Scored } from '../state/types';

/** What the effective gate is for each evolving cell (MODEL_SPEC: AUGRU a_t·u′_t, AGRU a_t, AIGRU u′_t). */
export const EFFECTIVE_FORMULA: Record<ModelSettings['evolving'], string> = {
  augru: 'a_t·u′_t',
  agru: 'a_t',
  aigru: 'u′_t',
};

function Meter({ value, label, kind }: { value: number; label: string; kind: string }) {
  const v = Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
  return (
    <div
      className={`gate gate-${kind}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={Number(fmt(value, 3)) || 0}
    >
      <div className="gate-fill" style={{ width: `${v * 100}%` }} />
      <span className="gate-text">{fmt(value, 2)}</span>
    </div>
  );
}

export const DienGates = memo(function DienGates({
  scored,
  evolving,
}: {
  scored: Scored | null;
  evolving: ModelSettings['evolving'];
}) {
  const t = useStrings();
  const names = useGoodNames();
  if (!scored) return <p className="loading">{t.loading}</p>;
  const { result } = scored;
  const d = result.dien;
  const formula = EFFECTIVE_FORMULA[evolving];
  return (
    <ScrollRegion label={t.dienGates}>
      <table className="gates">
        <caption>{t.dienGatesCaption(evolving.toUpperCase(), formula)}</caption>
        <thead>
          <tr>
            <th scope="col">t</th>
            <th scope="col">{t.behavior}</th>
            <th scope="col">a_t</th>
            <th scope="col">{t.updateGate}</th>
            <th scope="col">{t.effectiveGate(formula)}</th>
          </tr>
        </thead>
        <tbody>
          {result.kept.map((h, k) => {
            const name = names.name(result.history[h]);
            return (
              <tr key={h}>
                <td className="num">{k + 1}</td>
                <th scope="row">{names.label(result.history[h])}</th>
                <td>
                  <Meter
                    kind="a"
                    value={d.attention[k]}
                    label={`${name}: a_t ${fmt(d.attention[k], 2)}`}
                  />
                </td>
                <td>
                  <Meter
                    kind="u"
                    value={d.updateGate[k]}
                    label={`${name}: u′_t ${fmt(d.updateGate[k], 2)}`}
                  />
                </td>
                <td>
                  <Meter
                    kind="e"
                    value={d.effectiveGate[k]}
                    label={`${name}: effective gate (${formula}) ${fmt(d.effectiveGate[k], 2)}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
});
