/** The page's title, the language picker and the backend status ("Backend"). */
import { memo } from 'react';
import type { BackendInfo } from '../../train/protocol';
import type { Lang } from '../text/i18n';
import { useStrings } from '../text/TextContext';

export const Masthead = memo(function Masthead({
  lang,
  onLang,
  backend,
}: {
  lang: Lang;
  onLang: (lang: Lang) => void;
  /** Null until the training worker is ready. */
  backend: BackendInfo | null;
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
            {backend ? backend.label : t.backendLoading}
          </span>
        </div>
      </div>
    </header>
  );
});
