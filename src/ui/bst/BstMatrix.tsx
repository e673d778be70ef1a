/**
 * One head's attention matrix as a table: each cell shaded by its weight (one d3 scale over 0..1,
 * so heads and steps compare) and its value written in it, with each row's sum.
 */
import { scaleSequential } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import { ScrollRegion } from '../common/ScrollRegion';
import { useText } from '../text/TextContext';
import type { AttentionMatrix } from './bstView';
import { BST_STRINGS } from './strings';

const shade = scaleSequential(interpolateBlues).domain([0, 1]);

export function BstMatrix({ matrix, head }: { matrix: AttentionMatrix; head: number }) {
  const w = useText(BST_STRINGS);
  const name = w.tableOf(head);
  return (
    <ScrollRegion label={name}>
      <table className="bst-matrix" aria-label={name}>
        <thead>
          <tr>
            <th scope="col" className="bst-corner">
              {w.reads}
            </th>
            {matrix.labels.map((l, j) => (
              <th key={j} scope="col" className="bst-col">
                <span>{l}</span>
              </th>
            ))}
            <th scope="col">{w.rowSum}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.label}</th>
              {r.cells.map((x, j) => (
                <td
                  key={j}
                  className="num bst-cell"
                  style={{ background: shade(x), color: x > 0.5 ? '#fff' : '#111' }}
                >
                  {x.toFixed(2)}
                </td>
              ))}
              <td className="num">{r.sum.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
