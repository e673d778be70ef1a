/**
 * The BST room: where BST's attention looks on the reader's history, per head; its candidate row
 * next to DIN's weights and DIEN's a_t; "Time matters?". When BST is off, a way to switch it on.
 */
import { memo, useState } from 'react';
import { PAGE_BST } from '../../model/bstConfig';
import type { SessionConfig } from '../../train/protocol';
import { useGoodNames } from '../common/goods';
import { RUNS_STRINGS } from '../runs/strings';
import type { ConfigPatch } from '../state/pageReducer';
import type { Scored } from '../state/types';
import { useText } from '../text/TextContext';
import { BstMatrix } from './BstMatrix';
import { attentionMatrix, threeWays } from './bstView';
import { BST_STRINGS } from './strings';
import { ThreeWays } from './ThreeWays';
import { TimeMatters } from './TimeMatters';
import './bst.css';

export const BstRoom = memo(function BstRoom({
  config,
  scored,
  ready,
  currentRun,
  onChange,
}: {
  config: SessionConfig;
  scored: Scored | null;
  ready: boolean;
  /** The run training now: a change keeps it in Runs under its name. */
  currentRun: number | null;
  onChange: (patch: ConfigPatch) => void;
}) {
  const w = useText(BST_STRINGS);
  const runWords = useText(RUNS_STRINGS);
  const names = useGoodNames();
  const [head, setHead] = useState(0);
  const [kept, setKept] = useState<string | null>(null);
  const change = (patch: ConfigPatch, what: string) => {
    onChange(patch);
    setKept(currentRun !== null ? runWords.keptNote(what, runWords.runName(currentRun)) : null);
  };
  const name = names.name;
  const result = scored?.result;
  const heads = config.bst?.heads ?? 1;
  const h = Math.min(head, heads - 1);
  const matrix = result ? attentionMatrix(result, h, name, w.candidateMark) : null;
  const rows = result ? threeWays(result, h, name) : null;
  return (
    <section className="bst-room" aria-labelledby="bst-h">
      <h3 id="bst-h">{w.heading}</h3>
      {!config.bst ? (
        <>
          <p>{w.offText}</p>
          <button
            type="button"
            disabled={!ready}
            onClick={() => change({ bst: PAGE_BST }, w.trainToo)}
          >
            {w.trainToo}
          </button>
        </>
      ) : (
        <>
          <p>{w.intro}</p>
          {heads > 1 && (
            <div role="radiogroup" aria-label={w.headSwitch} className="bst-heads">
              {Array.from({ length: heads }, (_, i) => (
                <label key={i}>
                  <input
                    type="radio"
                    name="bst-head"
                    checked={i === h}
                    onChange={() => setHead(i)}
                  />
                  {w.headName(i)}
                </label>
              ))}
            </div>
          )}
          {matrix && result ? (
            <>
              <p className="caption">{w.matrixCaption(h, result.step)}</p>
              <BstMatrix matrix={matrix} head={h} />
              <p className="hint">{w.matrixNote}</p>
            </>
          ) : (
            <p className="loading">{w.waiting}</p>
          )}
          {rows && <ThreeWays rows={rows} head={h} />}
        </>
      )}
      <TimeMatters config={config} ready={ready} onChange={change} />
      <p role="status" className="settings-note">
        {kept ?? ''}
      </p>
    </section>
  );
});
