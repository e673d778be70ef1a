/**
 * "Time matters?": switch to the time-informative world with BST on, or BST's positions between
 * time gaps and plain positions (each a new run, the old one kept in Runs to compare), and what
 * the Node runs measured over seeds.
 */
import { PAGE_BST, type BstSettings } from '../../model/bstConfig';
import type { SessionConfig } from '../../train/protocol';
import { timeWorld } from '../../world/simulator';
import { ScrollRegion } from '../common/ScrollRegion';
import type { ConfigPatch } from '../state/pageReducer';
import { useText } from '../text/TextContext';
import { MEASURED, MEASURED_COMMAND, MEASURED_COMMAND_CANDIDATE, meanStdText } from './measured';
import { BST_STRINGS } from './strings';

export function TimeMatters({
  config,
  ready,
  onChange,
}: {
  config: SessionConfig;
  ready: boolean;
  onChange: (patch: ConfigPatch, what: string) => void;
}) {
  const w = useText(BST_STRINGS);
  const tsig = config.world.timeSignal ?? 0;
  const bst = config.bst;
  const other: BstSettings['position'] = bst?.position === 'position' ? 'timeGap' : 'position';
  const timed = timeWorld(config.world);
  return (
    <div className="bst-time">
      <h4>{w.timeHeading}</h4>
      <p>{w.timeIntro}</p>
      {tsig > 0 && <p>{w.timeWorldOn(tsig)}</p>}
      <div className="bst-actions">
        {!(tsig > 0 && bst) && (
          <button
            type="button"
            disabled={!ready}
            onClick={() =>
              onChange(
                {
                  world: { drift: timed.drift, timeSignal: timed.timeSignal },
                  bst: bst ?? PAGE_BST,
                },
                w.timeWorld,
              )
            }
          >
            {w.timeWorld}
          </button>
        )}
        {bst && (
          <button
            type="button"
            disabled={!ready}
            onClick={() => onChange({ bst: { ...bst, position: other } }, w.position)}
          >
            {w.togglePositions(other)}
          </button>
        )}
      </div>
      <p className="hint">{w.toggleNote}</p>
      <ScrollRegion label={w.measuredHeading}>
        <table className="bst-measured">
          <caption>
            {w.measuredHeading}. {w.measuredCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{w.modelCol}</th>
              <th scope="col">{w.timeCol}</th>
              <th scope="col">{w.controlCol}</th>
            </tr>
          </thead>
          <tbody>
            {MEASURED.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.bst ? w.variant(r.bst.position, r.bst.output) : r.model}</th>
                <td className="num">{meanStdText(r.time)}</td>
                <td className="num">{meanStdText(r.control)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>{w.reading}</p>
      <p className="hint">
        {w.commands} <code>{MEASURED_COMMAND}</code>, <code>{MEASURED_COMMAND_CANDIDATE}</code>
      </p>
      <p className="hint">{w.measuredNote}</p>
    </div>
  );
}
