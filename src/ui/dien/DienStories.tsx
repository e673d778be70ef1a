/**
 * DIEN's two chapters of the story: DIN versus DIEN on the current history (the comparison asks
 * its own scores) with DIEN's gates, then the interest trajectory and the auxiliary loss.
 * `children` closes the second chapter (the page puts BST's room there: what came next).
 */
import type { ReactNode } from 'react';
import type { EmbeddingsResult, ModelName, ModelSettings } from '../../train/protocol';
import { Story } from '../common/Story';
import type { FittedProjection } from '../embeddings/ProjectionNote';
import type { PageActions, PageModel } from '../state/pageReducer';
import type { Scored } from '../state/types';
import { useStrings } from '../text/TextContext';
import type { Trainer } from '../training/useTrainer';
import { AuxLoss } from './AuxLoss';
import { DienGates } from './DienGates';
import { ShiftCompare } from './ShiftCompare';
import { Trajectories } from './Trajectories';
import { useCompare } from './useCompare';

export function DienStories({
  trainer,
  goods,
  page,
  act,
  tick,
  scored,
  model,
  fitted,
  embeddings,
  onRefit,
  children,
}: {
  trainer: Trainer;
  /** The history as edited. */
  goods: number[];
  page: Pick<PageModel, 'compare' | 'atStep'>;
  act: PageActions;
  /** Changes when the weights may have moved. */
  tick: unknown;
  /** The deferred score the lower views follow. */
  scored: Scored | null;
  model: ModelSettings;
  fitted: FittedProjection | null;
  embeddings: EmbeddingsResult | null;
  onRefit: (model: ModelName) => void;
  children?: ReactNode;
}) {
  const t = useStrings();
  const compare = useCompare(trainer, goods, page.compare, page.atStep, tick);
  return (
    <>
      <Story id="dien">
        <h3>{t.compare}</h3>
        <ShiftCompare
          data={compare}
          currentGood={page.compare.current}
          oldGood={page.compare.old}
          onCurrent={act.compareCurrent}
          onOld={act.compareOld}
        />
        <h3>{t.dienGates}</h3>
        <DienGates scored={scored} evolving={model.evolving} />
      </Story>

      <Story id="evolution">
        <h3>{t.trajectory}</h3>
        <p className="caption">{t.trajectoryCaption}</p>
        <Trajectories scored={scored} fitted={fitted} context={embeddings} onRefit={onRefit} />
        <h3>{t.auxHeading}</h3>
        <p className="caption">{t.auxCaption}</p>
        <AuxLoss scored={scored} alpha={model.auxWeight} />
        {children}
      </Story>
    </>
  );
}
