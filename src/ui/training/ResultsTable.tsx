/**
 * This world's results in the papers' form, next to the papers' own numbers (MODEL_SPEC.md),
 * in separate, clearly labelled tables: the data sets differ, so the numbers do not compare.
 */
import { memo } from 'react';
import { chanceThreshold, gatedRelaImpr } from '../../metrics/significance';
import type { ReadyInfo } from '../../train/protocol';
import { fmt, signedPct } from '../common/format';
import { ScrollRegion } from '../common/ScrollRegion';
import { useStrings, useText } from '../text/TextContext';
import { MODELS } from '../common/palette';
import { METRIC_STRINGS } from './metricStrings';
import './metrics.css';
import type { ShownMetrics } from './shownMetrics';
import { RunsTable, type RunRow } from '../runs/RunsTable';
import type { TwinRow } from '../buglab/twinRows';
import { BUGLAB_STRINGS } from '../buglab/strings';
import { BST_STRINGS } from '../bst/strings';

const NO_RUNS: RunRow[] = [];
const NO_TWINS: TwinRow[] = [];

const DIN_PAPER: [string, string, string][] = [
  ['BaseModel', '0.7300 (0.00%)', '0.8624 (0.00%)'],
  ['Wide&Deep', '0.7304 (0.17%)', '0.8637 (0.36%)'],
  ['PNN', '0.7321 (0.91%)', '0.8679 (1.52%)'],
  ['DeepFM', '0.7324 (1.04%)', '0.8683 (1.63%)'],
  ['DIN', '0.7337 (1.61%)', '0.8818 (5.35%)'],
  ['DIN with Dice', '0.7348 (2.09%)', '0.8871 (6.82%)'],
];

const DIEN_PAPER: [string, string, string][] = [
  ['BaseModel', '0.7435', '0.7686'],
  ['Wide&Deep', '0.7456', '0.7735'],
  ['PNN', '0.7543', '0.7799'],
  ['DIN', '0.7603', '0.7880'],
  ['Two-layer GRU attention', '0.7605', '0.7890'],
  ['DIEN', '0.7792', '0.8453'],
];

export const ResultsTable = memo(function ResultsTable({
  shown,
  info,
  runs = NO_RUNS,
  twins = NO_TWINS,
}: {
  /** The test metrics of the step on screen (live or rewound), with their step. */
  shown: ShownMetrics;
  /** The test set's classes (the AUC's noise) and its Bayes ceiling. */
  info: ReadyInfo | null;
  /** The runs selected in the runs panel, side by side (their last test evaluation). */
  runs?: RunRow[];
  /** The bug lab's bugged copies at the step shown (none when rewound). */
  twins?: TwinRow[];
}) {
  const b = useText(BST_STRINGS);
  const lab = useText(BUGLAB_STRINGS);
  const t = useStrings();
  const w = useText(METRIC_STRINGS);
  const test = shown.test?.value;
  const bst = shown.test?.bst;
  // A session that does not say falls back on the protocol: one positive, one negative a shopper.
  const pos = info?.testPositives ?? (info ? info.testSize / 2 : 0);
  const neg = info?.testNegatives ?? (info ? info.testSize / 2 : 0);
  const gates = test
    ? MODELS.map((m) => gatedRelaImpr(test[m].auc, test.base.auc, pos, neg))
    : undefined;
  // BST against Base with the same gate as the others: shown only past the test set's noise.
  const bstGate = test && bst ? gatedRelaImpr(bst.auc, test.base.auc, pos, neg) : undefined;
  const anyHidden = (gates?.some((g) => !g.shown) ?? false) || (bstGate ? !bstGate.shown : false);
  const bayes = info?.bayesAuc;
  return (
    <div className="results">
      <div>
        <ScrollRegion label={t.results}>
          <table>
            <caption>
              {t.results}
              {shown.test ? w.resultsAt(shown.test.step, shown.at !== null) : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.model}</th>
                <th scope="col">AUC</th>
                <th scope="col">GAUC</th>
                <th scope="col">{t.logloss}</th>
                <th scope="col">{t.relaImpr}</th>
              </tr>
            </thead>
            <tbody>
              {MODELS.map((m, i) => {
                const g = gates?.[i];
                return (
                  <tr key={m}>
                    <th scope="row">{t.modelNames[m]}</th>
                    <td className="num">{test ? fmt(test[m].auc, 4) : '–'}</td>
                    <td className="num">{test ? fmt(test[m].gauc, 4) : '–'}</td>
                    <td className="num">{test ? fmt(test[m].logloss, 4) : '–'}</td>
                    <td className="num">
                      {!g ? (
                        '–'
                      ) : g.shown ? (
                        signedPct(g.value)
                      ) : (
                        <span className="hidden-value">{w.hidden}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
              {bst && (
                <tr className="bst-row">
                  <th scope="row">{b.name}</th>
                  <td className="num">{fmt(bst.auc, 4)}</td>
                  <td className="num">{fmt(bst.gauc, 4)}</td>
                  <td className="num">{fmt(bst.logloss, 4)}</td>
                  <td className="num">
                    {!bstGate ? (
                      '–'
                    ) : bstGate.shown ? (
                      signedPct(bstGate.value)
                    ) : (
                      <span className="hidden-value">{w.hidden}</span>
                    )}
                  </td>
                </tr>
              )}
              {twins.map((r) => (
                <tr key={r.key} className="twin-row">
                  <th scope="row">{r.name}</th>
                  <td className="num">{fmt(r.metrics.auc, 4)}</td>
                  <td className="num">{fmt(r.metrics.gauc, 4)}</td>
                  <td className="num">{fmt(r.metrics.logloss, 4)}</td>
                  <td className="num">–</td>
                </tr>
              ))}
              {bayes !== undefined && Number.isFinite(bayes) && (
                <tr className="ceiling-row">
                  <th scope="row">{w.bayesRow}</th>
                  <td className="num">{fmt(bayes, 4)}</td>
                  <td className="num">–</td>
                  <td className="num">–</td>
                  <td className="num">–</td>
                </tr>
              )}
            </tbody>
          </table>
        </ScrollRegion>
        {twins.length > 0 && <p className="hint">{lab.twinCaption}</p>}
        {bayes !== undefined && Number.isFinite(bayes) && <p className="hint">{w.bayesNote}</p>}
        {anyHidden && (
          <p className="hint">{w.relaNote(fmt(chanceThreshold(pos, neg), 3), pos, neg)}</p>
        )}
        <RunsTable runs={runs} />
      </div>
      <div className="papers">
        <p className="papers-label">{t.papers}</p>
        <PaperTable
          caption={t.dinPaper}
          model={t.model}
          columns={['MovieLens', 'Amazon (Electronics)']}
          rows={DIN_PAPER}
        />
        <PaperTable
          caption={t.dienPaper}
          model={t.model}
          columns={['Electronics', 'Books']}
          rows={DIEN_PAPER}
        />
      </div>
    </div>
  );
});

/** One of the papers' published tables, verbatim (MODEL_SPEC.md). */
function PaperTable({
  caption,
  model,
  columns,
  rows,
}: {
  caption: string;
  model: string;
  columns: [string, string];
  rows: [string, string, string][];
}) {
  return (
    <ScrollRegion label={caption}>
      <table className="paper">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{model}</th>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([m, a, b]) => (
            <tr key={m}>
              <th scope="row">{m}</th>
              <td className="num">{a}</td>
              <td className="num">{b}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
