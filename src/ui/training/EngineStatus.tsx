/**
 * One line that says what the engine is busy with (starting, switching backend, compiling GPU
 * programs, how far an epoch is), with a spinner; it keeps its height when idle so the buttons
 * above never jump. Idle, once a worker is ready, it says whether the fused recurrent kernels run
 * (off with `?kernels=off`; webgl has none): in the line's idle slot, so a busy phase never
 * shares the narrow column with it.
 */
import { memo } from 'react';
import type { ReadyInfo } from '../../train/protocol';
import { useText } from '../text/TextContext';
import type { BusyPhase } from './busy';
import { ENGINE_STRINGS, kernelsText } from './engineStrings';

export const EngineStatus = memo(function EngineStatus({
  busy,
  info,
}: {
  busy: BusyPhase;
  info?: Pick<ReadyInfo, 'backend' | 'fusedKernels'> | null;
}) {
  const t = useText(ENGINE_STRINGS);
  let text: string;
  if (busy?.kind === 'starting') text = t.starting;
  else if (busy?.kind === 'switching') text = t.switching(busy.to);
  else if (busy?.kind === 'evaluating') text = t.evaluating;
  else if (busy?.kind === 'compiling') text = t.compiling(busy.backend);
  else if (busy?.kind === 'epoch') text = t.epochProgress(busy.done, busy.total);
  else text = kernelsText(t, info);
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
