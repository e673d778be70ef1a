/**
 * The history's toolbar: the lesson's presets, a random shopper of the world, clear and undo.
 * Undo is always there (disabled when there is nothing to take back), so no button moves.
 */
import { memo } from 'react';
import type { ImportedWorld } from '../../data/import/types';
import type { WorldConfig } from '../../train/protocol';
import type { HistoryAction } from '../state/historyReducer';
import { useStrings, useText } from '../text/TextContext';
import {
  fileUserPreset,
  interestShiftPreset,
  lessonPreset,
  longestFileUser,
  randomShopperPreset,
  type Preset,
} from './presets';
import { HISTORY_STRINGS } from './strings';

export const PresetToolbar = memo(function PresetToolbar({
  world,
  file,
  canClear,
  canUndo,
  onPreset,
  onHistory,
  onUndo,
}: {
  /** The world a random shopper is drawn from. */
  world: WorldConfig;
  /** An imported file: its users replace the lesson's presets (its catalogue has other goods). */
  file?: ImportedWorld;
  canClear: boolean;
  canUndo: boolean;
  onPreset: (p: Preset) => void;
  onHistory: (a: HistoryAction) => void;
  /** Take back the last edit (of the history or the candidate). */
  onUndo: () => void;
}) {
  const t = useStrings();
  const w = useText(HISTORY_STRINGS);
  const apply = (p: Preset | null) => {
    if (p) onPreset(p);
  };
  return (
    <div className="toolbar" role="group" aria-label={t.presets}>
      {file ? (
        <>
          <button type="button" onClick={() => apply(fileUserPreset(file, Math.random()))}>
            {w.fileUser}
          </button>
          <button type="button" onClick={() => apply(longestFileUser(file))}>
            {w.fileLongest}
          </button>
        </>
      ) : (
        <>
          <button type="button" onClick={() => apply(lessonPreset())}>
            {t.presetLesson}
          </button>
          <button type="button" onClick={() => apply(interestShiftPreset())}>
            {t.presetShift}
          </button>
          <button type="button" onClick={() => apply(randomShopperPreset(world, Math.random()))}>
            {t.presetRandom}
          </button>
        </>
      )}
      <button type="button" onClick={() => onHistory({ type: 'clear' })} disabled={!canClear}>
        {t.clear}
      </button>
      <button type="button" onClick={onUndo} disabled={!canUndo}>
        {t.undo}
      </button>
    </div>
  );
});
