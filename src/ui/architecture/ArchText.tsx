/**
 * The diagrams as text: the path through each model with its CTR, and every kept purchase
 * (also those the diagrams fold into "+n earlier") with what each model gives it.
 */
import { fmt, pct } from '../common/format';
import { useGoodNames } from '../common/goods';
import type { ModelSettings } from '../../train/protocol';
import type { DiagramValues } from './diagramData';
import type { ArchStrings } from './strings';

export function ArchText({
  values,
  candidate,
  settings,
  s,
}: {
  values: DiagramValues | null;
  /** The page's candidate, shown until a score says which candidate its numbers are for. */
  candidate: number;
  settings: ModelSettings;
  s: ArchStrings;
}) {
  const names = useGoodNames();
  const ctr = (x: number | undefined) => (values ? pct(x) : '–');
  const cell = settings.evolving.toUpperCase();
  return (
    <details className="arch-text">
      <summary>{s.textSummary}</summary>
      <p>{s.candidateLine(names.label(values?.candidate ?? candidate))}</p>
      <ul>
        <li>{s.path.base(ctr(values?.ctr.base), s.pooling(settings.basePooling === 'mean'))}</li>
        <li>{s.path.din(ctr(values?.ctr.din), '')}</li>
        <li>{s.path.dien(ctr(values?.ctr.dien), cell)}</li>
      </ul>
      {values && values.columns.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="group" aria-label={s.textCaption}>
          <table>
            <caption>{s.textCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.col.t}</th>
                <th scope="col">{s.col.purchase}</th>
                <th scope="col">{s.col.din}</th>
                <th scope="col">{s.col.dienA}</th>
                <th scope="col">{s.col.update}</th>
                <th scope="col">{s.col.gate}</th>
              </tr>
            </thead>
            <tbody>
              {values.columns.map((c) => (
                <tr key={c.uid >= 0 ? c.uid : `k${c.k}`}>
                  <td className="num">{c.k + 1}</td>
                  <th scope="row">{names.label(c.good)}</th>
                  <td className="num">{fmt(c.din, 2)}</td>
                  <td className="num">{fmt(c.attention, 2)}</td>
                  <td className="num">{fmt(c.updateGate, 2)}</td>
                  <td className="num">{fmt(c.effectiveGate, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
