/** Step / Play / Reset, speed, and the polite live counters. */
import { memo } from 'react';
import type { Progress, ReadyInfo } from '../../train/protocol';
import { fmtEpoch } from '../common/format';
import type { BusyPhase } from './busy';
import { EngineStatus } from './EngineStatus';
import './engine.css';
import { useStrings } from '../text/TextContext';

interface Props {
  ready: boolean;
  busy: BusyPhase;
  /** Playing, or steps asked for still running: Pause can stop something. */
  stoppable: boolean;
  progress: Progress | null;
  stepsPerEpoch: number;
  speed: number;
  onSpeed: (s: number) => void;
  onStep: (n: number) => void;
  onPlay: () => void;
  onPause: () => void;
  onReset: () => void;
  /** The running worker (the engine line says whether its fused kernels run). */
  info?: ReadyInfo | null;
}

export const SPEEDS = [1, 2, 5, 10, 20, 50];

export const TrainingControls = memo(function TrainingControls({
  ready,
  busy,
  stoppable,
  progress,
  stepsPerEpoch,
  speed,
  onSpeed,
  onStep,
  onPlay,
  onPause,
  onReset,
  info,
}: Props) {
  const t = useStrings();
  const playing = progress?.playing ?? false;
  return (
    <div className="training-controls">
      {/* On phones this bar is pinned to the bottom of the screen (engine.css): Step stays in
          reach wherever the reader is in the lesson. */}
      <div className="training-bar">
        <div className="buttons" role="group" aria-label={t.training}>
          <button type="button" onClick={() => onStep(1)} disabled={!ready}>
            {t.step}
          </button>
          <button type="button" onClick={() => onStep(10)} disabled={!ready}>
            {t.step10}
          </button>
          <button
            type="button"
            onClick={() => onStep(Math.max(1, stepsPerEpoch))}
            disabled={!ready}
            title={`${stepsPerEpoch} steps`}
          >
            {t.epoch}
          </button>
          <button
            type="button"
            className="primary play"
            onClick={onPlay}
            disabled={!ready}
            aria-pressed={playing}
          >
            <span className="play-mark" aria-hidden="true" />
            {t.play}
          </button>
          <button type="button" onClick={onPause} disabled={!ready || !stoppable}>
            {t.pause}
          </button>
          <button type="button" onClick={onReset} disabled={!ready}>
            {t.reset}
          </button>
        </div>
        <p className="counters" aria-live="polite" aria-atomic="true">
          {t.counters(
            progress?.step ?? 0,
            progress ? Number(fmtEpoch(progress.epoch)) : 0,
            progress?.samplesSeen ?? 0,
          )}
        </p>
      </div>
      <EngineStatus busy={busy} info={info} />
      <label className="speed">
        <span>{t.speed}</span>
        <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))}>
          {(SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b)).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
});
