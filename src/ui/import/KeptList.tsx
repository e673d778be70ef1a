/** The data sets kept in this browser, each with Use and Remove. */
import { megabytes } from './summary';
import type { DatasetEntry } from './datasets';
import { MAX_DATASETS } from './datasets';
import { useLang, useText } from '../text/TextContext';
import { IMPORT_STRINGS } from './strings';

const NUMBER = { en: new Intl.NumberFormat('en'), zh: new Intl.NumberFormat('zh') };

export function KeptList({
  kept,
  activeId,
  busy,
  onUse,
  onRemove,
}: {
  kept: DatasetEntry[];
  activeId: string | undefined;
  /** An import is running: using another data set waits for it. */
  busy: boolean;
  onUse: (entry: DatasetEntry) => void;
  onRemove: (id: string) => void;
}) {
  const t = useText(IMPORT_STRINGS);
  const lang = useLang();
  if (kept.length === 0) return null;
  const n = (x: number) => NUMBER[lang].format(x);
  const date = (ms: number) =>
    new Date(ms).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
  return (
    <div className="import-kept">
      <h3>{t.kept}</h3>
      <p className="caption">{t.keptMax(MAX_DATASETS)}</p>
      <ul>
        {kept.map((e) => (
          <li key={e.id}>
            <span className="import-kept-name">{e.name}</span>{' '}
            <span className="caption">
              {t.keptEntry(
                t.formatNames[e.format],
                n(e.users),
                n(e.items),
                megabytes(e.bytes),
                date(e.savedAt),
              )}
            </span>{' '}
            <button
              type="button"
              aria-label={t.useNamed(e.name)}
              disabled={busy || e.id === activeId}
              onClick={() => onUse(e)}
            >
              {t.use}
            </button>{' '}
            <button type="button" aria-label={t.removeNamed(e.name)} onClick={() => onRemove(e.id)}>
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
