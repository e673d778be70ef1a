/** Messages for the reader: ignored URL parts, training resets, worker notices and errors. */
import { memo } from 'react';
import { useStrings } from '../text/TextContext';
import type { Notice } from '../state/types';

export const Notices = memo(function Notices({
  notices,
  dismiss,
}: {
  notices: Notice[];
  dismiss: (id: number) => void;
}) {
  const t = useStrings();
  return (
    <section className="notices" aria-label={t.notices} aria-live="polite">
      {notices.map((n) => (
        <p key={n.id} className={`notice notice-${n.level}`}>
          <span>{n.message}</span>
          <button
            type="button"
            onClick={() => dismiss(n.id)}
            aria-label={`${t.dismiss}: ${n.message.slice(0, 40)}`}
          >
            ×
          </button>
        </p>
      ))}
    </section>
  );
});
