/**
 * The backend picker: automatic, or one backend, each with what this session measured. A
 * change goes on training on the new backend from the current step (useBackendChoice).
 */
import { memo } from 'react';
import type { BackendName, ReadyInfo } from '../../train/protocol';
import { useLang, useText } from '../text/TextContext';
import { pickerOptions } from './backendWords';
import { ENGINE_STRINGS } from './engineStrings';
import type { BackendChoice } from './useBackendChoice';

export const BackendPicker = memo(function BackendPicker({
  info,
  backends,
  ready,
}: {
  info: ReadyInfo | null;
  backends: BackendChoice;
  ready: boolean;
}) {
  const lang = useLang();
  const t = useText(ENGINE_STRINGS);
  const { choice, choose, speeds, switching } = backends;
  const options = pickerOptions(info?.backend ?? null, choice, speeds, lang);
  return (
    <label className="backend-picker">
      <span>{t.pickerLabel}</span>
      <select
        value={choice ?? 'auto'}
        disabled={!ready || switching}
        onChange={(e) =>
          choose(e.target.value === 'auto' ? undefined : (e.target.value as BackendName))
        }
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
});
