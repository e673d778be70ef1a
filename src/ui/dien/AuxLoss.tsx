/**
 * DIEN's auxiliary loss for one step t of this history: the GRU state h_t scores the next real
 * purchase e_{t+1} against a sampled good ê_{t+1} by inner product; the loss term is
 * −log σ(⟨h_t, e_{t+1}⟩) − log(1 − σ(⟨h_t, ê_{t+1}⟩)). All numbers come from the model's forward pass.
 */
import { useState, memo } from 'react';
import { fmt } from '../common/format';
import { useGoodNames } from '../common/goods';
import { useStrings } from '../text/TextContext';
import type { Scored } from '../state/types';
import { TableAlternative } from '../common/TableAlternative';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const softplus = (x: number) => (x > 30 ? x : Math.log1p(Math.exp(x)));

export interface AuxRow {
  t: number;
  current: number;
  next: number;
  negative: number;
  pos: number;
  neg: number;
  loss: number;
}

/** One row per kept position that has a next purchase (the last one has none). */
export function auxRows(scored: Scored): AuxRow[] {
  const { result } = scored;
  const d = result.dien;
  const out: AuxRow[] = [];
  for (let k = 0; k + 1 < result.kept.length; k++) {
    const pos = d.auxPositiveScore[k];
    const neg = d.auxNegativeScore[k];
    out.push({
      t: k + 1,
      current: result.history[result.kept[k]],
      next: result.history[result.kept[k + 1]],
      negative: d.auxNegatives[k],
      pos,
      neg,
      loss: softplus(-pos) + softplus(neg),
    });
  }
  return out;
}

function Prob({ label, p, kind }: { label: string; p: number; kind: 'pos' | 'neg' }) {
  const v = Number.isFinite(p) ? p : 0;
  return (
    <div
      className={`gate aux-${kind}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={Number(v.toFixed(3))}
    >
      <div className="gate-fill" style={{ width: `${v * 100}%` }} />
      <span className="gate-text">σ = {fmt(p, 2)}</span>
    </div>
  );
}

export const AuxLoss = memo(function AuxLoss({
  scored,
  alpha,
}: {
  scored: Scored | null;
  alpha: number;
}) {
  const t = useStrings();
  const names = useGoodNames();
  const [chosen, setChosen] = useState<number | null>(null);
  if (!scored) return <p className="loading">{t.loading}</p>;
  const rows = auxRows(scored);
  if (rows.length === 0) return <p className="hint">{t.auxNeedTwo}</p>;
  const row = rows.find((r) => r.t === chosen) ?? rows[rows.length - 1];
  const mean = rows.reduce((s, r) => s + r.loss, 0) / rows.length;
  return (
    <div className="aux">
      <label>
        <span>{t.auxStep}</span>
        <select value={row.t} onChange={(e) => setChosen(Number(e.target.value))}>
          {rows.map((r) => (
            <option key={r.t} value={r.t}>
              {`t = ${r.t}: ${names.name(r.current)} → ${names.name(r.next)}`}
            </option>
          ))}
        </select>
      </label>
      <div className="aux-pair" aria-live="polite">
        <p className="aux-state">{t.auxStateIs(row.t, names.label(row.current))}</p>
        <div className="aux-cand">
          <span className="aux-tag">{t.auxReal}</span>
          <strong>{names.label(row.next)}</strong>
          <span className="num">⟨h_t, e⟩ = {fmt(row.pos, 2)}</span>
          <Prob
            kind="pos"
            p={sigmoid(row.pos)}
            label={t.auxRealLabel(names.name(row.next), sigmoid(row.pos))}
          />
        </div>
        <div className="aux-cand">
          <span className="aux-tag">{t.auxSampled}</span>
          <strong>{names.label(row.negative)}</strong>
          <span className="num">⟨h_t, ê⟩ = {fmt(row.neg, 2)}</span>
          <Prob
            kind="neg"
            p={sigmoid(row.neg)}
            label={t.auxSampledLabel(names.name(row.negative), sigmoid(row.neg))}
          />
        </div>
        <p className="hint">{t.auxTerm(fmt(row.loss, 3), fmt(mean, 3), alpha)}</p>
      </div>
      <TableAlternative summary={t.showTable} caption={t.auxTableCaption}>
        <thead>
          <tr>
            <th scope="col">t</th>
            <th scope="col">{t.behavior}</th>
            <th scope="col">{t.auxReal}</th>
            <th scope="col">⟨h_t, e⟩</th>
            <th scope="col">{t.auxSampled}</th>
            <th scope="col">⟨h_t, ê⟩</th>
            <th scope="col">{t.auxLossCol}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.t}>
              <td className="num">{r.t}</td>
              <th scope="row">{names.name(r.current)}</th>
              <td>{names.name(r.next)}</td>
              <td className="num">{fmt(r.pos, 2)}</td>
              <td>{names.name(r.negative)}</td>
              <td className="num">{fmt(r.neg, 2)}</td>
              <td className="num">{fmt(r.loss, 3)}</td>
            </tr>
          ))}
        </tbody>
      </TableAlternative>
    </div>
  );
});
