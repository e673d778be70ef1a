/** The line that says what became of the saved run: resumed (with Start fresh), offered, or set aside. */
import { useLang, useText } from '../text/TextContext';
import type { SavedState } from './useAutosave';
import { PERSIST_STRINGS } from './strings';
import './persist.css';

export function SavedRun({
  saved,
  onStartFresh,
  onResume,
}: {
  saved: SavedState;
  onStartFresh: () => void;
  onResume: () => void;
}) {
  const t = useText(PERSIST_STRINGS);
  const lang = useLang();
  if (saved.kind === 'checking' || saved.kind === 'idle') return null;
  const when = (ms: number) =>
    new Date(ms).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
  return (
    <section className="saved-run notice info" role="status" aria-label={t.region}>
      {saved.kind === 'resumed' && (
        <>
          <span>{t.resumed(saved.step, when(saved.savedAt))}</span>
          <button type="button" onClick={onStartFresh}>
            {t.startFresh}
          </button>
        </>
      )}
      {saved.kind === 'offer' && (
        <>
          <span>{t.offer(saved.session.checkpoint.step)}</span>
          <button type="button" onClick={onResume}>
            {t.resume}
          </button>
        </>
      )}
      {saved.kind === 'setAside' && <span>{t.setAside(saved.problem)}</span>}
    </section>
  );
}
