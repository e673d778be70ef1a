/**
 * The diagrams as text: the path through each model with its CTR, and every kept purchase
 * (also those the diagrams fold into "+n earlier") with what each model gives it, BST's
 * attention per head included.
 */
import { fmt, pct } from '../common/format';
import { useGoodNames } from '../common/goods';
import type { BstSettings, ModelSettings } from '../../train/protocol';
import { bstBlockName } from './BstDiagram';
import type { BstValues, DiagramValues } from './diagramData';
import type { ArchStrings } from './strings';

export function ArchText({
  values,
  candidate,
  settings,
  bst,
  bstValues,
  s,
}: {
  values: DiagramValues | null;
  /** The page's candidate, shown until a score says which candidate its numbers are for. */
  candidate: number;
  settings: ModelSettings;
  bst: BstSettings | undefined;
  /** BST's numbers of this score, null when it has none (or BST is off). */
  bstValues: BstValues | null;
  s: ArchStrings;
}) {
  const names = useGoodNames();
  const ctr = (x: number | undefined) => (values ? pct(x) : '–');
  const cell = settings.evolving.toUpperCase();
  const heads = bstValues?.heads ?? 0;
  // With one head its column is the attention itself; with two, each head and then their mean.
  const headCols = heads > 1 ? Array.from({ length: heads }, (_, h) => h) : [];
  const positions = values?.columns.some((c) => c.bstPosition !== undefined) ?? false;
  return (
    <details className="arch-text">
      <summary>{s.textSummary}</summary>
      <p>{s.candidateLine(names.label(values?.candidate ?? candidate))}</p>
      <ul>
        <li>{s.path.base(ctr(values?.ctr.base), s.pooling(settings.basePooling === 'mean'))}</li>
        <li>{s.path.din(ctr(values?.ctr.din), '')}</li>
        <li>{s.path.dien(ctr(values?.ctr.dien), cell)}</li>
        <li>
          {bst
            ? s.bst.path(
                bstValues ? pct(bstValues.ctr) : '–',
                bstBlockName(s, 'embeddings', bst),
                bstBlockName(s, 'mhsa', bst),
                bstBlockName(s, 'output', bst),
              )
            : s.bst.pathOff}
        </li>
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
                {bstValues && (
                  <>
                    {headCols.map((h) => (
                      <th key={h} scope="col">
                        {s.bst.colHead(h)}
                      </th>
                    ))}
                    <th scope="col">{heads > 1 ? s.bst.colMean : s.bst.col}</th>
                    {positions && <th scope="col">{s.bst.position}</th>}
                  </>
                )}
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
                  {bstValues && (
                    <>
                      {headCols.map((h) => (
                        <td key={h} className="num">
                          {fmt(c.bstPerHead?.[h], 2)}
                        </td>
                      ))}
                      <td className="num">{fmt(c.bst, 2)}</td>
                      {positions && <td className="num">{c.bstPosition ?? '–'}</td>}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {bstValues && (
        <p>
          {s.bst.selfLine(
            fmt(bstValues.self, 2),
            heads > 1 ? bstValues.selfPerHead.map((x) => fmt(x, 2)).join(', ') : '',
          )}
        </p>
      )}
    </details>
  );
}
