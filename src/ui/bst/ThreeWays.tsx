/** DIN's weights, DIEN's a_t and BST's candidate row side by side, per kept purchase. */
import { ScrollRegion } from '../common/ScrollRegion';
import { useText } from '../text/TextContext';
import type { ThreeWays as Rows } from './bstView';
import { BST_STRINGS } from './strings';

export function ThreeWays({ rows, head }: { rows: Rows; head: number }) {
  const w = useText(BST_STRINGS);
  return (
    <>
      <h4>{w.compareHeading}</h4>
      <ScrollRegion label={w.compareHeading}>
        <table className="bst-compare">
          <caption>{w.compareCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{w.behavior}</th>
              <th scope="col">{w.dinCol}</th>
              <th scope="col">{w.dienCol}</th>
              <th scope="col">{w.bstCol(head)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.label}</th>
                <td className="num">{r.din.toFixed(3)}</td>
                <td className="num">{r.dien.toFixed(3)}</td>
                <td className="num">{r.bst.toFixed(3)}</td>
              </tr>
            ))}
            <tr className="bst-self">
              <th scope="row">{w.selfRow}</th>
              <td className="num">–</td>
              <td className="num">–</td>
              <td className="num">{rows.bstSelf.toFixed(3)}</td>
            </tr>
            <tr className="bst-sum">
              <th scope="row">{w.sumRow}</th>
              <td className="num">{rows.sums.din.toFixed(3)}</td>
              <td className="num">{rows.sums.dien.toFixed(3)}</td>
              <td className="num">{rows.sums.bst.toFixed(3)}</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <p className="caption">{w.compareNote}</p>
    </>
  );
}
