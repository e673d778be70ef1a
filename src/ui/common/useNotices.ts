/** Messages for the reader (ignored URL parts, resets, worker notices and errors), newest last. */
import { useCallback, useState } from 'react';
import type { Notice } from '../state/types';

let noticeId = 0;

export interface Notices {
  notices: Notice[];
  say: (level: Notice['level'], message: string, more?: Pick<Notice, 'detail' | 'action'>) => void;
  dismiss: (id: number) => void;
}

export function useNotices(): Notices {
  const [notices, setNotices] = useState<Notice[]>([]);
  const say = useCallback(
    (level: Notice['level'], message: string, more?: Pick<Notice, 'detail' | 'action'>) => {
      noticeId += 1;
      const id = noticeId;
      // Repeated messages (e.g. the same warning each tick) replace the old copy, not pile up.
      setNotices((ns) => [
        ...ns.filter((n) => n.message !== message).slice(-4),
        { id, level, message, ...more },
      ]);
    },
    [],
  );
  const dismiss = useCallback(
    (id: number) => setNotices((ns) => ns.filter((n) => n.id !== id)),
    [],
  );
  return { notices, say, dismiss };
}
