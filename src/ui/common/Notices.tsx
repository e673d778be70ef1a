/** Messages for the reader: ignored URL parts, training resets, worker notices and errors. */
import { memo } from 'react';
import { actionLabel, noticeText } from '../text/notices';
import { useLang, useStrings } from '../text/TextContext';
import type { Notice } from '../state/types';

export const Notices = memo(function Notices({
  notices,
  dismiss,
  onAction,
}: {
  notices: Notice[];
  dismiss: (id: number) => void;
  /** The reader took the way out a notice offered. */
  onAction: (n: Notice) => void;
}) {
  const t = useStrings();
  const lang = useLang();
  return (
    <section className="notices" aria-label={t.notices} aria-live="polite">
      {notices.map((n) => {
        const text = n.detail ? noticeText(lang, n.detail) : n.message;
        return (
          <p key={n.id} className={`notice notice-${n.level}`}>
            <span>{text}</span>
            {n.action && (
              <button type="button" className="notice-action" onClick={() => onAction(n)}>
                {actionLabel(lang, n.action)}
              </button>
            )}
            <button
              type="button"
              onClick={() => dismiss(n.id)}
              aria-label={`${t.dismiss}: ${text.slice(0, 40)}`}
            >
              ×
            </button>
          </p>
        );
      })}
    </section>
  );
});
