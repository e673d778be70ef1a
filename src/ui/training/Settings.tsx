/**
 * Model, training and world settings. Each change restarts training (new weights) and the
 * caller says so; inputs commit on change (selects) or on blur/Enter (numbers) so typing a
 * multi-digit seed does not restart training at every keystroke.
 */
import { memo, useState } from 'react';
import type { ModelSettings, TrainSettings, WorldConfig } from '../../train/protocol';
import type { ConfigPatch } from '../state/pageReducer';
import { useStrings, useText } from '../text/TextContext';
import { PAGE_BST, type BstSettings } from '../../model/bstConfig';
import { BST_STRINGS } from '../bst/strings';
import { HISTORY_STRINGS } from '../history/strings';

interface Props {
  world: WorldConfig;
  model: ModelSettings;
  train: TrainSettings;
  /** BST's settings when it trains too (absent: off). */
  bst?: BstSettings;
  /** The imported file the session trains on (absent: the toy world). */
  fileName?: string;
  /** A setting changed: `what` names it for the reader's notice. */
  onChange: (patch: ConfigPatch, what: string) => void;
}

const LRS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05];
const BATCHES = [8, 16, 32, 64, 128, 256];
const EMBS = [2, 4, 6, 8, 12, 16];
const TS = [5, 10, 20, 30, 50];
const DRIFTS = [0, 0.05, 0.1, 0.15, 0.25, 0.35, 0.5];
const TIME_SIGNALS = [0, 0.02, 0.05, 0.1, 0.2];

function withValue(options: number[], v: number): number[] {
  return options.includes(v) ? options : [...options, v].sort((a, b) => a - b);
}

function NumberSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: number;
  options: number[];
  onChange: (v: number) => void;
}) {
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {withValue(options, value).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function SeedInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number;
  onCommit: (v: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const valid = /^\d{1,9}$/.test(text.trim());
  const commit = () => {
    if (draft === null) return;
    if (valid && Number(draft) !== value) onCommit(Number(draft));
    setDraft(null);
  };
  return (
    <label>
      <span>{label}</span>
      <input
        type="text"
        inputMode="numeric"
        value={text}
        aria-invalid={!valid}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {!valid && <span className="field-error">0–999999999; kept {value}</span>}
    </label>
  );
}

export const Settings = memo(function Settings({
  world,
  model,
  train,
  bst,
  fileName,
  onChange,
}: Props) {
  const t = useStrings();
  const h = useText(HISTORY_STRINGS);
  const b = useText(BST_STRINGS);
  const setBst = (p: Partial<BstSettings>, what: string) =>
    bst && onChange({ bst: { ...bst, ...p } }, what);
  return (
    <div className="settings">
      <fieldset>
        <legend>{t.training}</legend>
        <NumberSelect
          label={t.learningRate}
          value={train.learningRate}
          options={LRS}
          onChange={(v) => onChange({ train: { learningRate: v } }, t.learningRate)}
        />
        <NumberSelect
          label={t.batchSize}
          value={train.batchSize}
          options={BATCHES}
          onChange={(v) => onChange({ train: { batchSize: v } }, t.batchSize)}
        />
      </fieldset>
      <fieldset>
        <legend>{t.models}</legend>
        <NumberSelect
          label={t.embDim}
          value={model.embDim}
          options={EMBS}
          onChange={(v) => onChange({ model: { embDim: v } }, t.embDim)}
        />
        <NumberSelect
          label={t.T}
          value={model.T}
          options={TS}
          onChange={(v) => onChange({ model: { T: v } }, t.T)}
        />
        <label>
          <span>{t.attentionInput}</span>
          <select
            value={model.attentionInput}
            onChange={(e) =>
              onChange(
                { model: { attentionInput: e.target.value as ModelSettings['attentionInput'] } },
                t.attentionInput,
              )
            }
          >
            <option value="outer">{t.attnOuter}</option>
            <option value="diffprod">{t.attnDiffprod}</option>
            <option value="dot">{t.attnDot}</option>
          </select>
        </label>
        <label>
          <span>{t.activation}</span>
          <select
            value={model.activation}
            onChange={(e) =>
              onChange(
                { model: { activation: e.target.value as ModelSettings['activation'] } },
                t.activation,
              )
            }
          >
            <option value="prelu">PReLU</option>
            <option value="dice">Dice</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={model.attentionSoftmax}
            onChange={(e) => onChange({ model: { attentionSoftmax: e.target.checked } }, t.softmax)}
          />
          <span>{t.softmax}</span>
        </label>
        <label>
          <span>{t.evolving}</span>
          <select
            value={model.evolving}
            onChange={(e) =>
              onChange(
                { model: { evolving: e.target.value as ModelSettings['evolving'] } },
                t.evolving,
              )
            }
          >
            <option value="augru">AUGRU</option>
            <option value="agru">AGRU</option>
            <option value="aigru">AIGRU</option>
          </select>
        </label>
        <NumberSelect
          label={t.auxWeight}
          value={model.auxWeight}
          options={[0, 0.5, 1, 2]}
          onChange={(v) => onChange({ model: { auxWeight: v } }, t.auxWeight)}
        />
      </fieldset>
      <fieldset>
        <legend>{fileName ?? t.shop}</legend>
        <SeedInput
          label={t.worldSeed}
          value={world.seed}
          onCommit={(v) => onChange({ world: { seed: v } }, t.worldSeed)}
        />
        {fileName ? (
          <p className="hint">{h.fileSettings}</p>
        ) : (
          <>
            <NumberSelect
              label={t.drift}
              value={world.drift}
              options={DRIFTS}
              onChange={(v) => onChange({ world: { drift: v } }, t.drift)}
            />
            <NumberSelect
              label={b.timeSignal}
              value={world.timeSignal ?? 0}
              options={TIME_SIGNALS}
              onChange={(v) => onChange({ world: { timeSignal: v } }, b.timeSignal)}
            />
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{b.group}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={bst !== undefined}
            onChange={(e) => onChange({ bst: e.target.checked ? PAGE_BST : null }, b.trainToo)}
          />
          <span>{b.trainToo}</span>
        </label>
        {bst && (
          <>
            <label>
              <span>{b.position}</span>
              <select
                value={bst.position}
                onChange={(e) =>
                  setBst({ position: e.target.value as BstSettings['position'] }, b.position)
                }
              >
                <option value="timeGap">{b.posTimeGap}</option>
                <option value="position">{b.posPosition}</option>
              </select>
            </label>
            <NumberSelect
              label={b.heads}
              value={bst.heads}
              options={[1, 2]}
              onChange={(v) => setBst({ heads: v === 2 ? 2 : 1 }, b.heads)}
            />
            <label>
              <span>{b.attention}</span>
              <select
                value={bst.attention}
                onChange={(e) =>
                  setBst({ attention: e.target.value as BstSettings['attention'] }, b.attention)
                }
              >
                <option value="full">{b.attnFull}</option>
                <option value="causal">{b.attnCausal}</option>
              </select>
            </label>
            <label>
              <span>{b.output}</span>
              <select
                value={bst.output}
                onChange={(e) =>
                  setBst({ output: e.target.value as BstSettings['output'] }, b.output)
                }
              >
                <option value="concat">{b.outConcat}</option>
                <option value="candidate">{b.outCandidate}</option>
              </select>
            </label>
          </>
        )}
      </fieldset>
    </div>
  );
});
