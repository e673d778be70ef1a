/**
 * The reader's backend choice (undefined: the automatic one) and what each backend measured in
 * this session. The choice is this hook's (the link follows it); a change asks the client to go
 * on training on that backend from where it is, and `switching` holds until the new worker says
 * it is ready.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TrainerClient } from '../../train/page/client';
import type { BackendName } from '../../train/protocol';

export type Speeds = Partial<Record<BackendName, number>>;

export interface BackendChoice {
  choice: BackendName | undefined;
  choose: (b: BackendName | undefined) => void;
  /** True from a choice until the new worker is ready. */
  switching: boolean;
  /** The latest measured ms per step of each backend trained on in this session. */
  speeds: Speeds;
  /** The running worker has timed a step: its backend's programs are compiled. */
  warm: boolean;
}

export function useBackendChoice(
  client: TrainerClient | null,
  initial: BackendName | undefined,
): BackendChoice {
  const [choice, setChoice] = useState(initial);
  const [switching, setSwitching] = useState(false);
  const [speeds, setSpeeds] = useState<Speeds>({});
  const [warm, setWarm] = useState(false);

  // The client's messages in order: a progress belongs to the backend of the last 'ready'.
  useEffect(() => {
    if (!client) return;
    let on: BackendName | undefined = client.backend?.name;
    return client.subscribe((r) => {
      if (r.type === 'ready') {
        // A reset says 'ready' again on the same worker, whose programs stay compiled.
        if (r.backend.name !== on) setWarm(false);
        on = r.backend.name;
        setSwitching(false);
      } else if (r.type === 'progress' && on !== undefined) {
        const ms = r.progress.msPerStep;
        const name = on;
        if (ms === undefined) return;
        setWarm(true);
        setSpeeds((s) => (s[name] === ms ? s : { ...s, [name]: ms }));
      } else if (r.type === 'error' && r.fatal) {
        on = undefined;
      }
    });
  }, [client]);

  const choose = useCallback(
    (b: BackendName | undefined) => {
      if (!client) return;
      setChoice(b);
      setSwitching(true);
      setWarm(false);
      void client.switchBackend(b);
    },
    [client],
  );

  return { choice, choose, switching, speeds, warm };
}
