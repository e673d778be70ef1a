/**
 * The history workbench at the top of the story: presets, the candidate picker, the editable
 * purchase strip with its attention bars, their table, and the shop to add from.
 */
import type { ImportedWorld } from '../../data/import/types';
import type { PageActions, PageModel } from '../state/pageReducer';
import type { Scored } from '../state/types';
import { useStrings, useText } from '../text/TextContext';
import { AttentionTable } from './AttentionTable';
import { CandidatePicker } from './CandidatePicker';
import { HistoryEditor } from './HistoryEditor';
import { PresetToolbar } from './PresetToolbar';
import { Shop } from './Shop';
import { HISTORY_STRINGS } from './strings';

export function Workbench({
  page,
  act,
  current,
  previous,
  file,
}: {
  page: Pick<PageModel, 'history' | 'candidate' | 'inspected' | 'config' | 'past'>;
  act: PageActions;
  current: Scored | null;
  previous: Scored | null;
  /** The imported file the session trains on (absent: the toy shop). */
  file?: ImportedWorld;
}) {
  const t = useStrings();
  const w = useText(HISTORY_STRINGS);
  const { history, candidate, config } = page;
  return (
    <>
      <div className="workbench">
        <div className="workbench-head">
          <h3>{t.history}</h3>
          <PresetToolbar
            world={config.world}
            file={file}
            canClear={history.entries.length > 0}
            canUndo={page.past.length > 0}
            onPreset={act.preset}
            onHistory={act.history}
            onUndo={act.undo}
          />
        </div>
        {file && config.data && <p className="hint file-note">{w.noTruth(config.data.name)}</p>}
        <CandidatePicker value={candidate} onChange={act.candidate} />
        <HistoryEditor
          history={history}
          dispatch={act.history}
          T={config.model.T}
          current={current}
          previous={previous}
          inspected={page.inspected}
          onInspect={act.inspect}
        />
        <p className="caption">{t.attentionCaption}</p>
        <AttentionTable current={current} previous={previous} />
      </div>
      <details className="shop-details" open>
        <summary>{t.shop}</summary>
        <Shop onAdd={act.addGood} />
      </details>
    </>
  );
}
