/**
 * Take the trained models away: the live weights as `.safetensors` and the curves as CSV. The
 * weights come from the training worker (never the main thread's own copy: it has none).
 */
import { useState } from 'react';
import { errorText } from '../../lib/errorText';
import type { TrainerClient } from '../../train/page/client';
import type { SessionConfig } from '../../train/protocol';
import { weightsToSafetensors } from '../../train/weightsFile';
import type { Curves } from '../state/types';
import { useText } from '../text/TextContext';
import { curvesCsv } from './csv';
import { download } from './download';
import { EXPORT_STRINGS } from './strings';
import './export.css';

export function ExportPanel({
  client,
  ready,
  config,
  curves,
}: {
  client: TrainerClient | null;
  ready: boolean;
  config: SessionConfig;
  curves: Curves;
}) {
  const t = useText(EXPORT_STRINGS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onWeights = async () => {
    if (!client) return;
    setBusy(true);
    setError(null);
    try {
      const w = await client.exportWeights();
      download(
        `din-dien-step-${w.step}.safetensors`,
        weightsToSafetensors(w, config),
        'application/octet-stream',
      );
    } catch (e) {
      setError(t.failed(errorText(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-panel">
      <h3>{t.heading}</h3>
      <p className="caption">{t.hint}</p>
      <div className="buttons">
        <button type="button" disabled={!ready || busy} onClick={() => void onWeights()}>
          {busy ? t.busy : t.weights}
        </button>
        <button
          type="button"
          disabled={curves.loss.length === 0 && curves.test.length === 0}
          onClick={() => download('din-dien-curves.csv', curvesCsv(curves), 'text/csv')}
        >
          {t.curves}
        </button>
      </div>
      {error && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
