/**
 * One line that says what the engine is busy with (starting, switching backend, compiling GPU
 * programs, how far an epoch is), with a spinner; it keeps its height when idle so the buttons
 * above never jump.
 */
import { memo } from 'react';
import { useText } from '../text/TextContext';
import type { BusyPhase } from './busy';
import { ENGINE_STRINGS } from './engineStrings';

export const EngineStatus = memo(function EngineStatus({ busy }: { busy: BusyPhase }) {
  const t = useText(ENGINE_STRINGS);
  let text = '';
  if (busy?.kind === 'starting') text = t.starting;
  else if (busy?.kind === 'switching') text = t.switching(busy.to);
  else if (busy?.kind === 'evaluating') text = t.evaluating;
  else if (busy?.kind === 'compiling') text = t.compiling(busy.backend);
  else if (busy?.kind === 'epoch') text = t.epochProgress(busy.done, busy.total);
  return (
    <div className="engine-status" role="status" aria-label={t.statusName}>
      {busy && busy.kind !== 'epoch' && <span className="spinner" aria-hidden="true" />}
      <span>{text}</span>
      {busy?.kind === 'epoch' && (
        <progress max={busy.total} value={busy.done} aria-label={t.epochBar} />
      )}
    </div>
  );
});
