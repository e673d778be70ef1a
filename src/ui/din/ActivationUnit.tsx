/**
 * Inside DIN's activation unit for one purchase: e_j, v_A, the interaction features of the
 * chosen input variant (recomputed here from the model's own two vectors: plain arithmetic),
 * the MLP's shape and the resulting weight. Inputs → MLP → weight read as one flow: the arrows
 * sit between the blocks they join (down the page on a phone), never at the end of a line.
 */
import { memo } from 'react';
import type { ModelSettings } from '../../train/protocol';
import { fmt } from '../common/format';
import { useGoodNames } from '../common/goods';
import { useStrings, useText } from '../text/TextContext';
import { DIN_STRINGS } from './strings';
import './unit.css';
import type { Scored } from '../state/types';
import { divergingScale, maxAbs, VectorStrip } from '../common/VectorStrip';

interface Props {
  scored: Scored | null;
  /** Index into scored.result.kept of the inspected purchase. */
  keptIndex: number;
  settings: ModelSettings;
}

export const ActivationUnit = memo(function ActivationUnit({ scored, keptIndex, settings }: Props) {
  const t = useStrings();
  const d = useText(DIN_STRINGS);
  const names = useGoodNames();
  if (!scored) return <p className="loading">{t.loading}</p>;
  const { result } = scored;
  const din = result.din;
  const e = din.behaviorEmbeddings[keptIndex];
  const v = din.candidateEmbedding;
  if (!e) return <p className="hint">{t.emptyHistory}</p>;
  const eName = names.label(result.history[result.kept[keptIndex]]);
  const vName = names.label(result.candidate);
  const diff = e.map((x, i) => x - v[i]);
  const prod = e.map((x, i) => x * v[i]);
  const dot = prod.reduce((a, b) => a + b, 0);
  const m = maxAbs(e, v, diff, prod);
  const scale = divergingScale(m);
  const variant = settings.attentionInput;
  const outer = variant === 'outer' ? e.map((x) => v.map((y) => x * y)) : [];
  const outerScale = divergingScale(maxAbs(...outer));
  const cell = e.length > 24 ? 8 : 12;
  return (
    <div className="unit">
      <p className="hint unit-how">{d.unitHowOther}</p>
      <div className="unit-flow">
        <div className="unit-inputs">
          <div className="vec-row">
            <span className="vec-label">{t.unitEmb(eName)}</span>
            <VectorStrip values={e} scale={scale} label={t.unitEmb(eName)} cell={cell} />
          </div>
          <div className="vec-row">
            <span className="vec-label">{t.unitCand(vName)}</span>
            <VectorStrip values={v} scale={scale} label={t.unitCand(vName)} cell={cell} />
          </div>
          {variant === 'diffprod' && (
            <>
              <div className="vec-row">
                <span className="vec-label">{t.unitDiff}</span>
                <VectorStrip values={diff} scale={scale} label={t.unitDiff} cell={cell} />
              </div>
              <div className="vec-row">
                <span className="vec-label">{t.unitProd}</span>
                <VectorStrip values={prod} scale={scale} label={t.unitProd} cell={cell} />
              </div>
            </>
          )}
          {variant === 'outer' && (
            <div className="vec-row">
              <span className="vec-label">{t.unitOuter}</span>
              <svg
                className="outer"
                width={v.length * 6}
                height={e.length * 6}
                role="img"
                aria-label={`${t.unitOuter}: ${e.length}×${v.length}, max |x| ${fmt(maxAbs(...outer), 2)}`}
              >
                {outer.map((row, i) =>
                  row.map((x, j) => (
                    <rect
                      key={`${i}-${j}`}
                      x={j * 6}
                      y={i * 6}
                      width={5}
                      height={5}
                      fill={outerScale(x)}
                    />
                  )),
                )}
              </svg>
            </div>
          )}
          {variant === 'dot' && (
            <div className="vec-row">
              <span className="vec-label">{t.unitDot}</span>
              <output className="num">{fmt(dot, 3)}</output>
            </div>
          )}
        </div>
        <div className="unit-arrow" aria-hidden="true">
          <span>→</span>
        </div>
        <div className="unit-mlp">
          {variant === 'dot' ? (
            <p>{t.unitDot}</p>
          ) : (
            <>
              <p>
                {t.unitMlp(
                  settings.attentionHidden,
                  settings.activation === 'dice' ? 'Dice' : 'PReLU',
                )}
              </p>
              {din.unitHidden.map((layer, i) => {
                const h = layer[keptIndex];
                if (!h) return null;
                const label = t.unitHiddenLayer(i + 1, h.length);
                return (
                  <div className="vec-row" key={i}>
                    <span className="vec-label">{label}</span>
                    <VectorStrip
                      values={h}
                      scale={divergingScale(maxAbs(h))}
                      label={label}
                      cell={hiddenCell(h.length, cell)}
                    />
                  </div>
                );
              })}
            </>
          )}
          {settings.attentionSoftmax && <p>softmax</p>}
        </div>
        <div className="unit-arrow" aria-hidden="true">
          <span>→</span>
        </div>
        <div className="unit-weight">
          <span>{t.unitWeight}</span>
          <output className="big">{fmt(din.weights[keptIndex], 3)}</output>
          <span className="hint">
            {t.relevance}: {fmt(result.truth?.relevance[keptIndex], 2)}
          </span>
        </div>
      </div>
      <ColourKey
        max={m}
        note={d.unitKeyNote(variant !== 'dot' && din.unitHidden.length > 0)}
        title={d.unitKey}
      />
    </div>
  );
});

/** The strips' colour key: the shared diverging scale from −max through 0 to +max. */
function ColourKey({ max, note, title }: { max: number; note: string; title: string }) {
  const scale = divergingScale(max);
  const m = max > 0 && Number.isFinite(max) ? max : 1;
  const stops = [-1, -0.5, 0, 0.5, 1].map((f) => `${scale(f * m)} ${(f + 1) * 50}%`).join(', ');
  return (
    <div className="unit-key">
      <span className="unit-key-title">{title}</span>
      <span className="num">−{fmt(m, 2)}</span>
      <span
        className="unit-key-ramp"
        aria-hidden="true"
        style={{ background: `linear-gradient(90deg, ${stops})` }}
      />
      <span className="num">+{fmt(m, 2)}</span>
      <span className="hint">{note}</span>
    </div>
  );
}

/** Cell size for a hidden-layer strip: a 36-unit layer must still fit a 375 px phone. */
function hiddenCell(units: number, cell: number): number {
  return Math.max(4, Math.min(cell, Math.floor(280 / units)));
}
