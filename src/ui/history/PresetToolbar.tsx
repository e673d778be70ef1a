/**
 * The history's toolbar: the lesson's presets, a random shopper of the world, clear and undo.
 * Undo is always there (disabled when there is nothing to take back), so no button moves.
 */
import { memo } from 'react';
import type { WorldConfig } from '../../train/protocol';
import type { HistoryAction } from '../state/historyReducer';
import { useStrings } from '../text/TextContext';
import { interestShiftPreset, lessonPreset, randomShopperPreset, type Preset } from './presets';

export const PresetToolbar = memo(function PresetToolbar({
  world,
  canClear,
  canUndo,
  onPreset,
  onHistory,
  onUndo,
}: {
  /** The world a random shopper is drawn from. */
  world: WorldConfig;
  canClear: boolean;
  canUndo: boolean;
  onPreset: (p: Preset) => void;
  onHistory: (a: HistoryAction) => void;
  /** Take back the last edit (of the history or the candidate). */
  onUndo: () => void;
}) {
  const t = useStrings();
  const apply = (p: Preset | null) => {
    if (p) onPreset(p);
  };
  return (
    <div className="toolbar" role="group" aria-label={t.presets}>
      <button type="button" onClick={() => apply(lessonPreset())}>
        {t.presetLesson}
      </button>
      <button type="button" onClick={() => apply(interestShiftPreset())}>
        {t.presetShift}
      </button>
      <button type="button" onClick={() => apply(randomShopperPreset(world, Math.random()))}>
        {t.presetRandom}
      </button>
      <button type="button" onClick={() => onHistory({ type: 'clear' })} disabled={!canClear}>
        {t.clear}
      </button>
      <button type="button" onClick={onUndo} disabled={!canUndo}>
        {t.undo}
      </button>
    </div>
  );
});
