/**
 * Download the current run as a session file, and open one by file picker or drag and drop.
 * A file is size-checked, parsed and validated (sessionFile.ts) before anything changes; a bad
 * one leaves the page as it was and says what was wrong.
 */
import { useState, type DragEvent } from 'react';
import { errorText } from '../../lib/errorText';
import type { TrainerClient } from '../../train/page/client';
import { download } from '../export/download';
import type { PageModel } from '../state/pageReducer';
import type { Curves } from '../state/types';
import { useText } from '../text/TextContext';
import { fileWithin, MAX_FILE_BYTES, sessionFromFile } from './sessionFile';
import type { SavedSession } from './schema';
import { PERSIST_STRINGS } from './strings';
import { savedRunsOf, sessionOf } from './useAutosave';
import type { RunsState } from '../runs/runsStore';
import './persist.css';

export function SessionFile({
  client,
  ready,
  page,
  curves,
  runs,
  onOpen,
}: {
  client: TrainerClient | null;
  ready: boolean;
  page: Pick<PageModel, 'config' | 'history' | 'candidate'>;
  curves: Curves;
  /** The runs panel: its kept runs travel in the file too. */
  runs: RunsState;
  onOpen: (s: SavedSession) => void;
}) {
  const t = useText(PERSIST_STRINGS);
  const [problem, setProblem] = useState<string | null>(null);
  const [leftOut, setLeftOut] = useState<number>(0);

  const onDownload = async () => {
    if (!client) return;
    try {
      const checkpoint = await client.exportState();
      const rewind = client.rewindCopies(checkpoint.step);
      const s = sessionOf(page, curves, checkpoint, rewind, savedRunsOf(runs));
      const fit = fileWithin(s);
      if (!fit) return setProblem(t.exportFailed(t.tooBig(MAX_FILE_BYTES / 1024 / 1024)));
      setLeftOut(fit.dropped.length);
      download(`din-dien-session-step-${s.checkpoint.step}.json`, fit.text, 'application/json');
    } catch (e) {
      setProblem(t.exportFailed(errorText(e)));
    }
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_FILE_BYTES)
      return setProblem(t.openFailed(t.tooBig(MAX_FILE_BYTES / 1024 / 1024)));
    const read = sessionFromFile(await file.text());
    if (!read.ok) return setProblem(t.openFailed(read.problem));
    onOpen(read.session);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void openFile(e.dataTransfer.files[0]);
  };

  return (
    <div className="session-file" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h3>{t.fileHeading}</h3>
      <p className="caption">{t.fileHint}</p>
      <div className="buttons">
        <button type="button" disabled={!ready} onClick={() => void onDownload()}>
          {t.download}
        </button>
        <label className="file-open">
          <span>{t.open}</span>
          <input
            type="file"
            accept=".json,application/json"
            disabled={!ready}
            onChange={(e) => {
              void openFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <span className="caption">{t.drop}</span>
      </div>
      {leftOut > 0 && (
        <p className="caption" role="status">
          {t.leftOut(leftOut, MAX_FILE_BYTES / 1024 / 1024)}
        </p>
      )}
      {problem && (
        <p className="export-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
