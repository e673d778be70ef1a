/** The page's title, the language picker, the backend status ("Backend") and its picker. */
import { memo, type ReactNode } from 'react';
import type { BackendInfo } from '../../train/protocol';
import type { Lang } from '../text/i18n';
import { useStrings } from '../text/TextContext';

export const Masthead = memo(function Masthead({
  lang,
  onLang,
  backend,
  badge,
  children,
}: {
  lang: Lang;
  onLang: (lang: Lang) => void;
  /** Null until the training worker is ready. */
  backend: BackendInfo | null;
  /** What the badge says about the backend (null: still starting). */
  badge: string | null;
  /** The backend picker. */
  children?: ReactNode;
}) {
  const t = useStrings();
  return (
    <header className="masthead">
      <div className="masthead-text">
        <h1>{t.title}</h1>
        <p className="subtitle">{t.subtitle}</p>
      </div>
      <div className="masthead-tools">
        <label className="lang">
          <span>{t.language}</span>
          <select value={lang} onChange={(e) => onLang(e.target.value as Lang)}>
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
        </label>
        <div className="backend">
          <span aria-hidden="true">{t.backend}: </span>
          <span role="status" aria-label="Backend" title={backend?.fallbackReasons.join('; ')}>
            {badge ?? t.backendLoading}
          </span>
        </div>
        {children}
      </div>
    </header>
  );
});
