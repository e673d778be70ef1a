/**
 * The rewind scrubber: one stop per snapshot the worker keeps, plus "live" at the right end.
 * Scrubbing replays the views with that snapshot's weights; training always continues from the
 * latest state (Step/Play bring the views back to live).
 */
import { memo } from 'react';
import { useStrings } from '../text/TextContext';

export const Rewind = memo(function Rewind({
  snapshots,
  liveStep,
  atStep,
  shownStep,
  onRewind,
}: {
  snapshots: number[];
  liveStep: number;
  atStep: number | null;
  /** The step whose weights the views actually show (from the last score). */
  shownStep: number | null;
  onRewind: (step: number | null) => void;
}) {
  const t = useStrings();
  const n = snapshots.length;
  // Snapshots at the live step itself add nothing: the live end covers them.
  const stops = snapshots.filter((s) => s < liveStep);
  let index = stops.length;
  if (atStep !== null) {
    index = 0;
    stops.forEach((s, i) => {
      if (s <= atStep) index = i;
    });
  }
  const valueText =
    atStep === null ? t.rewindLive(liveStep) : t.rewindAt(stops[index] ?? atStep, liveStep);
  return (
    <div className="rewind">
      <label className="rewind-label">
        <span>{t.rewind}</span>
        <input
          type="range"
          min={0}
          max={stops.length}
          step={1}
          value={index}
          disabled={stops.length === 0}
          aria-valuetext={valueText}
          onChange={(e) => {
            const i = Number(e.target.value);
            onRewind(i >= stops.length ? null : stops[i]);
          }}
        />
      </label>
      <div className="rewind-row">
        <span className={atStep === null ? 'rewind-state' : 'rewind-state rewound'}>
          {atStep === null
            ? t.rewindLive(liveStep)
            : t.rewindShowing(shownStep ?? stops[index] ?? atStep, liveStep)}
        </span>
        <button type="button" onClick={() => onRewind(null)} disabled={atStep === null}>
          {t.backToLive}
        </button>
      </div>
      <p className="hint">{t.rewindHint(n)}</p>
    </div>
  );
});
