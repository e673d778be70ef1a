/**
 * The column-mapping step: the detected format, dialect and columns, each correctable, the
 * file's first rows to check them against, and the caps. Everything from the file (column names,
 * cells) is rendered as text.
 */
import { useId } from 'react';
import {
  BEHAVIORS,
  COLUMN_ROLES,
  FORMATS,
  REQUIRED_ROLES,
  type ColumnRole,
  type FormatId,
} from '../../data/import/types';
import { useText } from '../text/TextContext';
import { DELIMITERS } from './dialect';
import {
  CAP_KEYS,
  CAP_MIN,
  capsOf,
  settingsOf,
  type Draft,
  type ImporterAction,
} from './importerState';
import { IMPORT_STRINGS } from './strings';

const NONE = '';

export function MappingStep({
  draft,
  dispatch,
  onImport,
}: {
  draft: Draft;
  dispatch: (a: ImporterAction) => void;
  onImport: () => void;
}) {
  const t = useText(IMPORT_STRINGS);
  const id = useId();
  const d = draft.detection;
  const caps = capsOf(draft.caps);
  const capProblem = caps.ok ? null : t.capProblem(t.capLabels[caps.key], CAP_MIN[caps.key]);
  const ready = settingsOf(draft) !== null;
  const option = (c: number) => `${c + 1}: ${d.columns[c]}`;
  const columnSelect = (role: ColumnRole) => {
    const value = d.mapping[role];
    const required = REQUIRED_ROLES.includes(role);
    return (
      <label key={role}>
        <span>{t.roles[role]}</span>
        <select
          value={value === undefined ? NONE : String(value)}
          onChange={(e) =>
            dispatch({
              type: 'role',
              role,
              column: e.target.value === NONE ? undefined : Number(e.target.value),
            })
          }
        >
          {(!required || value === undefined) && (
            <option value={NONE}>{required ? t.choose : t.none}</option>
          )}
          {d.columns.map((_, c) => (
            <option key={c} value={String(c)}>
              {option(c)}
            </option>
          ))}
        </select>
      </label>
    );
  };

  return (
    <div className="import-mapping">
      <div className="import-fields">
        <label>
          <span>{t.format}</span>
          <select
            value={d.format}
            onChange={(e) => dispatch({ type: 'format', format: e.target.value as FormatId })}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t.formatNames[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.delimiter}</span>
          <select
            value={d.delimiter}
            disabled={draft.head === null}
            onChange={(e) => dispatch({ type: 'dialect', dialect: { delimiter: e.target.value } })}
          >
            {DELIMITERS.map((c) => (
              <option key={c} value={c}>
                {t.delimiterNames[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="import-check">
          <input
            type="checkbox"
            checked={d.header}
            disabled={draft.head === null}
            onChange={(e) => dispatch({ type: 'dialect', dialect: { header: e.target.checked } })}
          />
          <span>{t.header}</span>
        </label>
      </div>
      <div className="import-fields">{COLUMN_ROLES.map(columnSelect)}</div>
      {d.problem && (
        <p className="import-error" role="alert">
          {d.problem.message}
        </p>
      )}
      <div className="table-scroll">
        <table className="import-preview">
          <caption>{t.preview}</caption>
          <thead>
            <tr>
              {d.columns.map((name, c) => (
                <th key={c} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.preview.map((row, r) => (
              <tr key={r}>
                {d.columns.map((_, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {draft.meta && (
        <p className="caption">
          {t.metaRead(
            draft.meta.kind,
            (['item', 'category', 'name'] as const)
              .flatMap((r) => {
                const c = draft.meta!.mapping[r];
                return c === undefined
                  ? []
                  : [`${t.roles[r]} “${draft.meta!.columns[c] ?? c + 1}”`];
              })
              .join(', '),
          )}
        </p>
      )}
      {d.mapping.behavior !== undefined && (
        <fieldset className="import-behaviors">
          <legend>{t.behaviors}</legend>
          {BEHAVIORS.map((b) => (
            <label key={b} className="import-check">
              <input
                type="checkbox"
                checked={draft.behaviors.includes(b)}
                onChange={(e) => dispatch({ type: 'behavior', behavior: b, on: e.target.checked })}
              />
              <span>{t.behaviorNames[b]}</span>
            </label>
          ))}
        </fieldset>
      )}
      {d.mapping.rating !== undefined && (
        <div className="import-fields">
          <label>
            <span>{t.minRating}</span>
            <input
              type="number"
              step="any"
              value={draft.minRating}
              onChange={(e) => dispatch({ type: 'minRating', value: e.target.value })}
            />
          </label>
        </div>
      )}
      <fieldset className="import-caps">
        <legend>{t.caps}</legend>
        {CAP_KEYS.map((k) => (
          <label key={k}>
            <span>{t.capLabels[k]}</span>
            <input
              type="number"
              min={CAP_MIN[k]}
              step={1}
              value={draft.caps[k]}
              aria-describedby={capProblem && !caps.ok && caps.key === k ? `${id}-cap` : undefined}
              onChange={(e) => dispatch({ type: 'cap', key: k, value: e.target.value })}
            />
          </label>
        ))}
        {capProblem && (
          <p className="field-error" id={`${id}-cap`}>
            {capProblem}
          </p>
        )}
      </fieldset>
      <button type="button" className="primary" disabled={!ready} onClick={onImport}>
        {t.importButton}
      </button>
    </div>
  );
}
