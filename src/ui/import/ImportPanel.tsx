/**
 * The region "Your own data": pick a log (and its item metadata), check the detected mapping,
 * import it in the parse worker with progress and Cancel, read what was kept, and hand the world
 * to the page (`onUse`). The panel never touches the training session itself: a failed or
 * cancelled import leaves the page as it was.
 */
import { useState } from 'react';
import type { ImportedWorld } from '../../data/import/types';
import { useLang, useText } from '../text/TextContext';
import type { DatasetEntry, DatasetStore } from './datasets';
import { KeptList } from './KeptList';
import { MappingStep } from './MappingStep';
import type { ImporterState } from './importerState';
import type { NamedBlob } from './parseClient';
import { SampleLinks } from './SampleLinks';
import { IMPORT_STRINGS, type ImportStrings } from './strings';
import { megabytes, summarySentences } from './summary';
import { useImporter, type Importer, type KeepNote } from './useImporter';
import './import.css';

export interface ImportPanelProps {
  /** The imported data set the models train on now, if any. */
  active: { id: string; name: string } | undefined;
  /** Train on this world; false when the page cannot (no user of the file has two events). */
  onUse: (world: ImportedWorld, id: string, name: string) => boolean | void;
  onToyShop: () => void;
  /** The kept data sets' store, shared with the page that reads them back at start. */
  store?: DatasetStore;
}

const NUMBER = { en: new Intl.NumberFormat('en'), zh: new Intl.NumberFormat('zh') };

function noteText(t: ImportStrings, note: KeepNote): string {
  if (note.kind === 'dropped') return t.dropped(note.names.join(', '));
  if (note.kind === 'notKept') return t.notKept(note.reason);
  return t.gone;
}

function Progress({ state, onCancel }: { state: ImporterState; onCancel: () => void }) {
  const t = useText(IMPORT_STRINGS);
  const lang = useLang();
  if (state.phase !== 'importing') return null;
  const p = state.progress;
  const passes = state.files.meta ? 3 : 2;
  const text = p
    ? t.progressText(
        p.pass,
        passes,
        t.passNames[p.pass],
        NUMBER[lang].format(p.rows),
        megabytes(p.bytes),
        megabytes(p.totalBytes),
      )
    : t.starting;
  return (
    <div className="import-progress">
      {p ? (
        <progress
          aria-label={t.progress}
          aria-valuetext={text}
          max={p.totalBytes || 1}
          value={p.bytes}
        />
      ) : (
        <progress aria-label={t.progress} aria-valuetext={text} />
      )}
      <span aria-live="polite">{text}</span>
      <button type="button" onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}

export function ImportPanel({ store, ...props }: ImportPanelProps) {
  return <ImportView im={useImporter({ store })} {...props} />;
}

/** The panel over an importer's state (apart from the hook, so a test renders any phase). */
export function ImportView({
  im,
  active,
  onUse,
  onToyShop,
}: Omit<ImportPanelProps, 'store'> & { im: Importer }) {
  const t = useText(IMPORT_STRINGS);
  const lang = useLang();
  const [unusable, setUnusable] = useState(false);
  const train = (world: ImportedWorld, id: string, name: string) =>
    setUnusable(onUse(world, id, name) === false);
  const { state } = im;
  const busy = state.phase === 'importing';
  const files = 'files' in state ? state.files : undefined;
  // Chosen before the log, the metadata file waits for it.
  const [meta, setMeta] = useState<NamedBlob | undefined>();
  // Folded until wanted: the lesson starts right below it. A file being read stays unfolded.
  const [open, setOpen] = useState(Boolean(active));
  const unfolded = open || state.phase !== 'idle';

  const pick = (events: NamedBlob | undefined, meta: NamedBlob | undefined) => {
    setUnusable(false);
    if (events) im.choose({ events, ...(meta ? { meta } : {}) });
  };
  const useKept = (e: DatasetEntry) => {
    void im.load(e.id).then((world) => {
      if (world) train(world, e.id, e.name);
    });
  };

  return (
    <section className="import-panel" aria-labelledby="import-h">
      <h2 id="import-h">{t.heading}</h2>
      <p className="caption">{t.intro}</p>
      {active && (
        <div className="import-active">
          <p role="status">{t.inUse(active.name)}</p>
          <button type="button" onClick={onToyShop}>
            {t.toyShop}
          </button>
        </div>
      )}
      <details
        className="import-body"
        open={unfolded}
        onToggle={(e) => setOpen(e.currentTarget.open)}
      >
        <summary>{t.unfold}</summary>
        <div className="import-files">
          <label>
            <span>{t.eventsLabel}</span>
            <input
              type="file"
              accept=".csv,.tsv,.txt,.dat,text/csv,text/tab-separated-values,text/plain"
              disabled={busy}
              onChange={(e) => pick(e.target.files?.[0], meta)}
            />
          </label>
          <label>
            <span>{t.metaLabel}</span>
            <input
              type="file"
              accept=".csv,.tsv,.txt,.dat,.json,.jsonl,text/csv,application/json,text/plain"
              disabled={busy}
              onChange={(e) => {
                const next = e.target.files?.[0];
                setMeta(next);
                if (files) pick(files.events, next);
              }}
            />
          </label>
        </div>
        {state.phase === 'detecting' && <p role="status">{t.detecting}</p>}
        {state.phase === 'error' && (
          <p className="import-error" role="alert">
            {state.error.message}
          </p>
        )}
        {state.phase === 'cancelled' && <p role="status">{t.cancelled}</p>}
        {(state.phase === 'mapping' ||
          state.phase === 'cancelled' ||
          (state.phase === 'error' && state.draft)) &&
          state.draft && (
            <MappingStep draft={state.draft} dispatch={im.dispatch} onImport={im.start} />
          )}
        <Progress state={state} onCancel={im.cancel} />
        {state.phase === 'done' && (
          <div className="import-done">
            <h3>{t.summaryHeading}</h3>
            {state.fromStore && <p className="caption">{t.fromStore}</p>}
            <ul className="import-summary">
              {summarySentences(state.world.summary, t, lang).map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
            <div className="buttons">
              {active?.id === state.id ? (
                <p className="caption">{t.inUse(state.world.fileName)}</p>
              ) : (
                <button
                  type="button"
                  className="primary"
                  onClick={() => train(state.world, state.id, state.world.fileName)}
                >
                  {t.train}
                </button>
              )}
              <button type="button" onClick={() => im.dispatch({ type: 'back' })}>
                {t.changeSettings}
              </button>
            </div>
          </div>
        )}
        {unusable && (
          <p className="import-error" role="alert">
            {t.unusable}
          </p>
        )}
        {im.note && (
          <p className="caption" role="status">
            {noteText(t, im.note)}
          </p>
        )}
        <KeptList
          kept={im.kept}
          activeId={active?.id}
          busy={busy}
          onUse={useKept}
          onRemove={im.remove}
        />
        <SampleLinks />
      </details>
    </section>
  );
}
