/**
 * This world's results in the papers' form, next to the papers' own numbers (MODEL_SPEC.md),
 * in separate, clearly labelled tables: the data sets differ, so the numbers do not compare.
 */
import { memo } from 'react';
import { relaImpr } from '../../metrics';
import type { Progress } from '../../train/protocol';
import { fmt, signedPct } from '../common/format';
import { useStrings } from '../text/TextContext';
import { MODELS } from '../common/palette';

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
  progress,
}: {
  progress: Progress | null;
}) {
  const t = useStrings();
  const test = progress?.test;
  return (
    <div className="results">
      <div className="table-scroll">
        <table>
          <caption>
            {t.results}
            {progress?.testStep !== undefined && test
              ? ` (${t.stepAxis} ${progress.testStep})`
              : ''}
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
            {MODELS.map((m) => (
              <tr key={m}>
                <th scope="row">{t.modelNames[m]}</th>
                <td className="num">{test ? fmt(test[m].auc, 4) : '–'}</td>
                <td className="num">{test ? fmt(test[m].gauc, 4) : '–'}</td>
                <td className="num">{test ? fmt(test[m].logloss, 4) : '–'}</td>
                <td className="num">
                  {test ? signedPct(relaImpr(test[m].auc, test.base.auc)) : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
    <div className="table-scroll">
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
    </div>
  );
}
