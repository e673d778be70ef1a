/**
 * The live architecture view: Base, DIN, DIEN and BST drawn as the papers draw them from the
 * current score (the page's deferred copy, no request of its own). Where the region is wide
 * enough the three side by side and BST, a Transformer and taller, across the width below them;
 * where it is not, one at a time behind a model switch (a container query).
 */
import { memo, useCallback, useMemo, useState } from 'react';
import { MODELS } from '../common/palette';
import type { BstSettings, ModelName, ModelSettings } from '../../train/protocol';
import type { Scored } from '../state/types';
import { useStrings, useText } from '../text/TextContext';
import { ArchText } from './ArchText';
import { BstDiagram } from './BstDiagram';
import type { BstDrawColumn } from './BstLines';
import { diagramValues } from './diagramData';
import type { DrawColumn } from './geometry';
import { ModelDiagram } from './ModelDiagram';
import { goToSection } from './navigate';
import { ARCH_STRINGS } from './strings';
import { SIDE_BY_SIDE } from './layout';
import { useWidth } from './useWidth';
import './architecture.css';
import './architectureBst.css';

/** The model's name in both languages, as on its card. */
const BST_TITLE = 'BST';

export const Architecture = memo(function Architecture({
  scored,
  goods,
  candidate,
  settings,
  bst,
}: {
  scored: Scored | null;
  /** The history as edited: the skeleton's columns before the first score. */
  goods: number[];
  candidate: number;
  settings: ModelSettings;
  /** BST's settings when the run trains it (SessionConfig.bst). */
  bst: BstSettings | undefined;
}) {
  const s = useText(ARCH_STRINGS);
  const t = useStrings();
  const [model, setModel] = useState<ModelName | 'bst'>('din');
  const values = useMemo(() => (scored ? diagramValues(scored) : null), [scored]);
  const columns = useMemo((): DrawColumn[] => {
    if (values)
      return values.columns.map((c) => ({
        key: c.uid >= 0 ? `u${c.uid}` : `k${c.k}`,
        good: c.good,
        din: c.din,
        attention: c.attention,
        effectiveGate: c.effectiveGate,
        bst: c.bst,
      }));
    // The models keep the most recent T; the skeleton shows the same columns, without numbers.
    return goods.slice(-settings.T).map((good, i) => ({ key: `s${i}`, good }));
  }, [values, goods, settings.T]);
  const [regionRef, regionWidth] = useWidth<HTMLElement>(0);
  const onGo = useCallback((id: string) => goToSection(id), []);
  const shownCandidate = values?.candidate ?? candidate;
  // BST's numbers only while the run trains it: a score from before it was switched off is not drawn.
  const bstValues = bst ? (values?.bst ?? null) : null;
  const bstColumns = useMemo(
    (): BstDrawColumn[] => columns.map((c) => ({ key: c.key, good: c.good, bst: c.bst })),
    [columns],
  );

  return (
    <section
      ref={regionRef}
      className="architecture"
      id="architecture"
      aria-labelledby="architecture-h"
    >
      <h2 id="architecture-h">{s.heading}</h2>
      <p className="caption">{s.caption}</p>
      {!values && <p className="arch-note">{s.waiting}</p>}
      {values && values.columns.length === 0 && <p className="arch-note">{s.empty}</p>}
      {values && values.notKept > 0 && (
        <p className="arch-note">{s.notKept(values.notKept, settings.T)}</p>
      )}
      <div className="arch-switch" role="radiogroup" aria-label={s.switchLabel}>
        {[...MODELS, 'bst' as const].map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="arch-model"
              value={m}
              checked={model === m}
              onChange={() => setModel(m)}
            />
            {m === 'bst' ? BST_TITLE : t.modelNames[m]}
          </label>
        ))}
      </div>
      <div className="arch-diagrams">
        {MODELS.map((m) => (
          <ModelDiagram
            key={m}
            model={m}
            title={t.modelNames[m]}
            active={m === model}
            aligned={regionWidth >= SIDE_BY_SIDE}
            columns={columns}
            candidate={shownCandidate}
            ctr={values ? values.ctr[m] : null}
            dinMax={values?.dinMax ?? 0}
            attentionMax={values?.attentionMax ?? 0}
            live={values !== null}
            settings={settings}
            s={s}
            onGo={onGo}
          />
        ))}
        <BstDiagram
          title={BST_TITLE}
          active={model === 'bst'}
          bst={bst}
          columns={bstColumns}
          candidate={shownCandidate}
          values={bstValues}
          hidden={settings.hidden}
          s={s}
          onGo={onGo}
        />
      </div>
      <p className="arch-legend">
        {s.legendDin} {s.legendDien} {bst ? s.bst.legend : ''}
      </p>
      <ArchText
        values={values}
        candidate={candidate}
        settings={settings}
        bst={bst}
        bstValues={bstValues}
        s={s}
      />
    </section>
  );
});
